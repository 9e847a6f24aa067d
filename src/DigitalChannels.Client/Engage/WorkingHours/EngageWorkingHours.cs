using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Engage.WorkingHours
{
    /// <summary>
    /// Named operating hours (Customer Care → Settings → Configure → Working Hours). They change only the chat
    /// widget's layout — open: the chat form, closed: the offline form — and route nothing (lab 12.3, rule 24).
    /// </summary>
    public sealed class EngageWorkingHours
    {
        [JsonProperty("id")] public string Id { get; set; }
        [JsonProperty("organizationId")] public string OrganizationId { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        /// <summary>An IANA ("Europe/Rome") or Windows ("W. Europe Standard Time") time zone id.</summary>
        [JsonProperty("timeZone")] public string TimeZone { get; set; }

        [JsonProperty("weeklyHours")] public List<EngageTimeRange> WeeklyHours { get; set; } = new List<EngageTimeRange>();
        [JsonProperty("holidays")] public List<EngageHoliday> Holidays { get; set; } = new List<EngageHoliday>();

        /// <summary>Open at this moment by the tenant's clock: the chat widget shows its chat form, else its offline form.</summary>
        [JsonProperty("openNow")] public bool OpenNow { get; set; }

        [JsonProperty("version")] public int Version { get; set; }
        [JsonProperty("createdTime")] public DateTimeOffset? CreatedTime { get; set; }
        [JsonProperty("lastUpdatedTime")] public DateTimeOffset? LastUpdatedTime { get; set; }

        /// <summary>The week in the form the cmdlets take: "Monday 09:00-17:00; Tuesday 09:00-17:00".</summary>
        [JsonIgnore] public string Schedule => string.Join("; ", WeeklyHours.Select(r => r.ToString()));

        public override string ToString() => Name;
    }

    public sealed class EngageTimeRange
    {
        /// <summary>"Monday" … "Sunday".</summary>
        [JsonProperty("day")] public string Day { get; set; }

        /// <summary>"HH:mm", 00:00 to 23:59.</summary>
        [JsonProperty("start")] public string Start { get; set; }

        /// <summary>"HH:mm" after <see cref="Start"/>; "24:00" is the end of the day.</summary>
        [JsonProperty("end")] public string End { get; set; }

        public override string ToString() => $"{Day} {Start}-{End}";
    }

    public sealed class EngageHoliday
    {
        /// <summary>"yyyy-MM-dd": closed all that day, in the hours' time zone.</summary>
        [JsonProperty("date")] public string Date { get; set; }
        [JsonProperty("name")] public string Name { get; set; }

        public override string ToString() => string.IsNullOrEmpty(Name) ? Date : $"{Date} {Name}";
    }

    /// <summary>What Set-EngageWorkingHours changes; null means "leave as it is". An empty holiday list clears them.</summary>
    public sealed class EngageWorkingHoursChanges
    {
        public string Name { get; set; }
        public string TimeZone { get; set; }
        public IReadOnlyList<EngageTimeRange> WeeklyHours { get; set; }
        public IReadOnlyList<EngageHoliday> Holidays { get; set; }

        public bool IsEmpty => Name == null && TimeZone == null && WeeklyHours == null && Holidays == null;

        public string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (TimeZone != null) parts.Add($"time zone {TimeZone}");
            if (WeeklyHours != null) parts.Add($"weekly hours {string.Join("; ", WeeklyHours)}");
            if (Holidays != null) parts.Add(Holidays.Count == 0 ? "clear the holidays" : $"holidays {string.Join(", ", Holidays)}");
            return string.Join(", ", parts);
        }
    }

    /// <summary>
    /// Reads the compact forms the cmdlets take: "Mon-Fri 09:00-17:00", "Sat,Sun 10:00-14:00", "Monday 08:00-12:00,13:00-17:00"
    /// for hours, "2026-12-25 Christmas Day" for holidays. Errors name the text that could not be read.
    /// </summary>
    public static class EngageScheduleText
    {
        private static readonly string[] Days = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };
        private static readonly Regex Line = new Regex(@"^\s*(?<days>[A-Za-z,\-\s]+?)\s+(?<ranges>\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}(\s*,\s*\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2})*)\s*$");
        private static readonly Regex Range = new Regex(@"(?<start>\d{1,2}:\d{2})\s*-\s*(?<end>\d{1,2}:\d{2})");
        private static readonly Regex HolidayLine = new Regex(@"^\s*(?<date>\d{4}-\d{2}-\d{2})(\s+(?<name>.+?))?\s*$");

        public static List<EngageTimeRange> ParseWeeklyHours(IEnumerable<string> lines)
        {
            var ranges = new List<EngageTimeRange>();
            foreach (var line in lines ?? Enumerable.Empty<string>())
            {
                var match = Line.Match(line ?? string.Empty);
                if (!match.Success)
                    throw new ArgumentException($"'{line}' is not a weekly time range; write it like 'Mon-Fri 09:00-17:00' or 'Sat 10:00-14:00'.");
                var days = ParseDays(match.Groups["days"].Value, line);
                foreach (var day in days)
                {
                    foreach (Match range in Range.Matches(match.Groups["ranges"].Value))
                        ranges.Add(new EngageTimeRange { Day = day, Start = Pad(range.Groups["start"].Value), End = Pad(range.Groups["end"].Value) });
                }
            }
            return ranges.OrderBy(r => Array.IndexOf(Days, r.Day)).ThenBy(r => r.Start, StringComparer.Ordinal).ToList();
        }

        public static List<EngageHoliday> ParseHolidays(IEnumerable<string> lines)
        {
            var holidays = new List<EngageHoliday>();
            foreach (var line in lines ?? Enumerable.Empty<string>())
            {
                var match = HolidayLine.Match(line ?? string.Empty);
                if (!match.Success || !DateTime.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    throw new ArgumentException($"'{line}' is not a holiday; write it like '2026-12-25' or '2026-12-25 Christmas Day'.");
                holidays.Add(new EngageHoliday { Date = match.Groups["date"].Value, Name = match.Groups["name"].Success ? match.Groups["name"].Value : null });
            }
            return holidays;
        }

        private static IEnumerable<string> ParseDays(string text, string line)
        {
            var days = new List<string>();
            foreach (var part in text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim()))
            {
                var bounds = part.Split('-').Select(p => p.Trim()).ToArray();
                if (bounds.Length > 2) throw new ArgumentException($"'{part}' in '{line}' is not a day or a range of days such as 'Mon-Fri'.");
                var first = Day(bounds[0], line);
                var last = bounds.Length == 2 ? Day(bounds[1], line) : first;
                var from = Array.IndexOf(Days, first);
                var to = Array.IndexOf(Days, last);
                if (to < from) throw new ArgumentException($"The days '{part}' in '{line}' run backwards; write them from Monday towards Sunday.");
                for (var i = from; i <= to; i++) if (!days.Contains(Days[i])) days.Add(Days[i]);
            }
            if (days.Count == 0) throw new ArgumentException($"'{line}' names no day.");
            return days;
        }

        private static string Day(string text, string line)
        {
            var day = Days.FirstOrDefault(d => text.Length >= 2 && d.StartsWith(text, StringComparison.OrdinalIgnoreCase));
            return day ?? throw new ArgumentException($"'{text}' in '{line}' is not a day of the week (Monday … Sunday, or Mon … Sun).");
        }

        private static string Pad(string time) => time.Length == 4 ? "0" + time : time;
    }
}
