using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Auth
{
    /// <summary>
    /// Webex's device grant (RFC 8628) for a console without a browser: asks for a user code, shows it with the
    /// verification URL, and polls the token endpoint at the given interval until an administrator approves it
    /// elsewhere. authorization_pending waits, slow_down adds 5 s (RFC 8628 §3.5), expired_token and access_denied end it.
    /// </summary>
    public static class DeviceCodeSignIn
    {
        public const string DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

        public static async Task<SignInTokens> SignInAsync(SignInOptions options, SecretRedactor redactor, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            redactor = redactor ?? new SecretRedactor();
            redactor.Add(options.ClientSecret);
            var clientId = options.ClientId.Trim();
            var authorizeEndpoint = new Uri(options.Environment.IdentityBaseUri, "device/authorize");
            var tokenEndpoint = new Uri(options.Environment.IdentityBaseUri, "device/token");
            using (var http = TokenEndpointClient.NewHttpClient(options.HttpMessageHandler))
            {
                var form = new Dictionary<string, string> { { "client_id", clientId }, { "scope", TokenEndpointClient.ScopeText(options.Scopes, options.Environment) } };
                // The device authorization request carries only the client id (RFC 8628 §3.1), no secret.
                var started = await TokenEndpointClient.PostAsync(http, authorizeEndpoint, clientId, null, form, redactor, cancellationToken).ConfigureAwait(false);
                if (!started.Succeeded) throw TokenEndpointClient.Refused("Starting the device sign-in", started, authorizeEndpoint, clientId);
                var body = JObject.Parse(started.Body);
                var deviceCode = (string)body["device_code"];
                var userCode = (string)body["user_code"];
                var verification = (string)body["verification_uri"];
                var complete = (string)body["verification_uri_complete"];
                var interval = TimeSpan.FromSeconds(Math.Max(1, (int?)body["interval"] ?? 5));
                var expiresIn = TimeSpan.FromSeconds((int?)body["expires_in"] ?? 300);
                if (string.IsNullOrEmpty(deviceCode) || string.IsNullOrEmpty(userCode) || string.IsNullOrEmpty(verification))
                    throw new WebexApiException($"The device authorization endpoint {authorizeEndpoint} answered without device_code, user_code or verification_uri.",
                        WebexFailureKind.HttpStatus, started.Status, "POST", authorizeEndpoint.AbsolutePath, null, "invalid_device_response", null, null);
                redactor.Add(deviceCode);
                (options.Notify ?? (_ => { }))(
                    $"To sign in, open {verification} in a browser and enter the code {userCode}" +
                    (string.IsNullOrEmpty(complete) ? "." : $" (or open {complete}).") +
                    $" The code expires in {expiresIn.TotalMinutes:0} minutes.");

                var deadline = DateTimeOffset.UtcNow + (expiresIn < options.Timeout ? expiresIn : options.Timeout);
                var poll = new Dictionary<string, string> { { "grant_type", DeviceGrant }, { "device_code", deviceCode } };
                while (true)
                {
                    await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                    var answer = await TokenEndpointClient.PostAsync(http, tokenEndpoint, clientId, options.ClientSecret, new Dictionary<string, string>(poll), redactor, cancellationToken)
                        .ConfigureAwait(false);
                    if (answer.Succeeded) return TokenEndpointClient.Tokens(answer, tokenEndpoint, redactor);
                    switch (answer.Error)
                    {
                        case "authorization_pending":
                            break;
                        case "slow_down":
                            interval += TimeSpan.FromSeconds(5);
                            break;
                        case "expired_token":
                            throw TokenEndpointClient.Refused("The device sign-in", answer, tokenEndpoint, clientId,
                                $"Nobody approved code {userCode} in time; run Connect-DigitalChannels -DeviceCode again.");
                        case "access_denied":
                            throw TokenEndpointClient.Refused("The device sign-in", answer, tokenEndpoint, clientId, $"Code {userCode} was denied.");
                        default:
                            throw TokenEndpointClient.Refused("The device sign-in", answer, tokenEndpoint, clientId);
                    }
                    if (DateTimeOffset.UtcNow > deadline)
                        throw new TimeoutException($"Nobody approved code {userCode} at {verification} in time; run Connect-DigitalChannels -DeviceCode again.");
                }
            }
        }
    }
}
