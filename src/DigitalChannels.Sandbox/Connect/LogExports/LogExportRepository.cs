using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.LogExports;

/// <summary>
/// A Tools > Export Logs job: the inbound or outbound log of one service (and channel, or all) for a period. It is
/// "In progress" until <see cref="ReadyTime"/> on the sandbox clock, then "Ready for download".
/// </summary>
public sealed record LogExport(string Id, string OrganizationId, string Direction, string ServiceId, string ServiceName, string? Channel,
    string FromTime, string ToTime, string RequestedBy, string RequestedTime, string ReadyTime)
{
    public const string Inbound = "Inbound";
    public const string Outbound = "Outbound";
    public static readonly IReadOnlyList<string> Directions = [Inbound, Outbound];

    public const string InProgress = "InProgress";
    public const string ReadyForDownload = "ReadyForDownload";

    public string StatusAt(DateTimeOffset now) =>
        string.CompareOrdinal(ReadyTime, Timestamps.Format(now)) <= 0 ? ReadyForDownload : InProgress;

    /// <summary>
    /// The log covers the period up to the moment it was requested: what arrives later is not in this file, so that a
    /// download gives the same rows however often and whenever it is made.
    /// </summary>
    public string CutOff => string.CompareOrdinal(ToTime, RequestedTime) < 0 ? ToTime : RequestedTime;
}

public sealed class LogExportRepository
{
    private const string Columns = "id, organization_id, direction, service_id, service_name, channel, from_time, to_time, requested_by, requested_time, ready_time";

    /// <summary>The portal lists the recent downloads; older jobs are kept but not listed.</summary>
    public const int ListedJobs = 20;

    private readonly DbSession session;

    public LogExportRepository(DbSession session) => this.session = session;

    public LogExport? Find(string organizationId, string id) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM connect_log_exports WHERE organization_id = $org AND id = $id;", Map,
            ("$org", organizationId), ("$id", id));

    /// <summary>The newest jobs first.</summary>
    public List<LogExport> ListRecent(string organizationId) =>
        session.Query($"SELECT {Columns} FROM connect_log_exports WHERE organization_id = $org ORDER BY requested_time DESC, id LIMIT {ListedJobs};", Map,
            ("$org", organizationId));

    public void Insert(LogExport job) =>
        session.Execute($"INSERT INTO connect_log_exports ({Columns}) VALUES ($id, $org, $direction, $service, $serviceName, $channel, $from, $to, $by, $requested, $ready);",
            ("$id", job.Id), ("$org", job.OrganizationId), ("$direction", job.Direction), ("$service", job.ServiceId), ("$serviceName", job.ServiceName),
            ("$channel", job.Channel), ("$from", job.FromTime), ("$to", job.ToTime), ("$by", job.RequestedBy), ("$requested", job.RequestedTime), ("$ready", job.ReadyTime));

    private static LogExport Map(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetNullableString(5), r.GetString(6), r.GetString(7),
            r.GetString(8), r.GetString(9), r.GetString(10));
}
