using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Auth
{
    /// <summary>What a sign-in (authorization code or device grant) or a refresh hands out.</summary>
    public sealed class SignInTokens
    {
        public SignInTokens(string accessToken, DateTimeOffset accessTokenExpiresOn, string refreshToken, DateTimeOffset? refreshTokenExpiresOn)
        {
            if (string.IsNullOrWhiteSpace(accessToken)) throw new ArgumentException("The access token is empty.", nameof(accessToken));
            if (string.IsNullOrWhiteSpace(refreshToken)) throw new ArgumentException("The refresh token is empty.", nameof(refreshToken));
            AccessToken = accessToken;
            AccessTokenExpiresOn = accessTokenExpiresOn;
            RefreshToken = refreshToken;
            RefreshTokenExpiresOn = refreshTokenExpiresOn;
        }

        public string AccessToken { get; }
        public DateTimeOffset AccessTokenExpiresOn { get; }
        public string RefreshToken { get; }
        public DateTimeOffset? RefreshTokenExpiresOn { get; }

        /// <summary>Reads Webex's token response (<c>access_token</c>, <c>expires_in</c>, <c>refresh_token</c>, <c>refresh_token_expires_in</c>).</summary>
        public static SignInTokens FromTokenResponse(string json, DateTimeOffset now)
        {
            var body = JObject.Parse(json);
            var access = (string)body["access_token"];
            var refresh = (string)body["refresh_token"];
            var expiresIn = (long?)body["expires_in"];
            if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh) || expiresIn == null)
                throw new FormatException("The token response lacks access_token, refresh_token or expires_in.");
            var refreshExpiresIn = (long?)body["refresh_token_expires_in"];
            return new SignInTokens(access, now.AddSeconds(expiresIn.Value), refresh,
                refreshExpiresIn == null ? (DateTimeOffset?)null : now.AddSeconds(refreshExpiresIn.Value));
        }
    }

    /// <summary>
    /// The tokens of a signed-in administrator (integration: client id and secret). Refreshes shortly before the access
    /// token expires and when the pipeline forces it after a 401; Webex rotates refresh tokens, so each refresh keeps the
    /// new one. Refreshes are serialized: two concurrent ones would present the same refresh token twice, which the
    /// server treats as a replay and answers by revoking the whole sign-in.
    /// </summary>
    public sealed class RefreshTokenSource : IAccessTokenSource, IDisposable
    {
        /// <summary>How long before expiry a token counts as expired, so that no request leaves with a token about to die.</summary>
        public static readonly TimeSpan ExpiryMargin = TimeSpan.FromMinutes(5);

        private readonly WebexEnvironment _environment;
        private readonly string _clientId;
        private readonly string _clientSecret;
        private readonly SecretRedactor _redactor;
        private readonly HttpClient _http;
        private readonly Func<DateTimeOffset> _clock;
        private readonly SemaphoreSlim _refreshing = new SemaphoreSlim(1, 1);
        private SignInTokens _tokens;

        public RefreshTokenSource(WebexEnvironment environment, string clientId, string clientSecret, SignInTokens tokens, SecretRedactor redactor,
            HttpMessageHandler handler = null, Func<DateTimeOffset> clock = null)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("The client id is empty.", nameof(clientId));
            if (string.IsNullOrEmpty(clientSecret)) throw new ArgumentException("The client secret is empty.", nameof(clientSecret));
            _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
            _clientId = clientId.Trim();
            _clientSecret = clientSecret;
            _redactor = redactor ?? new SecretRedactor();
            _redactor.Add(clientSecret);
            _redactor.Add(tokens.AccessToken);
            _redactor.Add(tokens.RefreshToken);
            _http = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public string Method => "RefreshToken";
        public bool CanRefresh => true;
        public DateTimeOffset? ExpiresOn => _tokens.AccessTokenExpiresOn;
        public DateTimeOffset? RefreshTokenExpiresOn => _tokens.RefreshTokenExpiresOn;
        public string ClientId => _clientId;

        /// <summary>The current refresh token (rotated by every refresh), for a caller that keeps the sign-in between sessions.</summary>
        public string RefreshToken => _tokens.RefreshToken;

        public Uri TokenEndpoint => new Uri(_environment.IdentityBaseUri, "access_token");

        /// <summary>Where each rotated refresh token is kept (a saved sign-in); null: only in this process.</summary>
        public ISignInKeeper Keeper { get; set; }

        public async Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
        {
            var seen = _tokens;
            if (!forceRefresh && IsFresh(seen)) return seen.AccessToken;
            await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // Another caller may have refreshed while this one waited: use its result rather than refresh twice.
                if (!ReferenceEquals(_tokens, seen) && IsFresh(_tokens)) return _tokens.AccessToken;
                var keeper = Keeper;
                if (keeper == null)
                {
                    _tokens = await RefreshAsync(_tokens.RefreshToken, cancellationToken).ConfigureAwait(false);
                    return _tokens.AccessToken;
                }
                using (keeper.Lock(out var kept))
                {
                    // Another process may have rotated the kept token: present the newest, never a used one.
                    if (!string.IsNullOrEmpty(kept)) _redactor.Add(kept);
                    _tokens = await RefreshAsync(string.IsNullOrEmpty(kept) ? _tokens.RefreshToken : kept, cancellationToken).ConfigureAwait(false);
                    keeper.Keep(_tokens);
                }
                return _tokens.AccessToken;
            }
            finally
            {
                _refreshing.Release();
            }
        }

        private bool IsFresh(SignInTokens tokens) => tokens.AccessTokenExpiresOn - ExpiryMargin > _clock();

        private async Task<SignInTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
        {
            var form = new Dictionary<string, string> { { "grant_type", "refresh_token" }, { "refresh_token", refreshToken } };
            using (var request = new HttpRequestMessage(HttpMethod.Post, TokenEndpoint) { Content = new FormUrlEncodedContent(form) })
            {
                // client_secret_basic (RFC 6749 §2.3.1): both parts form-urlencoded first.
                var pair = Uri.EscapeDataString(_clientId) + ":" + Uri.EscapeDataString(_clientSecret);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                HttpResponseMessage response;
                try
                {
                    response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    throw new WebexApiException($"Refreshing the sign-in of client '{_clientId}' at {TokenEndpoint} failed: {_redactor.Redact(ex.Message)}",
                        WebexFailureKind.Transport, null, "POST", "access_token", _redactor.Redact(ex.Message), null, null, null, ex);
                }
                using (response)
                {
                    var text = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    if (!response.IsSuccessStatusCode) throw Refused((int)response.StatusCode, text);
                    SignInTokens tokens;
                    try
                    {
                        tokens = SignInTokens.FromTokenResponse(text, _clock());
                    }
                    catch (Exception ex) when (ex is FormatException || ex is Newtonsoft.Json.JsonException)
                    {
                        throw new WebexApiException($"The token endpoint {TokenEndpoint} answered the refresh of client '{_clientId}' with an unusable body: {ex.Message}",
                            WebexFailureKind.HttpStatus, (int)response.StatusCode, "POST", "access_token", ex.Message, "invalid_token_response", null, null, ex);
                    }
                    _redactor.Add(tokens.AccessToken);
                    _redactor.Add(tokens.RefreshToken);
                    return tokens;
                }
            }
        }

        /// <summary>The server's OAuth error (e.g. invalid_grant: expired, already used) is the error id; the advice is to sign in again.</summary>
        private WebexApiException Refused(int status, string body)
        {
            string error = null, description = null;
            try
            {
                var json = JObject.Parse(body);
                error = (string)json["error"];
                description = (string)json["error_description"];
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // Not an OAuth error body: the status says enough.
            }
            description = _redactor.Redact(description ?? string.Empty);
            var advice = error != "invalid_grant" ? string.Empty
                : description.IndexOf("Sign in again", StringComparison.OrdinalIgnoreCase) >= 0 ? " Connect-DigitalChannels -Interactive or -DeviceCode signs in again."
                : " Sign in again: Connect-DigitalChannels -Interactive or -DeviceCode.";
            // The OAuth error is the reason, so that a sign-in that ended for good has its own error id (…SignInExpired).
            return new WebexApiException(
                $"Refreshing the sign-in of client '{_clientId}' failed: {error ?? "HTTP " + status}. {description}{advice}".Replace("  ", " ").Trim(),
                WebexFailureKind.HttpStatus, status, "POST", "access_token", description, error ?? "refresh_failed", null, null)
            { Reason = error, Target = _clientId };
        }

        /// <summary>
        /// A source from a refresh token alone (a runbook's stored sign-in): the first call refreshes, so a revoked or
        /// expired refresh token fails here, at connect, and not at the first command.
        /// </summary>
        public static async Task<RefreshTokenSource> FromRefreshTokenAsync(WebexEnvironment environment, string clientId, string clientSecret, string refreshToken,
            SecretRedactor redactor, HttpMessageHandler handler, CancellationToken cancellationToken, ISignInKeeper keeper = null)
        {
            if (string.IsNullOrWhiteSpace(refreshToken)) throw new ArgumentException("The refresh token is empty.", nameof(refreshToken));
            // No access token yet: one that expired long ago makes the first call refresh.
            var source = new RefreshTokenSource(environment, clientId, clientSecret, new SignInTokens("(none)", DateTimeOffset.FromUnixTimeSeconds(0), refreshToken.Trim(), null),
                redactor, handler) { Keeper = keeper };
            try
            {
                await source.GetAccessTokenAsync(true, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                source.Dispose();
                throw;
            }
            return source;
        }

        public override string ToString() => "RefreshToken " + _clientId;

        public void Dispose()
        {
            _http.Dispose();
            _refreshing.Dispose();
        }
    }
}
