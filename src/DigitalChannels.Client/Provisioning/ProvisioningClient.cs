using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Provisioning
{
    /// <summary>Settings → Digital of a tenant: the provisioning state (NotProvisioned, Provisioning, AwaitingActivation, Provisioned).</summary>
    public sealed class DigitalChannelsProvisioning
    {
        public const string NotProvisioned = "NotProvisioned", Provisioning = "Provisioning", AwaitingActivation = "AwaitingActivation", Provisioned = "Provisioned";

        [JsonProperty("organizationId")] public string OrganizationId { get; set; }

        /// <summary>The Contact Center setting Digital Channel (Service Details); provisioning needs 'IMI Digital'.</summary>
        [JsonProperty("digitalChannel")] public string DigitalChannel { get; set; }

        [JsonProperty("state")] public string State { get; set; }
        [JsonProperty("ownerEmail")] public string OwnerEmail { get; set; }
        [JsonProperty("startedTime")] public DateTimeOffset? StartedTime { get; set; }

        /// <summary>When the Connect side is (or was) ready and the activation mail goes out.</summary>
        [JsonProperty("finishTime")] public DateTimeOffset? FinishTime { get; set; }

        [JsonProperty("activationSentTime")] public DateTimeOffset? ActivationSentTime { get; set; }
        [JsonProperty("activationExpiresTime")] public DateTimeOffset? ActivationExpiresTime { get; set; }
        [JsonProperty("activatedTime")] public DateTimeOffset? ActivatedTime { get; set; }
        [JsonProperty("connectTenantUrl")] public string ConnectTenantUrl { get; set; }

        public override string ToString() => $"{State} (Owner {OwnerEmail ?? "none"})";
    }

    /// <summary>A tenant created by the sandbox operator, with the one-time credentials of its administrator's app.</summary>
    public sealed class SandboxTenant
    {
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }
        [JsonProperty("digitalChannel")] public string DigitalChannel { get; set; }
        [JsonProperty("digitalChannelsProvisioning")] public string DigitalChannelsProvisioning { get; set; }
        [JsonProperty("administrator")] public SandboxTenantAdministrator Administrator { get; set; }
        [JsonProperty("clientId")] public string ClientId { get; set; }

        /// <summary>Shown once, at creation; the sandbox keeps only its hash.</summary>
        [JsonProperty("clientSecret")] public string ClientSecret { get; set; }

        [JsonProperty("scopes")] public List<string> Scopes { get; set; }

        public override string ToString() => $"{Name} ({OrganizationId})";
    }

    public sealed class SandboxTenantAdministrator
    {
        [JsonProperty("email")] public string Email { get; set; }
        [JsonProperty("displayName")] public string DisplayName { get; set; }
        [JsonProperty("personId")] public string PersonId { get; set; }
        [JsonProperty("userId")] public string UserId { get; set; }

        public override string ToString() => $"{DisplayName} <{Email}>";
    }

    /// <summary>
    /// Digital Channels provisioning (Control Hub → Contact Center → Settings → Digital) and the sandbox operator's
    /// tenant management. Webex has no public API for provisioning: against a live tenant every call stops with
    /// <see cref="NoPublicApiException"/> naming the Control Hub page.
    /// </summary>
    public sealed class ProvisioningClient
    {
        public const string ProvisionPage = "Control Hub → Contact Center → Settings → Digital → Provision Digital Channels";
        public const string ServiceDetailsPage = "Control Hub → Contact Center → Settings → General → Service Details";
        public const string SandboxOnly = "none: tenants are created by Cisco; this exists only in the DigitalChannels sandbox";

        private readonly DigitalChannelsConnection _connection;

        internal ProvisioningClient(DigitalChannelsConnection connection)
        {
            _connection = connection;
        }

        private Uri ControlHub(string relative, string operation, string portalPage)
        {
            var environment = _connection.Environment;
            if (!environment.IsSandbox) throw new NoPublicApiException(operation, portalPage);
            return new Uri(environment.ContactCenterBaseUri, $"controlhub/v1/organization/{Uri.EscapeDataString(_connection.OrganizationId)}/contact-center/{relative}");
        }

        /// <summary>Throws NoPublicApiException on a live tenant; commands call it before asking ShouldProcess.</summary>
        public void RequireApi(string operation) => ControlHub("digital-channels", operation, ProvisionPage);

        public Task<DigitalChannelsProvisioning> GetAsync(CancellationToken cancellationToken) =>
            _connection.Pipeline.SendAsync<DigitalChannelsProvisioning>(HttpMethod.Get,
                ControlHub("digital-channels", "Reading the Digital Channels provisioning", ProvisionPage), null, cancellationToken);

        /// <summary>Starts provisioning with <paramref name="ownerEmail"/> as the Connect tenant's Owner; the same Owner again is a no-op.</summary>
        public Task<DigitalChannelsProvisioning> StartAsync(string ownerEmail, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(ownerEmail)) throw new ArgumentException("The Owner's email is empty.", nameof(ownerEmail));
            var body = new JObject { ["ownerEmail"] = ownerEmail.Trim() };
            return _connection.Pipeline.SendAsync<DigitalChannelsProvisioning>(HttpMethod.Post,
                ControlHub("digital-channels/provisioning", "Provisioning Digital Channels", ProvisionPage), body.ToString(Formatting.None), cancellationToken);
        }

        /// <summary>Sandbox operator: a new tenant with its administrator (see docs/sandbox.md).</summary>
        public Task<SandboxTenant> CreateSandboxTenantAsync(string name, string administratorEmail, string administratorDisplayName, string digitalChannel,
            CancellationToken cancellationToken)
        {
            var root = _connection.RequireSandbox("Creating a tenant", SandboxOnly);
            var body = new JObject
            {
                ["name"] = name,
                ["administrator"] = new JObject { ["email"] = administratorEmail, ["displayName"] = administratorDisplayName },
            };
            if (!string.IsNullOrEmpty(digitalChannel)) body["digitalChannel"] = digitalChannel;
            return _connection.Pipeline.SendAsync<SandboxTenant>(HttpMethod.Post, new Uri(root, "sandbox/v1/organizations"), body.ToString(Formatting.None), cancellationToken);
        }
    }
}
