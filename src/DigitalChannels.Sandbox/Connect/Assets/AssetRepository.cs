using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Assets;

/// <summary>
/// An asset: a Number (SMS, provided by Cisco, read-only; lab rule 16) or an App (the trigger of every other channel).
/// <see cref="Channel"/> is one of <see cref="Flows.FlowKinds.Channels"/>.
/// </summary>
public sealed record ConnectAsset(string Id, string OrganizationId, string Type, string Channel, string Name, string CreatedTime)
{
    public const string NumberType = "Number";
    public const string AppType = "App";

    public static string NameKey(string name) => name.ToLowerInvariant();
}

public sealed class AssetRepository
{
    private const string Columns = "id, organization_id, type, channel, name, created_time";
    private readonly DbSession session;

    public AssetRepository(DbSession session) => this.session = session;

    public ConnectAsset? Find(string organizationId, string assetId) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_assets WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", assetId));

    public ConnectAsset? FindByName(string organizationId, string type, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_assets WHERE organization_id = $org AND type = $type AND name_key = $key;", Map,
            ("$org", organizationId), ("$type", type), ("$key", ConnectAsset.NameKey(name)));

    /// <summary>Numbers first, then apps, each by name; <paramref name="type"/> and <paramref name="channel"/> filter when given.</summary>
    public List<ConnectAsset> List(string organizationId, string? type, string? channel) =>
        session.Query($"""
            SELECT {Columns} FROM connect_assets
            WHERE organization_id = $org AND ($type IS NULL OR type = $type) AND ($channel IS NULL OR channel = $channel)
            ORDER BY type DESC, name_key, id;
            """, Map, ("$org", organizationId), ("$type", type), ("$channel", channel));

    public bool AnyOfChannel(string organizationId, string channel) =>
        session.Scalar<long>("SELECT COUNT(*) FROM connect_assets WHERE organization_id = $org AND channel = $channel;",
            ("$org", organizationId), ("$channel", channel)) > 0;

    public void Insert(ConnectAsset asset) =>
        session.Execute($"INSERT INTO connect_assets ({Columns}, name_key) VALUES ($id, $org, $type, $channel, $name, $time, $key);",
            ("$id", asset.Id), ("$org", asset.OrganizationId), ("$type", asset.Type), ("$channel", asset.Channel), ("$name", asset.Name),
            ("$time", asset.CreatedTime), ("$key", ConnectAsset.NameKey(asset.Name)));

    public void Rename(string organizationId, string assetId, string name) =>
        session.Execute("UPDATE connect_assets SET name = $name, name_key = $key WHERE organization_id = $org AND id = $id;",
            ("$org", organizationId), ("$id", assetId), ("$name", name), ("$key", ConnectAsset.NameKey(name)));

    public void Delete(string organizationId, string assetId) =>
        session.Execute("DELETE FROM connect_assets WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", assetId));

    private static ConnectAsset Map(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5));
}
