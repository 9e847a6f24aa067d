using System;
using System.Collections.Generic;
using System.Linq;
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

        /// <summary>The connection's name in this session (and of its saved sign-in); the organization id when null.</summary>
        public string Name { get; set; }

        /// <summary>Keep the sign-in (refresh token, client secret, where) so that a new session reconnects with <see cref="Saved"/>.</summary>
        public bool Save { get; set; }

        /// <summary>With <see cref="Save"/>: where no encrypted store exists, accept a file only the user may read.</summary>
        public bool AllowUnencryptedStorage { get; set; }

        /// <summary>Reconnect from the saved sign-in of this name; everything else comes from it.</summary>
        public string Saved { get; set; }

        /// <summary>The saved sign-ins; the user's default folder when null (tests give their own).</summary>
        public Auth.Saved.SavedSignInStore SavedSignIns { get; set; }
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
            var store = request.SavedSignIns ?? new Auth.Saved.SavedSignInStore();
            if (request.Saved != null)
            {
                await ReconnectAsync(host, runspace, request, store);
                return;
            }
            var options = ToOptions(request);
            if (request.Name != null) Auth.Saved.SavedSignInStore.CheckName(request.Name);
            Auth.Saved.ISecretProtector protector = null;
            if (request.Save)
            {
                if (request.SignIn == SignInFlow.None)
                    throw new ArgumentException("-Save keeps an administrator's sign-in: use it with -Interactive, -DeviceCode, -RefreshToken or -RefreshTokenCredential.", "Save");
                // Before any browser opens: a sign-in that could not be kept is refused up front.
                protector = store.OpenProtector(Auth.Saved.SavedSignInStore.UnencryptedAllowed(request.AllowUnencryptedStorage));
                if (protector.Kind == Auth.Saved.SecretProtection.UnencryptedFile)
                    host.WriteWarning($"No encrypted store for the saved sign-in on this system; as asked, it is kept UNENCRYPTED in a file only you can read, in {store.Folder}.");
            }
            if (request.SignIn != SignInFlow.None) await SignInAsync(host, request, options);
            host.WriteVerbose($"Connecting to {options.Environment} as {(options.TokenSource != null ? "a signed-in administrator of client " + options.ClientId : options.AccessToken != null ? "an access token" : "client " + options.ClientId)}.");
            var connection = await DigitalChannelsConnection.ConnectAsync(options, host.CancellationToken);
            connection.Name = request.Name ?? connection.OrganizationId;
            if (request.Save)
            {
                try
                {
                    var source = (Auth.RefreshTokenSource)options.TokenSource;
                    store.Save(new Auth.Saved.SavedSignIn
                    {
                        Name = connection.Name,
                        Environment = connection.Environment.Name,
                        SandboxUrl = connection.Environment.IsSandbox ? connection.Environment.SandboxBaseUri : null,
                        OrganizationId = connection.OrganizationId,
                        ClientId = connection.ClientId,
                        Account = connection.Account,
                        SavedOn = DateTimeOffset.UtcNow,
                        RefreshTokenExpiresOn = source.RefreshTokenExpiresOn,
                    }, options.ClientSecret, source.RefreshToken, protector);
                    source.Keeper = store.KeeperFor(connection.Name);
                    connection.SavedSignIn = connection.Name;
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
                host.WriteVerbose($"Saved the sign-in as '{connection.Name}' ({protector.Kind}) in {store.Folder}.");
            }
            Register(host, runspace, request, connection);
        }

        /// <summary>-Saved: the refresh token, client secret and place of a saved sign-in; the first refresh proves it still holds.</summary>
        private static async Task ReconnectAsync(ICommandHost host, object runspace, ConnectRequest request, Auth.Saved.SavedSignInStore store)
        {
            var (info, secrets) = store.Read(request.Saved);
            var environment = info.ToEnvironment();
            var redactor = new Http.SecretRedactor();
            redactor.Add(secrets.ClientSecret);
            redactor.Add(secrets.RefreshToken);
            host.WriteVerbose($"Reconnecting the saved sign-in '{info.Name}' ({info.Protection}) to {environment} org {info.OrganizationId}.");
            Auth.RefreshTokenSource source;
            try
            {
                source = await Auth.RefreshTokenSource.FromRefreshTokenAsync(environment, info.ClientId, secrets.ClientSecret, secrets.RefreshToken,
                    redactor, request.HttpMessageHandler, host.CancellationToken, store.KeeperFor(info.Name));
            }
            catch (Http.WebexApiException ex) when (ex.Reason == "invalid_grant")
            {
                // Same id (…SignInExpired), in words that say which saved sign-in ended and how to renew or forget it.
                throw new Http.WebexApiException(
                    $"The saved sign-in '{info.Name}' has ended ({ex.Reason}: expired, revoked or already used). Sign in again and save it: " +
                    $"Connect-DigitalChannels -Interactive -Save -Name {info.Name} (or -DeviceCode), or forget it: Disconnect-DigitalChannels -Name {info.Name} -Forget.",
                    ex.Kind, ex.StatusCode, ex.Method, ex.RequestPath, ex.ServerMessage, ex.ErrorKey, ex.TrackingId, ex.RetryAfter, ex)
                { Reason = ex.Reason, Target = info.Name };
            }
            var options = new ConnectionOptions
            {
                Environment = environment,
                OrganizationId = info.OrganizationId,
                ClientId = info.ClientId,
                TokenSource = source,
                Redactor = redactor,
                HttpMessageHandler = request.HttpMessageHandler,
            };
            var connection = await DigitalChannelsConnection.ConnectAsync(options, host.CancellationToken);
            connection.Name = info.Name;
            connection.SavedSignIn = info.Name;
            Register(host, runspace, request, connection);
        }

        /// <summary>Known by its name in the runspace, current unless only returned; what it replaces is ended.</summary>
        private static void Register(ICommandHost host, object runspace, ConnectRequest request, DigitalChannelsConnection connection)
        {
            // -ReturnConnection without -Name stays out of the list, as before names: the caller holds it.
            var named = !request.NotCurrent || request.Name != null || request.Saved != null;
            var replaced = !request.NotCurrent ? ConnectionRegistry.SetCurrent(runspace, connection)
                : named ? ConnectionRegistry.Add(runspace, connection) : null;
            if (replaced != null && replaced != connection)
            {
                replaced.Dispose();
                host.WriteVerbose($"Replaced the connection {replaced}.");
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

        /// <summary>The current connection, the one of that name, or with <paramref name="listAvailable"/> every connection and saved sign-in.</summary>
        public static void Get(ICommandHost host, object runspace, string name = null, bool listAvailable = false)
        {
            if (listAvailable)
            {
                List(host, runspace);
                return;
            }
            if (name != null)
            {
                host.WriteObject(ConnectionRegistry.Find(runspace, name) ?? throw new IdentityNotFoundException(
                    $"This session has no connection named '{name}'. Get-DigitalChannelsConnection -ListAvailable lists the connections and saved sign-ins.", name));
                return;
            }
            var current = ConnectionRegistry.GetCurrent(runspace) ?? throw new NotConnectedException();
            host.WriteObject(current);
        }

        /// <summary>The session's connections and the saved sign-ins, one entry per name: never a token or a secret.</summary>
        public static void List(ICommandHost host, object runspace, Auth.Saved.SavedSignInStore store = null)
        {
            store = store ?? new Auth.Saved.SavedSignInStore();
            var current = ConnectionRegistry.GetCurrent(runspace);
            var saved = store.List().ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
            var entries = new List<DigitalChannelsConnectionInfo>();
            var connections = ConnectionRegistry.List(runspace).ToList();
            if (current != null && !connections.Contains(current)) connections.Insert(0, current);
            foreach (var connection in connections)
            {
                saved.TryGetValue(connection.SavedSignIn ?? connection.Name ?? string.Empty, out var kept);
                entries.Add(DigitalChannelsConnectionInfo.Of(connection, connection == current, kept));
                if (kept != null) saved.Remove(kept.Name);
            }
            entries.AddRange(saved.Values.Select(DigitalChannelsConnectionInfo.Of));
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)) host.WriteObject(entry);
        }

        /// <summary>Makes the named connection of this session the current one (what cmdlets use without -Connection).</summary>
        public static void Select(ICommandHost host, object runspace, string name, bool passThru, Auth.Saved.SavedSignInStore store = null)
        {
            var connection = ConnectionRegistry.Find(runspace, name);
            if (connection == null)
            {
                var saved = (store ?? new Auth.Saved.SavedSignInStore()).Find(name);
                throw new IdentityNotFoundException(saved != null
                    ? $"'{name}' is a saved sign-in, not connected in this session: Connect-DigitalChannels -Saved {saved.Name} connects it (and makes it current)."
                    : $"This session has no connection named '{name}'. Get-DigitalChannelsConnection -ListAvailable lists them.", name);
            }
            ConnectionRegistry.SetCurrent(runspace, connection);
            host.WriteVerbose($"The current connection is now {connection}.");
            if (passThru) host.WriteObject(connection);
        }

        /// <summary>
        /// Ends a connection of this session (the current one, or the named one) and, with <paramref name="forget"/>,
        /// deletes its saved sign-in: the one change here, so the one ShouldProcess.
        /// </summary>
        public static void Disconnect(ICommandHost host, object runspace, string name = null, bool forget = false, Auth.Saved.SavedSignInStore store = null)
        {
            var connection = name == null ? ConnectionRegistry.GetCurrent(runspace) : ConnectionRegistry.Find(runspace, name);
            Auth.Saved.SavedSignIn saved = null;
            if (forget)
            {
                store = store ?? new Auth.Saved.SavedSignInStore();
                var savedName = name ?? connection?.SavedSignIn ?? connection?.Name;
                saved = savedName == null ? null : store.Find(savedName);
                if (saved == null && connection == null) throw Auth.Saved.SavedSignInStore.NotFound(savedName ?? "(none)");
                if (saved == null) host.WriteWarning($"There is no saved sign-in named '{savedName}' to forget.");
            }
            if (connection == null && saved == null)
            {
                host.WriteWarning(name == null ? "There was no DigitalChannels connection in this session." : $"This session has no connection named '{name}'.");
                return;
            }
            var target = saved != null
                ? $"saved sign-in '{saved.Name}' ({saved.Location} org {saved.OrganizationId}, {saved.Protection}) in {store.Folder}"
                : connection.ToString();
            if (!host.ShouldProcess(target, saved != null ? "Disconnect and forget the saved sign-in" : "Disconnect")) return;
            if (saved != null)
            {
                store.Forget(saved.Name);
                if (connection != null) connection.SavedSignIn = null;
                host.WriteVerbose($"Forgot the saved sign-in '{saved.Name}'.");
            }
            if (connection == null) return;
            var removed = name == null ? ConnectionRegistry.Remove(runspace) : ConnectionRegistry.Remove(runspace, name);
            removed?.Dispose();
            host.WriteVerbose($"Disconnected from {connection}.");
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
