using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace DigitalChannels.Client.Lab
{
    /// <summary>How an object of the tenant stands against the definition.</summary>
    public enum LabDriftKind
    {
        /// <summary>As defined (listed only with -IncludeEqual).</summary>
        Same,
        /// <summary>A property differs: expected and actual say how.</summary>
        Differs,
        /// <summary>The definition has it; the tenant does not.</summary>
        Missing,
        /// <summary>The tenant has it; the definition does not.</summary>
        NotInDefinition,
        /// <summary>The step could not be read (the actual value is the reason).</summary>
        NotRead,
    }

    /// <summary>What Compare-DigitalChannelsLab returns: one difference of one object's property.</summary>
    public sealed class LabDrift
    {
        public LabDriftKind Kind { get; set; }
        public string Pod { get; set; }
        public string Lab { get; set; }
        public string StepId { get; set; }

        /// <summary>The object, e.g. "Team 'Team1'".</summary>
        public string Object { get; set; }

        /// <summary>The property that differs, e.g. "Chat" of the RONA timeouts; null when the whole object is meant.</summary>
        public string Property { get; set; }

        public string Expected { get; set; }
        public string Actual { get; set; }

        public override string ToString() =>
            $"{Kind}: {Object}" + (Property == null ? "" : $" {Property}") + (Kind == LabDriftKind.Differs || Kind == LabDriftKind.NotRead ? $": expected {Expected}, found {Actual}" : "");
    }

    /// <summary>
    /// Drift: the checks of Test-DigitalChannelsLab broken down to properties, and the objects of each step's kind that
    /// the tenant has and the definition does not. The observations describe an object as "name value" parts separated by
    /// commas ("site 'Site', agent based, …"); parts with the same name are paired, so that one wrong value is one row.
    /// </summary>
    public static class LabDriftCompare
    {
        /// <summary>One check as drift rows: per property when the descriptions pair up, else the whole object.</summary>
        public static IEnumerable<LabDrift> FromCheck(LabCheck check, bool includeEqual)
        {
            LabDrift Row(LabDriftKind kind, string property, string expected, string actual) => new LabDrift
            {
                Kind = kind, Pod = check.Pod, Lab = check.Lab, StepId = check.StepId, Object = check.Target, Property = property, Expected = expected, Actual = actual,
            };
            switch (check.Result)
            {
                case LabResult.Passed:
                    if (includeEqual) yield return Row(LabDriftKind.Same, null, check.Expectation, check.Actual);
                    yield break;
                case LabResult.Error:
                case LabResult.Skipped:
                    yield return Row(LabDriftKind.NotRead, null, check.Expectation, check.Reason);
                    yield break;
            }
            if (check.Actual == "missing" || (check.Actual ?? "").StartsWith("not ", StringComparison.Ordinal))
            {
                yield return Row(LabDriftKind.Missing, null, check.Expectation, check.Actual);
                yield break;
            }
            var expected = Parts(check.Expectation);
            var actual = Parts(check.Actual);
            if (expected.Count < 2 || expected.Count != actual.Count || !expected.Select(p => p.Name).SequenceEqual(actual.Select(p => p.Name), StringComparer.OrdinalIgnoreCase))
            {
                yield return Row(LabDriftKind.Differs, null, check.Expectation, check.Actual);
                yield break;
            }
            for (var i = 0; i < expected.Count; i++)
            {
                var same = string.Equals(expected[i].Value, actual[i].Value, StringComparison.Ordinal);
                if (!same || includeEqual) yield return Row(same ? LabDriftKind.Same : LabDriftKind.Differs, expected[i].Name, expected[i].Value, actual[i].Value);
            }
        }

        /// <summary>
        /// "Telephony 18 s, teams 'Team1', 'Team2', agent based" → (Telephony, 18 s), (teams, 'Team1', 'Team2'), (agent based, "").
        /// Commas inside quotes do not split; a part that starts with a quote continues the one before.
        /// </summary>
        public static List<(string Name, string Value)> Parts(string text)
        {
            var raw = new List<string>();
            if (string.IsNullOrEmpty(text)) return new List<(string, string)>();
            var current = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\'') quoted = !quoted;
                if (!quoted && (c == ',' || c == ';') && i + 1 < text.Length && text[i + 1] == ' ')
                {
                    raw.Add(current.ToString());
                    current.Clear();
                    i++;
                    continue;
                }
                current.Append(c);
            }
            raw.Add(current.ToString());
            var parts = new List<string>();
            foreach (var part in raw)
                if (part.StartsWith("'", StringComparison.Ordinal) && parts.Count > 0) parts[parts.Count - 1] += ", " + part;
                else parts.Add(part);
            return parts.Select(p =>
            {
                // The name is the words before the first quote or digit: "multimedia profile 'MMP'", "Chat 60 s".
                var cut = p.IndexOfAny("'0123456789".ToCharArray());
                return cut <= 0 ? (p.Trim(), "") : (p.Substring(0, cut).Trim().TrimEnd(':'), p.Substring(cut).Trim());
            }).ToList();
        }
    }
}
