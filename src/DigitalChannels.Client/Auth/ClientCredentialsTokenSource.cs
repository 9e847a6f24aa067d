using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using Microsoft.Identity.Client;

namespace DigitalChannels.Client.Auth
{
    /// <summary>
    /// Tokens for a registered app (client id and secret) from an OIDC authority through MSAL. MSAL keeps them in
    /// memory, for this connection only, and fetches a new one before the old one expires.
    /// </summary>
    public sealed class ClientCredentialsTokenSource : IAccessTokenSource
    {
        private readonly IConfidentialClientApplication _app;
        private readonly string[] _scopes;
        private readonly string _clientId;
        private readonly WebexEnvironment _environment;
        private readonly SecretRedactor _redactor;

        public ClientCredentialsTokenSource(WebexEnvironment environment, string clientId, string clientSecret, IEnumerable<string> scopes,
            SecretRedactor redactor, HttpMessageHandler handler = null, RetryPolicy retry = null)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("The client id is empty.", nameof(clientId));
            if (string.IsNullOrEmpty(clientSecret)) throw new ArgumentException("The client secret is empty.", nameof(clientSecret));
            _clientId = clientId.Trim();
            _scopes = (scopes ?? Auth.Scopes.Default).Distinct(StringComparer.Ordinal).ToArray();
            if (_scopes.Length == 0) throw new ArgumentException("At least one scope is needed.", nameof(scopes));
            _redactor = redactor ?? new SecretRedactor();
            _redactor.Add(clientSecret);

            var builder = ConfidentialClientApplicationBuilder.Create(_clientId)
                .WithClientSecret(clientSecret)
                .WithOidcAuthority(environment.OidcAuthority.ToString().TrimEnd('/'))
                .WithLogging((level, message, pii) => { }, LogLevel.Error, enablePiiLogging: false, enableDefaultPlatformLogging: false);
            // Always our HTTP client: discovery and token requests get the retry policy every other call gets.
            builder = builder.WithHttpClientFactory(new MsalHttpClientFactory(environment, handler, retry ?? new RetryPolicy()));
            _app = builder.Build();
        }

        public string Method => "ClientCredentials";
        public bool CanRefresh => true;
        public DateTimeOffset? ExpiresOn { get; private set; }
        public string ClientId => _clientId;
        public IReadOnlyList<string> Scopes => _scopes;

        public async Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            AuthenticationResult result;
            try
            {
                result = await _app.AcquireTokenForClient(_scopes).WithForceRefresh(forceRefresh).ExecuteAsync(cancellationToken);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // An attempt that timed out after the retry policy gave up (not Ctrl+C): one typed error, like any call's.
                throw SignInErrors.From(new TimeoutException(ex.Message, ex), _environment, _clientId, _redactor);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException) && SignInErrors.From(ex, _environment, _clientId, _redactor) is WebexApiException mapped)
            {
                // MSAL's Azure AD wording and raw HttpRequestExceptions never reach the user: SignInErrors words them.
                throw mapped;
            }
            ExpiresOn = result.ExpiresOn;
            _redactor.Add(result.AccessToken);
            return result.AccessToken;
        }

        public override string ToString() => "ClientCredentials " + _clientId;

        /// <summary>
        /// MSAL's HTTP client: the test hook's handler when one is given, and for a sandbox the mapping of MSAL's
        /// https-only authority onto the sandbox's plain-http loopback URL.
        /// </summary>
        private sealed class MsalHttpClientFactory : IMsalHttpClientFactory
        {
            private readonly HttpClient _client;

            public MsalHttpClientFactory(WebexEnvironment environment, HttpMessageHandler handler, RetryPolicy retry)
            {
                HttpMessageHandler inner = handler ?? HttpHandlerFactory.Create();
                if (environment.IsSandbox) inner = new SandboxAuthorityHandler(environment) { InnerHandler = inner };
                inner = new RetryingHttpHandler(retry, inner);
                // The test hook's handler belongs to the test; ours are disposed with the client.
                _client = new HttpClient(inner, disposeHandler: handler == null);
            }

            public HttpClient GetHttpClient() => _client;
        }

        private sealed class SandboxAuthorityHandler : DelegatingHandler
        {
            private readonly Uri _authority;
            private readonly Uri _sandbox;

            public SandboxAuthorityHandler(WebexEnvironment environment)
            {
                _authority = environment.OidcAuthority;
                _sandbox = environment.IdentityBaseUri;
            }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var target = request.RequestUri;
                if (target.Scheme != _sandbox.Scheme && target.Scheme == _authority.Scheme &&
                    string.Equals(target.Authority, _authority.Authority, StringComparison.OrdinalIgnoreCase))
                {
                    request.RequestUri = new UriBuilder(target) { Scheme = _sandbox.Scheme, Port = _sandbox.Port }.Uri;
                }
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
