using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client
{
    /// <summary>How to reach and sign in to one tenant. Exactly one of client secret and access token.</summary>
    public sealed class ConnectionOptions
    {
        public WebexEnvironment Environment { get; set; }

        /// <summary>The organization id. Required for live tenants; for a sandbox, read from the token when absent.</summary>
        public string OrganizationId { get; set; }

        public string ClientId { get; set; }
        public string ClientSecret { get; set; }
        public string AccessToken { get; set; }

        /// <summary>Scopes to ask for with client credentials; <see cref="Scopes.Default"/> when null.</summary>
        public IReadOnlyList<string> Scopes { get; set; }

        public RetryPolicy RetryPolicy { get; set; }

        /// <summary>
        /// Tokens from an administrator's sign-in (<see cref="RefreshTokenSource"/>): used instead of a secret or an
        /// access token. The organization is then read from the token, and checked against <see cref="OrganizationId"/>.
        /// </summary>
        public IAccessTokenSource TokenSource { get; set; }

        /// <summary>Test hook: the handler every request goes through instead of the network.</summary>
        public HttpMessageHandler HttpMessageHandler { get; set; }

        /// <summary>The redactor that already knows the sign-in's secrets; a new one when null.</summary>
        public SecretRedactor Redactor { get; set; }
    }

    /// <summary>
    /// One signed-in tenant: its environment, its organization, its token source and the typed clients that share
    /// one HTTP pipeline. Cmdlets keep the current one per runspace (<see cref="ConnectionRegistry"/>) and accept
    /// another through -Connection. It never shows a secret.
    /// </summary>
    public sealed class DigitalChannelsConnection : IDisposable
    {
        private readonly IAccessTokenSource _tokens;

        private DigitalChannelsConnection(WebexEnvironment environment, string organizationId, string clientId, IAccessTokenSource tokens, WebexHttpPipeline pipeline)
        {
            Environment = environment;
            OrganizationId = organizationId;
            ClientId = clientId;
            _tokens = tokens;
            Pipeline = pipeline;
            ConnectedOn = DateTimeOffset.UtcNow;
            ConnectServices = new ConnectServicesClient(this);
            ContactCenter = new ContactCenter.ContactCenterClient(this);
            People = new People.PeopleClient(this);
            ControlHub = new ControlHub.ControlHubClient(this);
            ConnectTeammates = new ConnectTeammatesClient(this);
            SandboxMail = new Sandbox.SandboxMailClient(this);
            ConnectFlows = new Connect.Flows.ConnectFlowsClient(this);
            ConnectAssets = new Connect.Assets.ConnectAssetsClient(this);
            ConnectIntegrations = new Connect.Integrations.ConnectIntegrationsClient(this);
            ConnectTraffic = new Connect.Traffic.ConnectTrafficClient(this);
            Engage = new Engage.EngageClient(this);
            Provisioning = new Provisioning.ProvisioningClient(this);
            ConnectTemplates = new Connect.Templates.ConnectTemplatesClient(this);
            ConnectSettings = new Connect.Settings.ConnectSettingsClient(this);
            ConnectLogs = new Connect.Logs.ConnectLogsClient(this);
            ConnectScheduler = new Connect.Scheduler.ConnectSchedulerClient(this);
        }

        public WebexEnvironment Environment { get; }

        /// <summary>"us1" … "in1" or "sandbox".</summary>
        public string EnvironmentName => Environment.Name;

        /// <summary>The sandbox URL, or the Contact Center API host of a live region.</summary>
        public Uri BaseUrl => Environment.IsSandbox ? Environment.SandboxBaseUri : Environment.ContactCenterBaseUri;

        public string OrganizationId { get; private set; }

        public string ClientId { get; }

        /// <summary>The name this session knows it by (-Name; else the organization id), for -Connection and the lists.</summary>
        public string Name { get; internal set; }

        /// <summary>Who acts: the signed-in administrator (email, or user id) or the client; never a secret.</summary>
        public string Account { get; internal set; }

        /// <summary>The saved sign-in this connection keeps up to date with each refresh, or null.</summary>
        public string SavedSignIn { get; internal set; }

        /// <summary>"ClientCredentials", "RefreshToken" (an administrator's sign-in) or "AccessToken".</summary>
        public string AuthenticationMethod => _tokens.Method;

        public DateTimeOffset? TokenExpiresOn => _tokens.ExpiresOn;

        /// <summary>For tests that force a refresh.</summary>
        internal IAccessTokenSource TokenSource => _tokens;

        public DateTimeOffset ConnectedOn { get; }

        public WebexHttpPipeline Pipeline { get; }

        public ConnectServicesClient ConnectServices { get; }

        /// <summary>The Contact Center configuration API (public: live regions and the sandbox).</summary>
        public ContactCenter.ContactCenterClient ContactCenter { get; }

        /// <summary>The Webex People and licences API (public: webexapis.com and the sandbox).</summary>
        public People.PeopleClient People { get; }

        /// <summary>Control Hub actions with no public API (RONA timeouts, Synchronize Users): sandbox only.</summary>
        public ControlHub.ControlHubClient ControlHub { get; }
        /// <summary>Teammates, Decrypt Logs, Groups and Teams.</summary>
        public ConnectTeammatesClient ConnectTeammates { get; }

        /// <summary>The sandbox's outbox of mails.</summary>
        public Sandbox.SandboxMailClient SandboxMail { get; }
        /// <summary>Flows and rules of Connect services.</summary>
        public Connect.Flows.ConnectFlowsClient ConnectFlows { get; }

        /// <summary>Connect assets: numbers and apps.</summary>
        public Connect.Assets.ConnectAssetsClient ConnectAssets { get; }

        /// <summary>Connect's pre-built integrations and their node authorizations.</summary>
        public Connect.Integrations.ConnectIntegrationsClient ConnectIntegrations { get; }

        /// <summary>Debug, Reports and Usage over Connect's traffic, and the sandbox's traffic simulator.</summary>
        public Connect.Traffic.ConnectTrafficClient ConnectTraffic { get; }
        /// <summary>Engage administration: attachments, templates, blocklist, working hours, transcripts.</summary>
        public Engage.EngageClient Engage { get; }

        /// <summary>Digital Channels provisioning and the sandbox operator's tenants.</summary>
        public Provisioning.ProvisioningClient Provisioning { get; }

        /// <summary>Connect's message templates (Tools > Templates).</summary>
        public Connect.Templates.ConnectTemplatesClient ConnectTemplates { get; }

        /// <summary>Connect's Tenant Settings and the signed-in teammate's Profile Settings.</summary>
        public Connect.Settings.ConnectSettingsClient ConnectSettings { get; }
        /// <summary>Connect Tools > Export Logs.</summary>
        public Connect.Logs.ConnectLogsClient ConnectLogs { get; }

        /// <summary>Connect App Tray > Event Scheduler.</summary>
        public Connect.Scheduler.ConnectSchedulerClient ConnectScheduler { get; }

        /// <summary>Signs in (so that bad credentials fail here, not at the first command) and learns the org id when needed.</summary>
        public static async Task<DigitalChannelsConnection> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.Environment == null) throw new ArgumentException("The connection has no environment: name a sandbox or a region.", nameof(options));
            var signedIn = options.TokenSource != null;
            var hasSecret = !signedIn && !string.IsNullOrEmpty(options.ClientSecret);
            var hasToken = !signedIn && !string.IsNullOrEmpty(options.AccessToken);
            if (!signedIn && hasSecret == hasToken) throw new ArgumentException("Give either a client id and secret, or an access token.", nameof(options));
            if (!signedIn && !options.Environment.IsSandbox && string.IsNullOrWhiteSpace(options.OrganizationId))
                throw new ArgumentException($"Connecting to region '{options.Environment.Name}' needs the organization id.", nameof(options));

            var redactor = options.Redactor ?? new SecretRedactor();
            IAccessTokenSource tokens;
            if (signedIn)
            {
                tokens = options.TokenSource;
            }
            else if (hasSecret)
            {
                if (!options.Environment.IsSandbox)
                    throw new NotSupportedException("The Webex identity service does not issue tokens for an app's client id and secret (client-credentials grant). Connect to a live region with -AccessToken, e.g. a Contact Center service app's token.");
                tokens = new ClientCredentialsTokenSource(options.Environment, options.ClientId, options.ClientSecret, options.Scopes, redactor, options.HttpMessageHandler, options.RetryPolicy);
            }
            else
            {
                redactor.Add(options.AccessToken);
                tokens = new AccessTokenSource(options.AccessToken, ExpiryOf(options.AccessToken));
            }

            var pipeline = new WebexHttpPipeline(tokens, options.HttpMessageHandler, options.RetryPolicy, redactor);
            // The sandbox replays a write it already carried out when the same Idempotency-Key comes again.
            pipeline.ServerHonoursIdempotencyKeys = options.Environment.IsSandbox;
            var token = await tokens.GetAccessTokenAsync(false, cancellationToken);
            var organizationId = options.OrganizationId;
            string account = null;
            if (signedIn)
            {
                // An administrator's sign-in belongs to one organization: a browser still signed in to another tenant
                // must not yield a connection to it under this -OrganizationId.
                string tokenOrganization;
                try
                {
                    tokenOrganization = ClaimOf(token, "org_id");
                    if (tokenOrganization == null)
                    {
                        var me = await pipeline.SendAsync<JObject>(HttpMethod.Get, new Uri(options.Environment.IdentityBaseUri, "people/me"), null, cancellationToken);
                        tokenOrganization = PlainOrganizationId((string)me?["orgId"]);
                        account = (string)(me?["emails"] as JArray)?.FirstOrDefault();
                    }
                }
                catch
                {
                    pipeline.Dispose();
                    (tokens as IDisposable)?.Dispose();
                    throw;
                }
                if (!string.IsNullOrWhiteSpace(organizationId) && !string.IsNullOrWhiteSpace(tokenOrganization) &&
                    !string.Equals(organizationId.Trim(), tokenOrganization.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    pipeline.Dispose();
                    (tokens as IDisposable)?.Dispose();
                    throw new Commands.WrongOrganizationException(organizationId.Trim(), tokenOrganization.Trim());
                }
                if (string.IsNullOrWhiteSpace(organizationId)) organizationId = tokenOrganization;
            }
            if (string.IsNullOrWhiteSpace(organizationId)) organizationId = ClaimOf(token, "org_id");
            if (string.IsNullOrWhiteSpace(organizationId))
            {
                pipeline.Dispose();
                throw new ArgumentException("The organization id was not given and the token does not carry one (claim org_id).", nameof(options));
            }
            account = account ?? ClaimOf(token, "email")
                ?? (ClaimOf(token, "user_id") is string user ? "user " + user : null)
                ?? (hasSecret ? "client " + options.ClientId : null);
            return new DigitalChannelsConnection(options.Environment, organizationId.Trim(), options.ClientId, tokens, pipeline) { Account = account };
        }

        /// <summary>
        /// The organization of Webex's People API (<c>GET /v1/people/me</c>, read for Webex's opaque tokens): Webex gives it
        /// as a base64 "ciscospark://us/ORGANIZATION/{uuid}"; the uuid is what the Contact Center API uses.
        /// </summary>
        internal static string PlainOrganizationId(string orgId)
        {
            if (string.IsNullOrWhiteSpace(orgId)) return null;
            try
            {
                var padded = orgId.Replace('-', '+').Replace('_', '/');
                padded = padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '=');
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
                if (decoded.StartsWith("ciscospark://", StringComparison.OrdinalIgnoreCase)) return decoded.Substring(decoded.LastIndexOf('/') + 1);
            }
            catch (FormatException)
            {
                // Already a plain id.
            }
            return orgId;
        }

        /// <summary>Fails with a clear error when this tenant has no API for the operation (live tenants for Connect).</summary>
        internal Uri RequireConnectAdministration(string operation, string portalPage)
        {
            if (Environment.ConnectAdministrationBaseUri == null) throw new Commands.NoPublicApiException(operation, portalPage);
            return Environment.ConnectAdministrationBaseUri;
        }

        /// <summary>The sandbox's base URL (ending in '/') for sandbox-only operations; live tenants get a clear NoPublicApi error.</summary>
        internal Uri RequireSandbox(string operation, string portalPage)
        {
            if (!Environment.IsSandbox) throw new Commands.NoPublicApiException(operation, portalPage);
            return new Uri(Environment.SandboxBaseUri.AbsoluteUri.TrimEnd('/') + "/");
        }

        public override string ToString() => $"{(Name != null && Name != OrganizationId ? "'" + Name + "': " : string.Empty)}{Environment} org {OrganizationId} ({AuthenticationMethod})";

        public void Dispose()
        {
            Pipeline.Dispose();
            // A sign-in's refresh token source holds its own HTTP client.
            (_tokens as IDisposable)?.Dispose();
        }

        private static DateTimeOffset? ExpiryOf(string token)
        {
            var exp = ClaimOf(token, "exp");
            return long.TryParse(exp, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        }

        /// <summary>A claim of a JWT, read without validation (the server validates): Webex's own tokens are opaque and give null.</summary>
        internal static string ClaimOf(string token, string claim)
        {
            var parts = token?.Split('.');
            if (parts == null || parts.Length != 3) return null;
            try
            {
                var payload = parts[1].Replace('-', '+').Replace('_', '/');
                payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
                var json = JObject.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
                return json[claim]?.ToString();
            }
            catch (FormatException) { return null; }
            catch (Newtonsoft.Json.JsonException) { return null; }
        }
    }

    /// <summary>
    /// The connections of each runspace, by name, and which one is current. Keyed weakly by the runspace object, so a
    /// closed runspace takes its connections with it, and concurrent runbook jobs never see each other's (msgraph #1337).
    /// </summary>
    public static class ConnectionRegistry
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, Holder> Table =
            new System.Runtime.CompilerServices.ConditionalWeakTable<object, Holder>();

        /// <summary>Makes the connection current (and known by its name); returns the one it replaced, if any, for the caller to dispose.</summary>
        public static DigitalChannelsConnection SetCurrent(object scope, DigitalChannelsConnection connection)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            var holder = Table.GetValue(scope, _ => new Holder());
            lock (holder)
            {
                var replaced = connection == null ? null : Put(holder, connection);
                var previous = holder.Current;
                holder.Current = connection;
                // The previous current one that lost its name (or was never named) is no longer reachable: the caller ends it.
                if (previous != null && previous != connection && previous != replaced && !holder.Named.ContainsValue(previous)) replaced = replaced ?? previous;
                return replaced;
            }
        }

        /// <summary>Known by its name without becoming current; returns the one of the same name it replaced, if any.</summary>
        public static DigitalChannelsConnection Add(object scope, DigitalChannelsConnection connection)
        {
            if (scope == null) throw new ArgumentNullException(nameof(scope));
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            var holder = Table.GetValue(scope, _ => new Holder());
            lock (holder)
            {
                var replaced = Put(holder, connection);
                if (replaced != null && holder.Current == replaced) holder.Current = connection;
                return replaced;
            }
        }

        private static DigitalChannelsConnection Put(Holder holder, DigitalChannelsConnection connection)
        {
            if (string.IsNullOrEmpty(connection.Name)) return null;
            holder.Named.TryGetValue(connection.Name, out var replaced);
            holder.Named[connection.Name] = connection;
            return replaced == connection ? null : replaced;
        }

        public static DigitalChannelsConnection GetCurrent(object scope)
        {
            if (scope == null || !Table.TryGetValue(scope, out var holder)) return null;
            lock (holder) return holder.Current;
        }

        /// <summary>The connection of that name (case-insensitive) in the scope, or null.</summary>
        public static DigitalChannelsConnection Find(object scope, string name)
        {
            if (scope == null || string.IsNullOrEmpty(name) || !Table.TryGetValue(scope, out var holder)) return null;
            lock (holder) return holder.Named.TryGetValue(name, out var connection) ? connection : null;
        }

        /// <summary>The scope's named connections, by name.</summary>
        public static IReadOnlyList<DigitalChannelsConnection> List(object scope)
        {
            if (scope == null || !Table.TryGetValue(scope, out var holder)) return new DigitalChannelsConnection[0];
            lock (holder) return holder.Named.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        }

        /// <summary>Removes and returns the scope's current connection, if any.</summary>
        public static DigitalChannelsConnection Remove(object scope)
        {
            if (scope == null || !Table.TryGetValue(scope, out var holder)) return null;
            lock (holder)
            {
                var connection = holder.Current;
                holder.Current = null;
                if (connection?.Name != null && holder.Named.TryGetValue(connection.Name, out var named) && named == connection) holder.Named.Remove(connection.Name);
                return connection;
            }
        }

        /// <summary>Removes and returns the connection of that name (no longer current if it was), if any.</summary>
        public static DigitalChannelsConnection Remove(object scope, string name)
        {
            if (scope == null || string.IsNullOrEmpty(name) || !Table.TryGetValue(scope, out var holder)) return null;
            lock (holder)
            {
                if (!holder.Named.TryGetValue(name, out var connection)) return null;
                holder.Named.Remove(name);
                if (holder.Current == connection) holder.Current = null;
                return connection;
            }
        }

        /// <summary>Removes and returns every connection of the scope (the module is removed).</summary>
        public static IReadOnlyList<DigitalChannelsConnection> RemoveAll(object scope)
        {
            if (scope == null || !Table.TryGetValue(scope, out var holder)) return new DigitalChannelsConnection[0];
            lock (holder)
            {
                var all = holder.Named.Values.Concat(holder.Current == null ? new DigitalChannelsConnection[0] : new[] { holder.Current }).Distinct().ToList();
                holder.Named.Clear();
                holder.Current = null;
                return all;
            }
        }

        private sealed class Holder
        {
            public DigitalChannelsConnection Current;
            public readonly Dictionary<string, DigitalChannelsConnection> Named = new Dictionary<string, DigitalChannelsConnection>(StringComparer.OrdinalIgnoreCase);
        }
    }
}
