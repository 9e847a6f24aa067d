using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Environments;

namespace DigitalChannels.Client.Commands
{
    /// <summary>How an administrator signs in, when the connection is not made with client credentials or an access token.</summary>
    public enum SignInFlow
    {
        None,
        /// <summary>Authorization code with PKCE in the system browser, redirect to a loopback listener.</summary>
        Interactive,
        /// <summary>Device grant: a code approved in any browser.</summary>
        DeviceCode,
        /// <summary>A refresh token kept from an earlier sign-in (runbooks).</summary>
        RefreshToken,
    }

    /// <summary>What Connect-DigitalChannels was given; the parameter sets decide which fields are set.</summary>
    public sealed class ConnectRequest
    {
        /// <summary>A sandbox's connection.json, or its data folder.</summary>
        public string ConnectionFile { get; set; }

        /// <summary>A sandbox's base URL.</summary>
        public Uri SandboxUrl { get; set; }

        /// <summary>A live Webex region (us1 … in1).</summary>
        public string Region { get; set; }

        public string OrganizationId { get; set; }
        public string ClientId { get; set; }
        public string ClientSecret { get; set; }
        public string AccessToken { get; set; }
        public IReadOnlyList<string> Scopes { get; set; }

        public SignInFlow SignIn { get; set; }

        /// <summary>For <see cref="SignInFlow.RefreshToken"/>.</summary>
        public string RefreshToken { get; set; }

        /// <summary>The loopback port of the interactive sign-in's redirect; the library's default when null.</summary>
        public int? RedirectPort { get; set; }

        /// <summary>prompt=login: choose the account again even when the browser is signed in.</summary>
        public bool ForceLogin { get; set; }

        /// <summary>Test hook: opens the sign-in page; the system browser when null.</summary>
        public Auth.IBrowserLauncher Browser { get; set; }

        /// <summary>Write the connection to the pipeline.</summary>
        public bool PassThru { get; set; }

        /// <summary>Only return the connection, for -Connection; the runspace's current one stays as it is.</summary>
        public bool NotCurrent { get; set; }

        /// <summary>Test hook, passed on to the connection.</summary>
        public System.Net.Http.HttpMessageHandler HttpMessageHandler { get; set; }
    }

    /// <summary>What Connect-, Get- and Disconnect-DigitalChannels do.</summary>
    public static class ConnectionCommands
    {
        public const string Noun = "DigitalChannelsConnection";

        /// <summary>
        /// With nothing named, connects to the local sandbox through its default connection file: the sandbox is the
        /// embedded default, as Azurite is for Azure Storage.
        /// </summary>
        public static async Task ConnectAsync(ICommandHost host, object runspace, ConnectRequest request)
        {
            var options = ToOptions(request);
            if (request.SignIn != SignInFlow.None) await SignInAsync(host, request, options);
            host.WriteVerbose($"Connecting to {options.Environment} as {(options.TokenSource != null ? "a signed-in administrator of client " + options.ClientId : options.AccessToken != null ? "an access token" : "client " + options.ClientId)}.");
            var connection = await DigitalChannelsConnection.ConnectAsync(options, host.CancellationToken);
            if (!request.NotCurrent)
            {
                var previous = ConnectionRegistry.GetCurrent(runspace);
                ConnectionRegistry.SetCurrent(runspace, connection);
                previous?.Dispose();
            }
            host.WriteVerbose($"Connected to {connection}.");
            if (request.PassThru || request.NotCurrent) host.WriteObject(connection);
        }

        /// <summary>Runs the administrator's sign-in and puts its refreshing token source into the options.</summary>
        private static async Task SignInAsync(ICommandHost host, ConnectRequest request, ConnectionOptions options)
        {
            var redactor = new Http.SecretRedactor();
            redactor.Add(options.ClientSecret);
            Auth.SignInTokens tokens = null;
            Auth.RefreshTokenSource source;
            if (request.SignIn == SignInFlow.RefreshToken)
            {
                if (string.IsNullOrWhiteSpace(request.RefreshToken)) throw new ArgumentException("The refresh token is empty.");
                redactor.Add(request.RefreshToken);
                host.WriteVerbose($"Exchanging the refresh token at {options.Environment.IdentityBaseUri}.");
                source = await Auth.RefreshTokenSource.FromRefreshTokenAsync(options.Environment, options.ClientId, options.ClientSecret, request.RefreshToken,
                    redactor, options.HttpMessageHandler, host.CancellationToken);
            }
            else
            {
                var signIn = new Auth.SignInOptions
                {
                    Environment = options.Environment,
                    ClientId = options.ClientId,
                    ClientSecret = options.ClientSecret,
                    Scopes = options.Scopes,
                    ForceLogin = request.ForceLogin,
                    Browser = request.Browser,
                    Notify = host.WriteWarning,
                    HttpMessageHandler = options.HttpMessageHandler,
                };
                if (request.RedirectPort.HasValue) signIn.RedirectPort = request.RedirectPort.Value;
                if (request.SignIn == SignInFlow.Interactive)
                {
                    host.WriteVerbose($"Opening the browser to sign in at {options.Environment.IdentityBaseUri}authorize; the redirect comes back to 127.0.0.1.");
                    tokens = await Auth.InteractiveSignIn.SignInAsync(signIn, redactor, host.CancellationToken);
                }
                else
                {
                    tokens = await Auth.DeviceCodeSignIn.SignInAsync(signIn, redactor, host.CancellationToken);
                }
                source = new Auth.RefreshTokenSource(options.Environment, options.ClientId, options.ClientSecret, tokens, redactor, options.HttpMessageHandler);
            }
            options.TokenSource = source;
            options.Redactor = redactor;
            options.AccessToken = null;
        }

        public static void Get(ICommandHost host, object runspace)
        {
            var current = ConnectionRegistry.GetCurrent(runspace) ?? throw new NotConnectedException();
            host.WriteObject(current);
        }

        public static void Disconnect(ICommandHost host, object runspace)
        {
            var removed = ConnectionRegistry.Remove(runspace);
            if (removed == null)
            {
                host.WriteWarning("There was no DigitalChannels connection in this session.");
                return;
            }
            removed.Dispose();
            host.WriteVerbose($"Disconnected from {removed}.");
        }

        internal static ConnectionOptions ToOptions(ConnectRequest request)
        {
            var options = new ConnectionOptions
            {
                OrganizationId = request.OrganizationId,
                ClientId = request.ClientId,
                ClientSecret = request.ClientSecret,
                AccessToken = request.AccessToken,
                Scopes = request.Scopes,
                HttpMessageHandler = request.HttpMessageHandler,
            };
            var named = (request.ConnectionFile != null ? 1 : 0) + (request.SandboxUrl != null ? 1 : 0) + (request.Region != null ? 1 : 0);
            if (named > 1) throw new ArgumentException("Name one of a connection file, a sandbox URL or a region.");

            if (request.SandboxUrl != null)
            {
                options.Environment = WebexEnvironment.ForSandbox(request.SandboxUrl);
            }
            else if (request.Region != null)
            {
                options.Environment = WebexEnvironment.ForRegion(request.Region);
            }
            else
            {
                var file = SandboxConnectionFile.Read(request.ConnectionFile ?? SandboxConnectionFile.DefaultPath);
                options.Environment = WebexEnvironment.ForSandbox(file.BaseUrl);
                options.OrganizationId = options.OrganizationId ?? file.OrgId;
                if (options.AccessToken == null)
                {
                    options.ClientId = options.ClientId ?? file.ClientId;
                    options.ClientSecret = options.ClientSecret ?? file.ClientSecret;
                }
            }

            if (options.AccessToken == null && (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrEmpty(options.ClientSecret)))
                throw new ArgumentException($"Connecting to {options.Environment} needs a client id and secret, or an access token.");
            return options;
        }
    }
}
