using System;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Connect.Logs
{
    /// <summary>Tools > Export Logs: the log of messages received (Inbound) or sent (Outbound).</summary>
    public enum ConnectLogDirection
    {
        Inbound,
        Outbound,
    }

    /// <summary>
    /// An Export Logs job: the inbound or outbound log of a service (and channel) for a period. It is "In progress" for a
    /// few seconds, then "Ready for download" (lab 12.2 §4); <see cref="RecordCount"/> and <see cref="FileName"/> are known then.
    /// </summary>
    public sealed class ConnectLogExport
    {
        public const string InProgressStatus = "InProgress";
        public const string ReadyStatus = "ReadyForDownload";

        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("direction")] public string Direction { get; set; }
        [JsonProperty("serviceId")] public string ServiceId { get; set; }
        [JsonProperty("serviceName")] public string ServiceName { get; set; }

        /// <summary>The one channel exported; null for every channel.</summary>
        [JsonProperty("channel")] public string Channel { get; set; }

        [JsonProperty("from")] public DateTimeOffset From { get; set; }
        [JsonProperty("to")] public DateTimeOffset To { get; set; }

        /// <summary>InProgress or ReadyForDownload; <see cref="StatusText"/> says it as the portal does.</summary>
        [JsonProperty("status")] public string Status { get; set; }

        [JsonProperty("requestedTime")] public DateTimeOffset RequestedTime { get; set; }

        /// <summary>When the file is (or was) ready, on the tenant's clock.</summary>
        [JsonProperty("readyTime")] public DateTimeOffset ReadyTime { get; set; }

        [JsonProperty("recordCount")] public int? RecordCount { get; set; }
        [JsonProperty("fileName")] public string FileName { get; set; }

        public bool IsReady => Status == ReadyStatus;

        /// <summary>"In progress" or "Ready for download", the portal's words.</summary>
        public string StatusText => Status == ReadyStatus ? "Ready for download" : Status == InProgressStatus ? "In progress" : Status;

        public override string ToString() => Id;
    }

    /// <summary>An exported log saved to a file: what Save-ConnectLogExport writes.</summary>
    public sealed class ConnectLogExportFile
    {
        public ConnectLogExportFile(string exportId, string path, int recordCount, long sizeBytes)
        {
            ExportId = exportId;
            Path = path;
            RecordCount = recordCount;
            SizeBytes = sizeBytes;
        }

        public string ExportId { get; }

        /// <summary>The full path of the CSV file written.</summary>
        public string Path { get; }

        /// <summary>Data rows in the file (the header row not counted).</summary>
        public int RecordCount { get; }

        public long SizeBytes { get; }

        public override string ToString() => Path;
    }

    /// <summary>Names one export job by object or id, so that jobs pipe from Start- and Get- into Wait- and Save-.</summary>
    public sealed class ConnectLogExportIdentity
    {
        public ConnectLogExportIdentity(ConnectLogExport export)
        {
            Export = export ?? throw new ArgumentNullException(nameof(export));
            Id = export.Id;
        }

        public ConnectLogExportIdentity(string id)
        {
            if (string.IsNullOrWhiteSpace(id) || !Guid.TryParse(id.Trim(), out var parsed))
                throw new ArgumentException($"'{id}' is not the id of a log export (a GUID from Start-ConnectLogExport or Get-ConnectLogExport).", nameof(id));
            Id = parsed.ToString("D");
        }

        public ConnectLogExport Export { get; }
        public string Id { get; }

        public override string ToString() => Id;
    }
}
