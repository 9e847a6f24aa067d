using System.Text.Json;
using System.Text.Json.Nodes;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Environments;
using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.ControlHub;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Provisioning;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Administration;

public sealed record TenantAdministrator(string Email, string DisplayName, string PersonId, string UserId);

public sealed record CreatedTenant(string OrganizationId, string Name, string DigitalChannel, string DigitalChannelsProvisioning,
    TenantAdministrator Administrator, string ClientId, string ClientSecret, IReadOnlyList<string> Scopes);

/// <summary>
/// The sandbox operator's routes (the default tenant's Owner with <c>sandbox:admin</c>): create a tenant as Cisco
/// would hand it over (Contact Center ready, Digital Channels not provisioned) and set its Digital Channel value, which
/// on the platform only Cisco support changes (lab rule 5).
/// </summary>
public static class TenantEndpoints
{
    public const string BasePath = "/sandbox/v1/organizations";
    public const int MaximumNameLength = 100;

    public static void MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var tenants = app.MapGroup(BasePath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem)
            .RequireScope(Scopes.SandboxAdmin).RequirePermission(ConnectPermissions.ManageSandbox).RequireSandboxOperator("manages tenants");
        tenants.MapPost("", CreateAsync);
        tenants.MapPut("/{organizationId}/digital-channel", SetDigitalChannelAsync);
    }

    /// <summary>
    /// <c>{name, digitalChannel?, administrator: {email, displayName}}</c> → 201. One transaction: the organization
    /// (its Connect integrations and numbers come from the organizations trigger), the Contact Center built-ins and
    /// licences, the administrator as a Webex person (Full administrator, Premium Agent licence) and Contact Center user
    /// (Synchronize Users), and a service app with every scope acting as that administrator, who is not a Connect
    /// teammate until provisioning makes it (or another administrator) the Owner.
    /// </summary>
    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.RequiredString("name").Trim();
        if (name.Length is 0 or > MaximumNameLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must have 1 to {MaximumNameLength} characters (got {name.Length}).").ToException();
        var digitalChannel = ValidDigitalChannel(body.OptionalString("digitalChannel") ?? ProvisioningProgress.ImiDigital);
        if (body.Raw("administrator") is not { ValueKind: JsonValueKind.Object } administrator)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, "The field 'administrator' must be an object {email, displayName}.").ToException();
        var email = TeammateRules.ValidEmail(StringField(administrator, "administrator.email", "email"));
        var displayName = TeammateRules.ValidName("administrator.displayName", StringField(administrator, "administrator.displayName", "displayName"));

        var now = time.GetUtcNow();
        var nowText = Timestamps.Format(now);
        var organizationId = Guid.NewGuid().ToString("D");
        var clientId = ClientCredentials.NewClientId();
        var clientSecret = ClientCredentials.NewClientSecret();
        var (personId, userId) = database.Write(session =>
        {
            new OrganizationRepository(session).Insert(new Organization(organizationId, name, nowText));
            new ProvisioningRepository(session).SetDigitalChannel(organizationId, digitalChannel);
            TenantSeed.EnsureSeeded(session, organizationId, now);

            var premium = new LicenseRepository(session, organizationId).All().Single(l => l.Name == LicenseRepository.PremiumAgent);
            var uuid = Guid.NewGuid().ToString("D");
            var parts = displayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            var person = new Person(uuid, new JsonObject
            {
                ["id"] = WebexIds.Encode(WebexIds.People, uuid), ["emails"] = new JsonArray(email), ["displayName"] = displayName,
                ["firstName"] = parts[0], ["lastName"] = parts.Length > 1 ? parts[1] : parts[0],
                ["licenses"] = new JsonArray(premium.Id), ["roles"] = new JsonArray(WebexIds.FullAdministratorRoleId),
                ["orgId"] = WebexIds.Encode(WebexIds.Organization, organizationId), ["type"] = "person", ["created"] = nowText, ["lastModified"] = nowText,
            });
            new PersonRepository(session, organizationId).Insert(person);
            UserSynchronization.Run(session, organizationId, now);

            var user = new SandboxUser(Guid.NewGuid().ToString("D"), organizationId, email, displayName, ConnectRole.Restricted, nowText)
            {
                Status = TeammateStatus.ControlHubOnly,
            };
            new UserRepository(session).Insert(user);
            new ServiceApplicationRepository(session).Insert(new ServiceApplication(clientId, organizationId, $"{name} administrator",
                ClientCredentials.HashSecret(clientSecret), user.Id, Scopes.All, nowText));
            return (person.Id, user.Id);
        });

        context.Response.Headers.Location = $"{BasePath}/{organizationId}";
        // The secret is shown once, here; only its hash is stored.
        return SandboxJson.Ok(new CreatedTenant(organizationId, name, digitalChannel, nameof(ProvisioningState.NotProvisioned),
            new TenantAdministrator(email, displayName, personId, userId), clientId, clientSecret, Scopes.All), StatusCodes.Status201Created);
    }

    /// <summary><c>{digitalChannel}</c>: what Cisco support changes in Service Details. Refused once provisioning has started.</summary>
    private static async Task<IResult> SetDigitalChannelAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string organizationId)
    {
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var value = ValidDigitalChannel(body.RequiredString("digitalChannel"));
        var now = time.GetUtcNow();
        database.Write(session =>
        {
            var repository = new ProvisioningRepository(session);
            if (repository.DigitalChannel(organizationId) is null)
                throw ApiError.NotFound(ErrorKeys.OrganizationNotFound, $"The organization '{organizationId}' does not exist in this sandbox.").ToException();
            if (repository.Find(organizationId) is { } record)
                throw ApiError.Conflict(ErrorKeys.DigitalChannelsAlreadyStarted,
                    $"Digital Channels provisioning of organization '{organizationId}' was already started (state {record.StateAt(now)}); its Digital Channel can no longer change.").ToException();
            repository.SetDigitalChannel(organizationId, value);
        });
        return SandboxJson.Ok(new { organizationId, digitalChannel = value });
    }

    private static string ValidDigitalChannel(string raw)
    {
        var value = raw.Trim();
        if (value.Length is 0 or > 50)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'digitalChannel' must have 1 to 50 characters, such as '{ProvisioningProgress.ImiDigital}' (got '{raw}').").ToException();
        return value;
    }

    private static string StringField(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!
        : throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{path}' is required and must be a string.").ToException();
}
