using System.Globalization;
using System.Text;
using DigitalChannels.Sandbox.Connect.Traffic;

namespace DigitalChannels.Sandbox.Connect.LogExports;

/// <summary>The exported log as the portal's download gives it: one CSV row per transaction, RFC 4180 quoting.</summary>
public static class LogExportCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Transaction ID", "Time (UTC)", "Direction", "Trigger", "Service ID", "Service", "Channel", "Source", "Destination", "Asset",
        "Flow ID", "Flow", "Flow Version", "Outcome", "Reason", "Conversation ID", "Message",
    ];

    /// <summary>What the Message column says to a teammate without Decrypt Logs: Connect keeps message content encrypted (lab rule 28).</summary>
    public const string Encrypted = "(encrypted: needs Decrypt Logs)";

    public static string Write(IEnumerable<TrafficTransaction> records, bool decrypt)
    {
        var text = new StringBuilder();
        AppendRow(text, Columns);
        foreach (var r in records)
            AppendRow(text, [r.Id, r.CreatedTime, r.Direction, r.Trigger, r.ServiceId, r.ServiceName, r.Channel, r.Source, r.Destination, r.AssetName,
                r.FlowId, r.FlowName, r.FlowVersion?.ToString(CultureInfo.InvariantCulture), r.Outcome, r.Reason, r.ConversationId,
                r.Text is null ? null : decrypt ? r.Text : Encrypted]);
        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Quote(fields[i] ?? ""));
        }
        text.Append("\r\n");
    }

    /// <summary>
    /// Quotes a field with a comma, quote or line break, doubling its quotes; a field that a spreadsheet would run as a
    /// formula (=, +, -, @ first) is quoted and prefixed with ' so that a customer's message cannot become one.
    /// </summary>
    internal static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' && !IsNumberOrTime(field)) field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field.StartsWith('\'') ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }

    private static bool IsNumberOrTime(string field) => double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
