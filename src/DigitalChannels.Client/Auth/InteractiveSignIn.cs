using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Auth
{
    /// <summary>What an administrator's sign-in needs: the integration (client id and secret) and where to sign in.</summary>
    public sealed class SignInOptions
    {
        public WebexEnvironment Environment { get; set; }
        public string ClientId { get; set; }
        public string ClientSecret { get; set; }

        /// <summary>Scopes to ask for; <see cref="Scopes.Default"/> when null.</summary>
        public IReadOnlyList<string> Scopes { get; set; }

        /// <summary>The loopback port of the redirect URI (register http://127.0.0.1:PORT/digitalchannels/ on the integration); 0 = any free port.</summary>
        public int RedirectPort { get; set; } = InteractiveSignIn.DefaultRedirectPort;

        /// <summary>prompt=login: ask for the password even when the browser is signed in (to another tenant, say).</summary>
        public bool ForceLogin { get; set; }

        /// <summary>How long the administrator has to finish in the browser (or approve the device).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

        public IBrowserLauncher Browser { get; set; }

        /// <summary>Where the device flow shows its code and URL (a warning in PowerShell: visible, never a prompt).</summary>
        public Action<string> Notify { get; set; }

        /// <summary>Test hook for the token requests.</summary>
        public HttpMessageHandler HttpMessageHandler { get; set; }

        internal void Validate()
        {
            if (Environment == null) throw new ArgumentException("The sign-in has no environment: name a sandbox or a region.");
            if (string.IsNullOrWhiteSpace(ClientId) || string.IsNullOrEmpty(ClientSecret))
                throw new ArgumentException($"Signing in to {Environment} needs the integration's client id and client secret.");
            if (RedirectPort < 0 || RedirectPort > 65535) throw new ArgumentException($"The redirect port {RedirectPort} is not a TCP port (0 to 65535).");
        }
    }

    /// <summary>
    /// Webex's authorization-code grant for an administrator at a keyboard: PKCE (S256) and state, the system browser,
    /// and a loopback listener on 127.0.0.1 for the redirect, which answers the browser with a page that says whether
    /// the sign-in worked. The listener is a bare TcpListener, not HttpListener: HttpListener on Windows needs a URL
    /// reservation (netsh http add urlacl) for any prefix other than localhost, which an administrator's laptop lacks.
    /// </summary>
    public static class InteractiveSignIn
    {
        /// <summary>A fixed default port, so the redirect URI can be registered once on the integration.</summary>
        public const int DefaultRedirectPort = 8431;
        public const string RedirectPath = "/digitalchannels/";

        public static async Task<SignInTokens> SignInAsync(SignInOptions options, SecretRedactor redactor, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            redactor = redactor ?? new SecretRedactor();
            redactor.Add(options.ClientSecret);
            var verifier = Base64Url(RandomBytes(32));
            string challenge;
            using (var sha = SHA256.Create()) challenge = Base64Url(sha.ComputeHash(Encoding.ASCII.GetBytes(verifier)));
            var state = Base64Url(RandomBytes(16));

            var listener = new TcpListener(IPAddress.Loopback, options.RedirectPort);
            try
            {
                listener.Start();
            }
            catch (SocketException ex)
            {
                throw new InvalidOperationException($"The redirect port {options.RedirectPort} on 127.0.0.1 is in use or not allowed ({ex.Message}); choose another with -RedirectPort (and register it on the integration).", ex);
            }
            try
            {
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var redirectUri = $"http://127.0.0.1:{port}{RedirectPath}";
                var query = new List<KeyValuePair<string, string>>
                {
                    Pair("response_type", "code"), Pair("client_id", options.ClientId.Trim()), Pair("redirect_uri", redirectUri),
                    Pair("scope", TokenEndpointClient.ScopeText(options.Scopes, options.Environment)), Pair("state", state),
                    Pair("code_challenge", challenge), Pair("code_challenge_method", "S256"),
                };
                if (options.ForceLogin) query.Add(Pair("prompt", "login"));
                var authorize = new Uri(new Uri(options.Environment.IdentityBaseUri, "authorize"),
                    "?" + string.Join("&", query.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value))));

                (options.Browser ?? SystemBrowserLauncher.Instance).Open(authorize);

                using (var timeout = new CancellationTokenSource(options.Timeout))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
                using (linked.Token.Register(listener.Stop))
                {
                    while (true)
                    {
                        TcpClient client;
                        try
                        {
                            client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                        }
                        catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException || ex is InvalidOperationException)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            if (timeout.IsCancellationRequested)
                                throw new TimeoutException($"The sign-in was not finished in the browser within {options.Timeout.TotalMinutes:0.#} minutes.");
                            throw;
                        }
                        using (client)
                        {
                            var stream = client.GetStream();
                            var target = await ReadRequestTargetAsync(stream, linked.Token).ConfigureAwait(false);
                            if (target == null || !target.StartsWith(RedirectPath, StringComparison.Ordinal))
                            {
                                // A favicon or a stray request: not the redirect, keep waiting.
                                await RespondAsync(stream, 404, "Not found", "This address only receives the sign-in redirect.").ConfigureAwait(false);
                                continue;
                            }
                            var parameters = ParseQuery(target);
                            parameters.TryGetValue("state", out var returnedState);
                            if (!string.Equals(returnedState, state, StringComparison.Ordinal))
                            {
                                // Not the answer to this request (a forged or an old redirect): refuse it and keep waiting.
                                await RespondAsync(stream, 400, "Not signed in", "The answer does not belong to this sign-in (state differs). Go back to PowerShell.").ConfigureAwait(false);
                                continue;
                            }
                            if (parameters.TryGetValue("error", out var error))
                            {
                                parameters.TryGetValue("error_description", out var description);
                                description = redactor.Redact(description);
                                await RespondAsync(stream, 200, "Not signed in", $"{error}: {description} You can close this page.").ConfigureAwait(false);
                                var answer = new OAuthAnswer { Status = 400, Error = error, Description = description };
                                throw TokenEndpointClient.Refused("Signing in", answer, authorize, options.ClientId,
                                    error == "access_denied" ? "Run Connect-DigitalChannels again and allow the access." : null);
                            }
                            if (!parameters.TryGetValue("code", out var code) || string.IsNullOrEmpty(code))
                            {
                                await RespondAsync(stream, 400, "Not signed in", "The answer carries neither a code nor an error.").ConfigureAwait(false);
                                throw new InvalidOperationException("The identity service redirected without a code or an error.");
                            }
                            redactor.Add(code);
                            SignInTokens tokens;
                            try
                            {
                                tokens = await RedeemAsync(options, code, verifier, redirectUri, redactor, linked.Token).ConfigureAwait(false);
                            }
                            catch (WebexApiException ex)
                            {
                                await RespondAsync(stream, 200, "Not signed in", ex.Message + " You can close this page.").ConfigureAwait(false);
                                throw;
                            }
                            await RespondAsync(stream, 200, "Signed in", "DigitalChannels is signed in. You can close this page and go back to PowerShell.").ConfigureAwait(false);
                            return tokens;
                        }
                    }
                }
            }
            finally
            {
                listener.Stop();
            }
        }

        private static async Task<SignInTokens> RedeemAsync(SignInOptions options, string code, string verifier, string redirectUri, SecretRedactor redactor,
            CancellationToken cancellationToken)
        {
            var endpoint = new Uri(options.Environment.IdentityBaseUri, "access_token");
            var form = new Dictionary<string, string>
            {
                { "grant_type", "authorization_code" }, { "code", code }, { "redirect_uri", redirectUri }, { "code_verifier", verifier },
            };
            using (var http = TokenEndpointClient.NewHttpClient(options.HttpMessageHandler))
            {
                var answer = await TokenEndpointClient.PostAsync(http, endpoint, options.ClientId.Trim(), options.ClientSecret, form, redactor, cancellationToken).ConfigureAwait(false);
                if (!answer.Succeeded) throw TokenEndpointClient.Refused("Redeeming the sign-in's code", answer, endpoint, options.ClientId);
                return TokenEndpointClient.Tokens(answer, endpoint, redactor);
            }
        }

        /// <summary>The request line's target ("/digitalchannels/?code=…"); the headers are read and ignored.</summary>
        private static async Task<string> ReadRequestTargetAsync(NetworkStream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[8192];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer, read, buffer.Length - read, cancellationToken).ConfigureAwait(false);
                if (n == 0) break;
                read += n;
                if (Encoding.ASCII.GetString(buffer, 0, read).Contains("\r\n\r\n")) break;
            }
            var head = Encoding.ASCII.GetString(buffer, 0, read);
            var line = head.Split(new[] { "\r\n" }, StringSplitOptions.None)[0].Split(' ');
            return line.Length >= 2 && line[0] == "GET" ? line[1] : null;
        }

        private static async Task RespondAsync(NetworkStream stream, int status, string title, string text)
        {
            var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) + " - DigitalChannels</title></head>" +
                       "<body><h1>" + WebUtility.HtmlEncode(title) + "</h1><p>" + WebUtility.HtmlEncode(text) + "</p></body></html>";
            var body = Encoding.UTF8.GetBytes(html);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request")}\r\n" +
                "Content-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n" +
                $"Content-Length: {body.Length}\r\n\r\n");
            try
            {
                await stream.WriteAsync(head, 0, head.Length).ConfigureAwait(false);
                await stream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);
                await stream.FlushAsync().ConfigureAwait(false);
            }
            catch (System.IO.IOException)
            {
                // The browser went away: the sign-in's outcome does not depend on the page.
            }
        }

        private static Dictionary<string, string> ParseQuery(string target)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var q = target.IndexOf('?');
            if (q < 0) return result;
            foreach (var part in target.Substring(q + 1).Split('&'))
            {
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                var name = Uri.UnescapeDataString((eq < 0 ? part : part.Substring(0, eq)).Replace('+', ' '));
                var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(part.Substring(eq + 1).Replace('+', ' '));
                if (!result.ContainsKey(name)) result[name] = value;
            }
            return result;
        }

        private static KeyValuePair<string, string> Pair(string key, string value) => new KeyValuePair<string, string>(key, value);

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
            return bytes;
        }

        private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
