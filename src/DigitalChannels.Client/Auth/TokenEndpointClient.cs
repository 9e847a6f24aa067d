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
    /// <summary>An OAuth error answer (RFC 6749 §5.2): the server's <c>error</c> and <c>error_description</c>.</summary>
    internal sealed class OAuthAnswer
    {
        public int Status;
        public string Body;
        public string Error;
        public string Description;
        public bool Succeeded => Status >= 200 && Status < 300;
    }

    /// <summary>
    /// Posts a form to one of the identity service's token endpoints with the integration's client id and secret
    /// (client_secret_basic: Webex requires the secret even with PKCE), and reads the OAuth error when there is one.
    /// </summary>
    internal static class TokenEndpointClient
    {
        public static async Task<OAuthAnswer> PostAsync(HttpClient http, Uri endpoint, string clientId, string clientSecret,
            IDictionary<string, string> form, SecretRedactor redactor, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) })
            {
                if (clientSecret != null)
                {
                    var pair = Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(clientSecret);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
                }
                HttpResponseMessage response;
                try
                {
                    response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    if (TransportFailure.IsUnreachable(ex)) throw TransportFailure.Unreachable("POST", endpoint, ex);
                    throw new WebexApiException($"Signing in at {endpoint} failed: {redactor.Redact(ex.InnerException?.Message ?? ex.Message)}",
                        WebexFailureKind.Transport, null, "POST", endpoint.AbsolutePath, null, null, null, null, ex);
                }
                using (response)
                {
                    var answer = new OAuthAnswer
                    {
                        Status = (int)response.StatusCode,
                        Body = response.Content == null ? string.Empty : await response.Content.ReadAsStringAsync().ConfigureAwait(false),
                    };
                    if (!answer.Succeeded)
                    {
                        try
                        {
                            var json = JObject.Parse(answer.Body);
                            answer.Error = (string)json["error"];
                            answer.Description = redactor.Redact((string)json["error_description"]);
                        }
                        catch (Newtonsoft.Json.JsonException)
                        {
                            // Not an OAuth error body: the status says enough.
                        }
                    }
                    return answer;
                }
            }
        }

        /// <summary>The tokens of a successful answer; a body without them is the server's fault, said so.</summary>
        public static SignInTokens Tokens(OAuthAnswer answer, Uri endpoint, SecretRedactor redactor)
        {
            SignInTokens tokens;
            try
            {
                tokens = SignInTokens.FromTokenResponse(answer.Body, DateTimeOffset.UtcNow);
            }
            catch (Exception ex) when (ex is FormatException || ex is Newtonsoft.Json.JsonException)
            {
                throw new WebexApiException($"The token endpoint {endpoint} answered with an unusable body: {ex.Message}",
                    WebexFailureKind.HttpStatus, answer.Status, "POST", endpoint.AbsolutePath, ex.Message, "invalid_token_response", null, null, ex);
            }
            redactor.Add(tokens.AccessToken);
            redactor.Add(tokens.RefreshToken);
            return tokens;
        }

        /// <summary>A refused sign-in: the OAuth error is the reason (and so the error id), the advice says what to do.</summary>
        public static WebexApiException Refused(string what, OAuthAnswer answer, Uri endpoint, string clientId, string advice = null)
        {
            var error = answer.Error ?? "HTTP " + answer.Status;
            var described = string.IsNullOrWhiteSpace(answer.Description) ? "." : ": " + answer.Description.TrimEnd('.') + ".";
            return new WebexApiException($"{what} with client '{clientId}' failed ({error}){described}{(advice == null ? "" : " " + advice)}",
                WebexFailureKind.HttpStatus, answer.Status, "POST", endpoint.AbsolutePath, answer.Description, answer.Error, null, null)
            { Reason = answer.Error ?? answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), Target = clientId };
        }

        /// <summary>The scopes to ask for: the caller's, or everything the cmdlets use (of a live region: what Webex knows).</summary>
        public static string ScopeText(IEnumerable<string> scopes, WebexEnvironment environment) =>
            string.Join(" ", scopes ?? (environment.IsSandbox ? Auth.Scopes.Default : Auth.Scopes.Webex));

        public static HttpClient NewHttpClient(HttpMessageHandler handler) =>
            handler == null ? new HttpClient(HttpHandlerFactory.Create(), disposeHandler: true) : new HttpClient(handler, disposeHandler: false);
    }
}
