using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Sandbox.Connect.Assets;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Hosting;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Flows;

public sealed record FlowVersionResource(int Number, string Status, string? Sha256, long DecodedLength, string? FileName, string CreatedTime,
    string? SavedTime, IReadOnlyList<string>? Findings, string? PublishedTime, string? LiveTime, string? Comment, string? AssetId);

/// <summary>
/// A flow as the API returns it: its latest version's status (the portal's toolbar), the version that handles messages
/// now, what the last Save found, and every version. <see cref="ImportResult"/> is set by import only.
/// </summary>
public sealed record FlowResource(string Id, string OrganizationId, string ServiceId, string ServiceName, string Name, string Kind, string Category,
    string Type, string Method, string Status, int Version, int? LiveVersion, string? PublishingUntil, IReadOnlyList<string>? Findings,
    string CreatedTime, string LastUpdatedTime, IReadOnlyList<FlowVersionResource> Versions)
{
    public string? ImportResult { get; init; }

    public static FlowResource From(ConnectFlow flow, ConnectService service, IReadOnlyList<FlowVersion> versions, DateTimeOffset now)
    {
        var latest = versions.MaxBy(v => v.Number)!;
        var status = FlowLifecycle.StatusOf(latest, versions, now);
        return new FlowResource(flow.Id, flow.OrganizationId, flow.ServiceId, service.Name, flow.Name, flow.Kind, FlowKinds.CategoryOf(flow.Kind),
            "WorkFlow", flow.Method, status, latest.Number, FlowLifecycle.LiveVersion(versions, now)?.Number,
            status == FlowLifecycle.Publishing ? latest.LiveTime : null, latest.Findings, flow.CreatedTime, flow.LastUpdatedTime,
            versions.Select(v => new FlowVersionResource(v.Number, FlowLifecycle.StatusOf(v, versions, now), v.Sha256, v.PayloadLength / 2, v.FileName,
                v.CreatedTime, v.SavedTime, v.Findings, v.PublishedTime, v.LiveTime, v.PublishComment, v.AssetId)).ToList());
    }
}

public sealed record RuleResource(string Id, string ServiceId, string FlowId, string FlowName, string AssetId, string AssetName, string AssetType,
    string Channel, string CreatedTime);

/// <summary>
/// Flows of a service (the FLOWS tab: Create Flow with New Flow or Upload a flow, Save, Make Live) and its RULES tab.
/// Every change checks Service Locking first. The payload of an upload is checked again here with the same rules as
/// the client (<see cref="WorkflowPayload"/>): the sandbox enforces them, it does not trust the caller.
/// </summary>
public static class FlowEndpoints
{
    public const string ServicePath = "/connect/v1/organization/{orgId}/services/{serviceId}";
    public const int MaximumNameLength = 100;
    public const int MaximumCommentLength = 500;

    public static void MapFlowEndpoints(this IEndpointRouteBuilder app)
    {
        var service = app.MapGroup(ServicePath).RequireSandboxToken().WithErrorBodyStyle(ErrorBodyStyle.Problem);

        service.MapGet("/flows", List).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        service.MapPost("/flows", CreateAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        service.MapPost("/flows/import", ImportAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        service.MapGet("/flows/{flowId}", Get).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        service.MapGet("/flows/{flowId}/versions/{number:int}/payload", Payload).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        service.MapDelete("/flows/{flowId}", Delete).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        service.MapPost("/flows/{flowId}/save", Save).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        service.MapPost("/flows/{flowId}/publish", PublishAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);

        service.MapGet("/rules", ListRules).RequireScope(Scopes.ConnectConfigRead).RequirePermission(ConnectPermissions.ReadConfiguration);
        service.MapPut("/rules", SetRuleAsync).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
        service.MapDelete("/rules/{ruleId}", DeleteRule).RequireScope(Scopes.ConnectConfigWrite).RequirePermission(ConnectPermissions.ChangeConfiguration);
    }

    private static IResult List(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var name = context.Request.Query.ContainsKey("name") ? context.Request.Query["name"].ToString().Trim() : null;
        var now = time.GetUtcNow();
        var (total, rows) = database.Read(session =>
        {
            var service = ServiceEndpoints.FindOrThrow(new ConnectServiceRepository(session), caller, serviceId);
            var flows = new FlowRepository(session);
            var items = flows.List(caller.OrganizationId, service.Id, name, page.Offset, page.PageSize)
                .Select(flow => FlowResource.From(flow, service, flows.Versions(flow.Id), now)).ToList();
            return (flows.Count(caller.OrganizationId, service.Id, name), items);
        });
        var path = $"/connect/v1/organization/{caller.OrganizationId}/services/{serviceId}/flows";
        return SandboxJson.Ok(PagedList<FlowResource>.Create(caller.OrganizationId, path, page, total, rows,
            new Dictionary<string, string?> { ["name"] = name }));
    }

    /// <summary>Create Flow: Type Work Flow, Method New Flow (empty) or Upload a flow (with a payload).</summary>
    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = ValidName(body.RequiredString("name"));
        var kind = ValidKind(body.RequiredString("kind"));
        var type = body.OptionalString("type");
        if (type is not null && !string.Equals(type, "WorkFlow", StringComparison.OrdinalIgnoreCase))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'type' is '{type}'; the sandbox models the Work Flow type only ('WorkFlow').").ToException();
        var fileName = body.OptionalString("fileName");
        var payload = ValidPayload(body.OptionalString("payload"), fileName, required: false);
        var method = body.OptionalString("method") ?? (payload is null ? ConnectFlow.NewFlowMethod : ConnectFlow.UploadMethod);
        if (!string.Equals(method, ConnectFlow.NewFlowMethod, StringComparison.OrdinalIgnoreCase) && !string.Equals(method, ConnectFlow.UploadMethod, StringComparison.OrdinalIgnoreCase))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'method' is '{method}'; use 'NewFlow' or 'Upload'.").ToException();
        method = string.Equals(method, ConnectFlow.UploadMethod, StringComparison.OrdinalIgnoreCase) ? ConnectFlow.UploadMethod : ConnectFlow.NewFlowMethod;
        if (method == ConnectFlow.UploadMethod && payload is null)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, "The method 'Upload' needs the field 'payload' (the .workflow file's content).").ToException();
        if (method == ConnectFlow.NewFlowMethod && payload is not null)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, "The method 'NewFlow' creates an empty flow; send no 'payload' with it, or use 'Upload'.").ToException();

        var now = time.GetUtcNow();
        var result = database.Write(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            ServiceLock.EnsureUnlocked(service);
            var flow = InsertFlow(session, flows, caller.OrganizationId, service, name, kind, method, now);
            flows.InsertVersion(flow.Id, 1, payload, payload is null ? null : WorkflowPayload.Sha256(payload), fileName, Timestamps.Format(now));
            return FlowResource.From(flow, service, flows.Versions(flow.Id), now);
        });
        context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/services/{result.ServiceId}/flows/{result.Id}";
        return SandboxJson.Ok(result, StatusCodes.Status201Created);
    }

    /// <summary>
    /// Upload a flow by name: a new flow (201, Created), a new version of the flow of that name (200, NewVersion), or
    /// nothing when the payload is the latest version's already (200, Unchanged). The kind is required for a new flow.
    /// </summary>
    private static async Task<IResult> ImportAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = ValidName(body.RequiredString("name"));
        var kindText = body.OptionalString("kind");
        var kind = kindText is null ? null : ValidKind(kindText);
        var fileName = body.OptionalString("fileName");
        var payload = ValidPayload(body.OptionalString("payload"), fileName, required: true)!;
        var sha256 = WorkflowPayload.Sha256(payload);

        var now = time.GetUtcNow();
        var (resource, created) = database.Write(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            ServiceLock.EnsureUnlocked(service);
            var existing = flows.FindByName(caller.OrganizationId, service.Id, name);
            if (existing is null)
            {
                if (kind is null)
                    throw ApiError.BadRequest(ErrorKeys.InvalidField,
                        $"There is no flow '{name}' in service '{service.Name}' yet, so the field 'kind' is required to create it; use one of {string.Join(", ", FlowKinds.All)}.").ToException();
                var flow = InsertFlow(session, flows, caller.OrganizationId, service, name, kind, ConnectFlow.UploadMethod, now);
                flows.InsertVersion(flow.Id, 1, payload, sha256, fileName, Timestamps.Format(now));
                return (FlowResource.From(flow, service, flows.Versions(flow.Id), now) with { ImportResult = "Created" }, true);
            }

            if (kind is not null && kind != existing.Kind)
                throw ApiError.Conflict(ErrorKeys.FlowKindMismatch,
                    $"Flow '{existing.Name}' (id {existing.Id}) in service '{service.Name}' is a {existing.Kind} flow; a {kind} export cannot become a version of it.").ToException();
            var versions = flows.Versions(existing.Id);
            var latest = versions.MaxBy(v => v.Number)!;
            if (latest.Sha256 == sha256)
                return (FlowResource.From(existing, service, versions, now) with { ImportResult = "Unchanged" }, false);

            flows.InsertVersion(existing.Id, latest.Number + 1, payload, sha256, fileName, Timestamps.Format(now));
            flows.Touch(existing.Id, Timestamps.Format(now));
            existing = existing with { LastUpdatedTime = Timestamps.Format(now) };
            return (FlowResource.From(existing, service, flows.Versions(existing.Id), now) with { ImportResult = "NewVersion" }, false);
        });
        if (created) context.Response.Headers.Location = $"/connect/v1/organization/{caller.OrganizationId}/services/{resource.ServiceId}/flows/{resource.Id}";
        return SandboxJson.Ok(resource, created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId, string flowId)
    {
        var caller = Caller.Of(context);
        var now = time.GetUtcNow();
        return SandboxJson.Ok(database.Read(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            var flow = FindOrThrow(flows, caller.OrganizationId, service, flowId);
            return FlowResource.From(flow, service, flows.Versions(flow.Id), now);
        }));
    }

    /// <summary>
    /// A version's payload as uploaded, so that a tenant can be exported (Export-DigitalChannelsLab). Sandbox only: the
    /// portal offers the same as the flow's Download button, and Connect has no public API for it.
    /// </summary>
    private static IResult Payload(HttpContext context, SandboxDatabase database, string serviceId, string flowId, int number)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(database.Read(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            var flow = FindOrThrow(flows, caller.OrganizationId, service, flowId);
            var version = flows.Versions(flow.Id).FirstOrDefault(v => v.Number == number);
            var payload = version is null ? null : flows.Payload(flow.Id, number);
            if (payload is null)
                throw ApiError.NotFound(ErrorKeys.FlowNotFound, version is null
                    ? $"The flow '{flow.Name}' (id {flow.Id}) has no version {number}."
                    : $"Version {number} of the flow '{flow.Name}' (id {flow.Id}) is an empty New Flow: it has no payload.").ToException();
            return new { number, fileName = version!.FileName, sha256 = version.Sha256, payload };
        }));
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string serviceId, string flowId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            var flow = FindOrThrow(flows, caller.OrganizationId, service, flowId);
            ServiceLock.EnsureUnlocked(service);
            flows.Delete(flow.Id);
        });
        return Results.NoContent();
    }

    /// <summary>Save: records that the latest version was saved and what is missing (the findings); it saves even with findings, as the portal does.</summary>
    private static IResult Save(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId, string flowId)
    {
        var caller = Caller.Of(context);
        var now = time.GetUtcNow();
        return SandboxJson.Ok(database.Write(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            var flow = FindOrThrow(flows, caller.OrganizationId, service, flowId);
            ServiceLock.EnsureUnlocked(service);
            var latest = flows.Versions(flow.Id).MaxBy(v => v.Number)!;
            flows.MarkSaved(flow.Id, latest.Number, Timestamps.Format(now), FlowLifecycle.Findings(session, flow, latest));
            flows.Touch(flow.Id, Timestamps.Format(now));
            return FlowResource.From(flow with { LastUpdatedTime = Timestamps.Format(now) }, service, flows.Versions(flow.Id), now);
        }));
    }

    /// <summary>
    /// Make Live: the latest version, saved and without findings, starts Publishing and is Live after the publish duration.
    /// A channel flow needs the asset that triggers it (given here, or already set by a rule); the asset's rule then points at this flow.
    /// </summary>
    private static async Task<IResult> PublishAsync(HttpContext context, SandboxDatabase database, TimeProvider time, SandboxOptions options,
        string serviceId, string flowId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var assetId = body.OptionalString("assetId")?.Trim();
        var comment = body.OptionalString("comment");
        if (comment is not null && comment.Length > MaximumCommentLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'comment' has {comment.Length} characters; at most {MaximumCommentLength} are allowed.").ToException();

        var now = time.GetUtcNow();
        var result = database.Write(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            var flow = FindOrThrow(flows, caller.OrganizationId, service, flowId);
            ServiceLock.EnsureUnlocked(service);
            var versions = flows.Versions(flow.Id);
            var latest = versions.MaxBy(v => v.Number)!;
            var describe = $"flow '{flow.Name}' (id {flow.Id})";
            if (latest.LiveTime is not null)
                throw ApiError.Conflict(ErrorKeys.FlowNothingToPublish,
                    $"Version {latest.Number} of {describe} is already {FlowLifecycle.StatusOf(latest, versions, now)}; import a changed flow to make a new version live.").ToException();
            if (latest.SavedTime is null)
                throw ApiError.Conflict(ErrorKeys.FlowNotSaved,
                    $"Version {latest.Number} of {describe} has not been saved; Save it (Save-ConnectFlow) before Make Live.").ToException();
            var findings = FlowLifecycle.Findings(session, flow, latest);
            if (findings.Count > 0)
                throw ApiError.Conflict(ErrorKeys.FlowNotReady,
                    $"{char.ToUpperInvariant(describe[0])}{describe[1..]} cannot be made live: {string.Join(" ", findings)} Then Save again.").ToException();

            var asset = ResolveTriggerAsset(session, flow, assetId);
            var rules = new RuleRepository(session);
            if (asset is not null)
            {
                var current = rules.FindByAsset(caller.OrganizationId, asset.Id);
                if (current is not null && current.FlowId != flow.Id)
                {
                    var other = flows.FindAnywhere(caller.OrganizationId, current.FlowId);
                    throw ApiError.Conflict(ErrorKeys.AssetInUse,
                        $"The {asset.Type.ToLowerInvariant()} '{asset.Name}' (id {asset.Id}) already triggers flow '{other?.Name}' (id {current.FlowId}); change that rule (Set-ConnectRule) to move it.").ToException();
                }
                if (current is null) rules.Set(caller.OrganizationId, service.Id, flow.Id, asset.Id, Timestamps.Format(now));
            }

            var stamp = Timestamps.Format(now);
            flows.MarkPublished(flow.Id, latest.Number, stamp, Timestamps.Format(now + options.FlowPublishDuration), comment, asset?.Id);
            flows.Touch(flow.Id, stamp);
            return FlowResource.From(flow with { LastUpdatedTime = stamp }, service, flows.Versions(flow.Id), now);
        });
        return SandboxJson.Ok(result);
    }

    /// <summary>The Make Live pop-up's "Application": required for channel flows without a rule, refused for the others.</summary>
    private static ConnectAsset? ResolveTriggerAsset(DbSession session, ConnectFlow flow, string? assetId)
    {
        if (!FlowKinds.IsChannel(flow.Kind))
        {
            if (assetId is null) return null;
            var by = FlowKinds.IsChannelAgnostic(flow.Kind) ? "Webex CC Task events" : FlowKinds.CategoryOf(flow.Kind).ToLowerInvariant() + "s";
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The field 'assetId' ('{assetId}') does not apply: a {flow.Kind} flow is triggered by {by}, not by an asset.").ToException();
        }
        var assets = new AssetRepository(session);
        if (assetId is null)
        {
            if (new RuleRepository(session).ListForFlow(flow.Id).Count > 0) return null;
            var candidates = assets.List(flow.OrganizationId, null, flow.Kind).Select(a => $"'{a.Name}' ({a.Id})").ToList();
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"Make Live of the {flow.Kind} flow '{flow.Name}' needs the asset that triggers it: give 'assetId' (the tenant's {flow.Kind} assets: {(candidates.Count == 0 ? "none" : string.Join(", ", candidates))}).").ToException();
        }
        var asset = assets.Find(flow.OrganizationId, assetId)
            ?? throw ApiError.NotFound(ErrorKeys.ReferenceNotFound, $"The field 'assetId' names asset '{assetId}', which does not exist in organization '{flow.OrganizationId}'.").About(assetId).ToException();
        if (asset.Channel != flow.Kind)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The {asset.Type.ToLowerInvariant()} '{asset.Name}' (id {asset.Id}) is a {asset.Channel} asset; it cannot trigger the {flow.Kind} flow '{flow.Name}'.").ToException();
        return asset;
    }

    private static IResult ListRules(HttpContext context, SandboxDatabase database, string serviceId)
    {
        var caller = Caller.Of(context);
        return SandboxJson.Ok(new { data = database.Read(session =>
        {
            var (service, _) = Open(session, caller, serviceId);
            return new RuleRepository(session).ListForService(caller.OrganizationId, service.Id).Select(rule => ToResource(session, rule)).ToList();
        }) });
    }

    /// <summary>Points an asset at a flow of this service: the asset's previous rule, in any service, is replaced.</summary>
    private static async Task<IResult> SetRuleAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string serviceId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var assetId = body.RequiredString("assetId").Trim();
        var flowId = body.RequiredString("flowId").Trim();
        var now = Timestamps.Format(time.GetUtcNow());
        return SandboxJson.Ok(database.Write(session =>
        {
            var (service, flows) = Open(session, caller, serviceId);
            var flow = FindOrThrow(flows, caller.OrganizationId, service, flowId);
            ServiceLock.EnsureUnlocked(service);
            var asset = new AssetRepository(session).Find(caller.OrganizationId, assetId)
                ?? throw ApiError.NotFound(ErrorKeys.ReferenceNotFound, $"The field 'assetId' names asset '{assetId}', which does not exist in organization '{caller.OrganizationId}'.").About(assetId).ToException();
            if (asset.Channel != flow.Kind)
                throw ApiError.BadRequest(ErrorKeys.InvalidField,
                    $"The {asset.Type.ToLowerInvariant()} '{asset.Name}' (id {asset.Id}) is a {asset.Channel} asset; it cannot trigger the {flow.Kind} flow '{flow.Name}'.").ToException();
            var previous = new RuleRepository(session).FindByAsset(caller.OrganizationId, asset.Id);
            if (previous is not null && previous.ServiceId != service.Id)
                ServiceLock.EnsureUnlocked(new ConnectServiceRepository(session).FindAnywhereInTenant(caller.OrganizationId, previous.ServiceId)!);
            return ToResource(session, new RuleRepository(session).Set(caller.OrganizationId, service.Id, flow.Id, asset.Id, now));
        }));
    }

    private static IResult DeleteRule(HttpContext context, SandboxDatabase database, string serviceId, string ruleId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var (service, _) = Open(session, caller, serviceId);
            var rules = new RuleRepository(session);
            var rule = rules.Find(caller.OrganizationId, service.Id, ruleId)
                ?? throw ApiError.NotFound(ErrorKeys.RuleNotFound, $"No rule with id '{ruleId}' exists in service '{service.Name}' (id {service.Id}).").ToException();
            ServiceLock.EnsureUnlocked(service);
            rules.Delete(rule.Id);
        });
        return Results.NoContent();
    }

    private static RuleResource ToResource(DbSession session, ConnectRule rule)
    {
        var flow = new FlowRepository(session).FindAnywhere(rule.OrganizationId, rule.FlowId)!;
        var asset = new AssetRepository(session).Find(rule.OrganizationId, rule.AssetId)!;
        return new RuleResource(rule.Id, rule.ServiceId, flow.Id, flow.Name, asset.Id, asset.Name, asset.Type, asset.Channel, rule.CreatedTime);
    }

    private static (ConnectService Service, FlowRepository Flows) Open(DbSession session, Caller caller, string serviceId) =>
        (ServiceEndpoints.FindOrThrow(new ConnectServiceRepository(session), caller, serviceId), new FlowRepository(session));

    public static ConnectFlow FindOrThrow(FlowRepository flows, string organizationId, ConnectService service, string flowId)
    {
        var normalized = ResourceIds.Normalize(flowId);
        return (normalized is null ? null : flows.Find(organizationId, service.Id, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.FlowNotFound, $"No flow with id '{flowId}' exists in service '{service.Name}' (id {service.Id}).").ToException();
    }

    private static ConnectFlow InsertFlow(DbSession session, FlowRepository flows, string organizationId, ConnectService service, string name,
        string kind, string method, DateTimeOffset now)
    {
        var sameName = flows.FindByName(organizationId, service.Id, name);
        if (sameName is not null)
            throw ApiError.Conflict(ErrorKeys.FlowDuplicateName,
                $"Service '{service.Name}' already has a flow named '{sameName.Name}' (id {sameName.Id}); flow names are unique in a service regardless of case.").ToException();
        if (FlowKinds.IsChannelAgnostic(kind) && flows.FindAgnostic(organizationId, kind) is { } existing)
        {
            // The rule is tenant-wide, so the clash is named even when the flow's service is outside the caller's group or team.
            var home = new ConnectServiceRepository(session).FindAnywhereInTenant(organizationId, existing.ServiceId)!;
            throw ApiError.Conflict(ErrorKeys.FlowAgnosticKindExists,
                $"The tenant already has a {FlowKinds.DisplayName(kind)} flow: '{existing.Name}' (id {existing.Id}) in service '{home.Name}' (id {home.Id}). " +
                "Channel-agnostic flows are added once per tenant and used by every channel flow; import a new version into that flow instead.").ToException();
        }
        var stamp = Timestamps.Format(now);
        var flow = new ConnectFlow(Guid.NewGuid().ToString("D"), organizationId, service.Id, name, kind, method, stamp, stamp);
        flows.Insert(flow);
        return flow;
    }

    private static string ValidName(string raw)
    {
        var name = raw.Trim();
        if (name.Length == 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must not be empty or blank (got '{raw}').").ToException();
        if (name.Length > MaximumNameLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' has {name.Length} characters; at most {MaximumNameLength} are allowed ('{name[..40]}…').").ToException();
        if (name.Any(char.IsControl))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'name' must not contain control characters (got '{name.ReplaceLineEndings(" ")}').").ToException();
        return name;
    }

    private static string ValidKind(string text) =>
        FlowKinds.TryParse(text, out var kind) ? kind
            : throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field 'kind' is '{text}'; use one of {string.Join(", ", FlowKinds.All)}.").ToException();

    private static string? ValidPayload(string? payload, string? fileName, bool required)
    {
        if (payload is null && !required) return null;
        if (payload is null) throw ApiError.BadRequest(ErrorKeys.InvalidField, "The field 'payload' (the .workflow file's content) is required.").ToException();
        var problem = WorkflowPayload.FindProblem(payload);
        if (problem is not null)
            throw ApiError.BadRequest(ErrorKeys.FlowInvalidPayload, WorkflowPayload.Describe(fileName, problem)).ToException();
        return payload;
    }
}
