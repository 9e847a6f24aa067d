using System;
using System.Net.Http;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using Microsoft.Identity.Client;

namespace DigitalChannels.Client.Auth
{
    /// <summary>
    /// The one place where what MSAL (or the HTTP stack under it) throws while signing in becomes a WebexApiException
    /// in our own words. MSAL's texts are Azure AD's ("application registration portal", aka.ms links), which mean
    /// nothing against Webex or the sandbox; only the server's own description and MSAL's error code are kept.
    /// </summary>
    public static class SignInErrors
    {
        public const string TokenPath = "access_token";

        public static WebexApiException From(Exception exception, WebexEnvironment environment, string clientId, SecretRedactor redactor)
        {
            if (exception is WebexApiException already) return already;
            var server = environment.IsSandbox ? $"The sandbox at {environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority)}" : $"Webex ({environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority)})";
            redactor = redactor ?? new SecretRedactor();

            if (TransportFailure.IsUnreachable(exception))
                return TransportFailure.Unreachable("POST", new Uri(environment.IdentityBaseUri, TokenPath), exception);

            if (exception is MsalServiceException service)
            {
                var body = ErrorBody.Parse(service.ResponseBody);
                var code = body.Reason ?? service.ErrorCode;
                var described = redactor.Redact(body.Message);
                var status = service.StatusCode == 0 ? 401 : service.StatusCode;
                if (string.Equals(code, "invalid_client", StringComparison.OrdinalIgnoreCase) || status == 401)
                {
                    return new WebexApiException(
                        $"{server} refused client id '{clientId}': wrong client id or secret.",
                        WebexFailureKind.HttpStatus, 401, "POST", TokenPath, described, "invalid_client", null, null)
                    { Reason = "invalid_client", Target = clientId };
                }
                return new WebexApiException(
                    $"{server} refused to sign in client id '{clientId}' ({code}){(string.IsNullOrWhiteSpace(described) || described == code ? "." : ": " + described.TrimEnd('.') + ".")}",
                    WebexFailureKind.HttpStatus, status, "POST", TokenPath, described, code, null, null)
                { Reason = code, Target = clientId };
            }

            if (exception is MsalClientException client)
            {
                // MSAL found something wrong before or after the call (an authority it cannot read, say): no server text to quote.
                return new WebexApiException(
                    $"Signing in client id '{clientId}' at {environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority)} failed ({client.ErrorCode}). Check the URL or region.",
                    WebexFailureKind.Transport, null, "POST", TokenPath, client.ErrorCode, client.ErrorCode, null, null, exception)
                { Target = environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority) };
            }

            if (exception is TimeoutException timeout)
            {
                return new WebexApiException(
                    $"Signing in client id '{clientId}' at {environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority)} failed: no answer in time, after the retries.",
                    WebexFailureKind.Timeout, null, "POST", TokenPath, null, null, null, null, timeout)
                { Target = environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority) };
            }

            if (exception is HttpRequestException http)
            {
                return new WebexApiException(
                    $"Signing in client id '{clientId}' at {environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority)} failed: {redactor.Redact(http.InnerException?.Message ?? http.Message)}",
                    WebexFailureKind.Transport, null, "POST", TokenPath, null, null, null, null, exception)
                { Target = environment.IdentityBaseUri.GetLeftPart(UriPartial.Authority) };
            }
            return null;
        }
    }
}
