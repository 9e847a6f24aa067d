using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Connect.Flows;

/// <summary>A flow of a service. Its content lives in <see cref="FlowVersion"/>s; the latest one is what Save and Make Live act on.</summary>
public sealed record ConnectFlow(string Id, string OrganizationId, string ServiceId, string Name, string Kind, string Method,
    string CreatedTime, string LastUpdatedTime)
{
    public const string NewFlowMethod = "NewFlow";
    public const string UploadMethod = "Upload";

    public static string NameKey(string name) => name.ToLowerInvariant();
}

/// <summary>
/// One version of a flow: a payload (null for an empty "New Flow"), when it was saved and what Save found, and when it was
/// made live. <see cref="LiveTime"/> is the end of Publishing (Make Live time plus the publish duration), stored so that a
/// later change of --flow-publish-seconds does not move versions already publishing.
/// </summary>
public sealed record FlowVersion(string FlowId, int Number, string? Sha256, long PayloadLength, string? FileName, string CreatedTime,
    string? SavedTime, IReadOnlyList<string>? Findings, string? PublishedTime, string? LiveTime, string? PublishComment, string? AssetId);

public sealed class FlowRepository
{
    private const string Columns = "id, organization_id, service_id, name, kind, method, created_time, last_updated_time";
    private const string VersionColumns =
        "flow_id, number, sha256, length(payload), file_name, created_time, saved_time, findings, published_time, live_time, publish_comment, asset_id";
    private readonly DbSession session;

    public FlowRepository(DbSession session) => this.session = session;

    public ConnectFlow? Find(string organizationId, string serviceId, string flowId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_flows WHERE organization_id = $org AND service_id = $service AND id = $id;", Map,
            ("$org", organizationId), ("$service", serviceId), ("$id", flowId));

    public ConnectFlow? FindAnywhere(string organizationId, string flowId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_flows WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", flowId));

    public ConnectFlow? FindByName(string organizationId, string serviceId, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_flows WHERE organization_id = $org AND service_id = $service AND name_key = $key;", Map,
            ("$org", organizationId), ("$service", serviceId), ("$key", ConnectFlow.NameKey(name)));

    /// <summary>The tenant's channel-agnostic flow of this kind, in whatever service.</summary>
    public ConnectFlow? FindAgnostic(string organizationId, string kind) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_flows WHERE organization_id = $org AND agnostic_kind = $kind;", Map,
            ("$org", organizationId), ("$kind", kind));

    public long Count(string organizationId, string serviceId, string? exactName) =>
        session.Scalar<long>("SELECT COUNT(*) FROM connect_flows WHERE organization_id = $org AND service_id = $service AND ($name IS NULL OR name_key = $name);",
            ("$org", organizationId), ("$service", serviceId), ("$name", exactName is null ? null : ConnectFlow.NameKey(exactName)));

    public List<ConnectFlow> List(string organizationId, string serviceId, string? exactName, int offset, int limit) =>
        session.Query($"""
            SELECT {Columns} FROM connect_flows
            WHERE organization_id = $org AND service_id = $service AND ($name IS NULL OR name_key = $name)
            ORDER BY name_key, id LIMIT $limit OFFSET $offset;
            """, Map, ("$org", organizationId), ("$service", serviceId), ("$name", exactName is null ? null : ConnectFlow.NameKey(exactName)),
            ("$limit", limit), ("$offset", offset));

    public void Insert(ConnectFlow flow) =>
        session.Execute($"INSERT INTO connect_flows ({Columns}, name_key, agnostic_kind) VALUES ($id, $org, $service, $name, $kind, $method, $created, $updated, $key, $agnostic);",
            ("$id", flow.Id), ("$org", flow.OrganizationId), ("$service", flow.ServiceId), ("$name", flow.Name), ("$kind", flow.Kind),
            ("$method", flow.Method), ("$created", flow.CreatedTime), ("$updated", flow.LastUpdatedTime), ("$key", ConnectFlow.NameKey(flow.Name)),
            ("$agnostic", FlowKinds.IsChannelAgnostic(flow.Kind) ? flow.Kind : null));

    public void Touch(string flowId, string time) =>
        session.Execute("UPDATE connect_flows SET last_updated_time = $time WHERE id = $id;", ("$id", flowId), ("$time", time));

    public void Delete(string flowId) => session.Execute("DELETE FROM connect_flows WHERE id = $id;", ("$id", flowId));

    public List<FlowVersion> Versions(string flowId) =>
        session.Query($"SELECT {VersionColumns} FROM connect_flow_versions WHERE flow_id = $id ORDER BY number;", MapVersion, ("$id", flowId));

    public string? Payload(string flowId, int number) =>
        session.Scalar<string>("SELECT payload FROM connect_flow_versions WHERE flow_id = $id AND number = $number;", ("$id", flowId), ("$number", number));

    public void InsertVersion(string flowId, int number, string? payload, string? sha256, string? fileName, string createdTime) =>
        session.Execute("""
            INSERT INTO connect_flow_versions (flow_id, number, payload, sha256, file_name, created_time)
            VALUES ($id, $number, $payload, $sha, $file, $time);
            """, ("$id", flowId), ("$number", number), ("$payload", payload), ("$sha", sha256), ("$file", fileName), ("$time", createdTime));

    public void MarkSaved(string flowId, int number, string time, IReadOnlyList<string> findings) =>
        session.Execute("UPDATE connect_flow_versions SET saved_time = $time, findings = $findings WHERE flow_id = $id AND number = $number;",
            ("$id", flowId), ("$number", number), ("$time", time), ("$findings", System.Text.Json.JsonSerializer.Serialize(findings)));

    public void MarkPublished(string flowId, int number, string publishedTime, string liveTime, string? comment, string? assetId) =>
        session.Execute("""
            UPDATE connect_flow_versions SET published_time = $published, live_time = $live, publish_comment = $comment, asset_id = $asset
            WHERE flow_id = $id AND number = $number;
            """, ("$id", flowId), ("$number", number), ("$published", publishedTime), ("$live", liveTime), ("$comment", comment), ("$asset", assetId));

    private static ConnectFlow Map(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7));

    private static FlowVersion MapVersion(SqliteDataReader r) => new(
        r.GetString(0), r.GetInt32(1), r.GetNullableString(2), r.IsDBNull(3) ? 0 : r.GetInt64(3), r.GetNullableString(4), r.GetString(5),
        r.GetNullableString(6), r.IsDBNull(7) ? null : System.Text.Json.JsonSerializer.Deserialize<List<string>>(r.GetString(7)),
        r.GetNullableString(8), r.GetNullableString(9), r.GetNullableString(10), r.GetNullableString(11));
}

/// <summary>A row of the RULES tab: this asset triggers this flow. An asset triggers one flow in the whole tenant.</summary>
public sealed record ConnectRule(string Id, string OrganizationId, string ServiceId, string FlowId, string AssetId, string CreatedTime);

public sealed class RuleRepository
{
    private const string Columns = "id, organization_id, service_id, flow_id, asset_id, created_time";
    private readonly DbSession session;

    public RuleRepository(DbSession session) => this.session = session;

    public List<ConnectRule> ListForService(string organizationId, string serviceId) =>
        session.Query($"SELECT {Columns} FROM connect_rules WHERE organization_id = $org AND service_id = $service ORDER BY created_time, id;", Map,
            ("$org", organizationId), ("$service", serviceId));

    public List<ConnectRule> ListForFlow(string flowId) =>
        session.Query($"SELECT {Columns} FROM connect_rules WHERE flow_id = $flow ORDER BY created_time, id;", Map, ("$flow", flowId));

    public ConnectRule? FindByAsset(string organizationId, string assetId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_rules WHERE organization_id = $org AND asset_id = $asset;", Map,
            ("$org", organizationId), ("$asset", assetId));

    public ConnectRule? Find(string organizationId, string serviceId, string ruleId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_rules WHERE organization_id = $org AND service_id = $service AND id = $id;", Map,
            ("$org", organizationId), ("$service", serviceId), ("$id", ruleId));

    /// <summary>Points the asset at the flow, replacing the rule the asset had (in any service).</summary>
    public ConnectRule Set(string organizationId, string serviceId, string flowId, string assetId, string time)
    {
        session.Execute("DELETE FROM connect_rules WHERE organization_id = $org AND asset_id = $asset;", ("$org", organizationId), ("$asset", assetId));
        var rule = new ConnectRule(Guid.NewGuid().ToString("D"), organizationId, serviceId, flowId, assetId, time);
        session.Execute($"INSERT INTO connect_rules ({Columns}) VALUES ($id, $org, $service, $flow, $asset, $time);",
            ("$id", rule.Id), ("$org", organizationId), ("$service", serviceId), ("$flow", flowId), ("$asset", assetId), ("$time", time));
        return rule;
    }

    public void Delete(string ruleId) => session.Execute("DELETE FROM connect_rules WHERE id = $id;", ("$id", ruleId));

    private static ConnectRule Map(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5));
}
