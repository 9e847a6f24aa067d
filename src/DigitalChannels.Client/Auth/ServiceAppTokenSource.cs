using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Auth
{
    /// <summary>
    /// A Webex Service App acting in one organization through its machine account (platform facts §1.1a): the first token
    /// pair comes from <c>POST /v1/applications/{applicationId}/token</c>, asked with an administrator's token that holds
    /// <c>spark:applications_token</c>; afterwards the app refreshes it itself with the ordinary refresh_token grant and its
    /// own client id and secret, so the administrator's sign-in is no longer needed.
    /// </summary>
    public sealed class ServiceAppTokenSource : IAccessTokenSource, IDisposable
    {
        public const string MethodName = "ServiceApp";
        private readonly RefreshTokenSource _refresh;

        public ServiceAppTokenSource(WebexEnvironment environment, string applicationId, string clientId, string clientSecret, SignInTokens tokens,
            SecretRedactor redactor, HttpMessageHandler handler = null)
        {
            if (string.IsNullOrWhiteSpace(applicationId)) throw new ArgumentException("The service app's application id is empty.", nameof(applicationId));
            ApplicationId = applicationId.Trim();
            _refresh = new RefreshTokenSource(environment, clientId, clientSecret, tokens, redactor, handler);
        }

        public string Method => MethodName;
        public bool CanRefresh => true;
        public DateTimeOffset? ExpiresOn => _refresh.ExpiresOn;
        public DateTimeOffset? RefreshTokenExpiresOn => _refresh.RefreshTokenExpiresOn;
        public string ApplicationId { get; }
        public string ClientId => _refresh.ClientId;

        /// <summary>The current refresh token (rotated by every refresh), for a caller that keeps it for a runbook.</summary>
        public string RefreshToken => _refresh.RefreshToken;

        public Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => _refresh.GetAccessTokenAsync(forceRefresh, cancellationToken);

        /// <summary>
        /// Asks for the app's token pair in <paramref name="targetOrganizationId"/> through the administrator's own
        /// pipeline (its token, retries and redaction), exactly as Webex documents the call. The organization may be a
        /// plain id or Webex's base64 form; Webex's form is sent.
        /// </summary>
        public static async Task<SignInTokens> RequestTokensAsync(WebexHttpPipeline administrator, WebexEnvironment environment, string applicationId,
            string clientId, string clientSecret, string targetOrganizationId, CancellationToken cancellationToken)
        {
            if (administrator == null) throw new ArgumentNullException(nameof(administrator));
            if (environment == null) throw new ArgumentNullException(nameof(environment));
            if (string.IsNullOrWhiteSpace(applicationId)) throw new ArgumentException("The service app's application id is empty.", nameof(applicationId));
            if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("The service app's client id is empty.", nameof(clientId));
            if (string.IsNullOrEmpty(clientSecret)) throw new ArgumentException("The service app's client secret is empty.", nameof(clientSecret));
            if (string.IsNullOrWhiteSpace(targetOrganizationId)) throw new ArgumentException("The target organization id is empty.", nameof(targetOrganizationId));
            administrator.Redactor.Add(clientSecret);
            var uri = new Uri(environment.IdentityBaseUri, "applications/" + Uri.EscapeDataString(applicationId.Trim()) + "/token");
            var body = new { clientId = clientId.Trim(), clientSecret, targetOrgId = WebexOrganizationId(targetOrganizationId.Trim()) };
            var answer = await administrator.SendAsync<JObject>(HttpMethod.Post, uri, body, cancellationToken).ConfigureAwait(false);
            SignInTokens tokens;
            try
            {
                tokens = SignInTokens.FromTokenResponse(answer?.ToString(Newtonsoft.Json.Formatting.None) ?? "{}", DateTimeOffset.UtcNow);
            }
            catch (Exception ex) when (ex is FormatException || ex is Newtonsoft.Json.JsonException)
            {
                throw new WebexApiException($"The service-app token endpoint {uri} answered with an unusable body: {ex.Message}",
                    WebexFailureKind.HttpStatus, 200, "POST", uri.AbsolutePath, ex.Message, "invalid_token_response", null, null, ex);
            }
            administrator.Redactor.Add(tokens.AccessToken);
            administrator.Redactor.Add(tokens.RefreshToken);
            return tokens;
        }

        /// <summary>Webex names organizations by base64 "ciscospark://us/ORGANIZATION/{uuid}"; a value already in that form is kept.</summary>
        public static string WebexOrganizationId(string organizationId) =>
            DigitalChannelsConnection.PlainOrganizationId(organizationId) != organizationId
                ? organizationId
                : Convert.ToBase64String(Encoding.UTF8.GetBytes("ciscospark://us/ORGANIZATION/" + organizationId)).TrimEnd('=');

        public override string ToString() => "ServiceApp " + ClientId;

        public void Dispose() => _refresh.Dispose();
    }
}
