using System;
using System.Collections.Generic;
using System.Linq;
using DigitalChannels.Client.Lab.Definition;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace DigitalChannels.Client.Lab.Reports
{
    /// <summary>
    /// One verification over many pods, as the reports show it: the steps in the lab's order (the columns), the pods
    /// (the rows), every check, and the counts per result. It is what report.json holds, and the HTML page and the
    /// JUnit file are written from it alone.
    /// </summary>
    public sealed class LabReport
    {
        public const string HtmlFile = "report.html";
        public const string JsonFile = "report.json";
        public const string JUnitFile = "junit.xml";

        public int SchemaVersion { get; set; } = 1;
        public string Title { get; set; }
        public string Definition { get; set; }
        public string DefinitionSource { get; set; }
        public DateTimeOffset Created { get; set; }

        /// <summary>Passed when every pod passed; otherwise the worst pod's result.</summary>
        [JsonConverter(typeof(StringEnumConverter))]
        public LabResult Result { get; set; }

        /// <summary>How many checks had each result (every result is listed, zero included).</summary>
        public Dictionary<string, int> Counts { get; set; } = new Dictionary<string, int>();

        public List<LabReportStep> Steps { get; set; } = new List<LabReportStep>();
        public List<LabReportPod> Pods { get; set; } = new List<LabReportPod>();

        /// <summary>
        /// The report of checks (Test-DigitalChannelsLab's output) and, when the lab was applied, each pod's summary
        /// (for what was created and changed). Steps are ordered as the engine runs them; pods as given.
        /// </summary>
        public static LabReport From(LabDefinition definition, IEnumerable<LabCheck> checks, IEnumerable<LabPodResult> applied = null, string title = null)
        {
            var all = (checks ?? throw new ArgumentNullException(nameof(checks))).ToList();
            var order = LabEngine.Steps.Select((s, i) => new { s.Id, i }).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            var summaries = (applied ?? Enumerable.Empty<LabPodResult>()).ToDictionary(p => p.Pod, StringComparer.OrdinalIgnoreCase);
            var report = new LabReport
            {
                Title = title ?? $"{definition?.Name ?? "Lab"}: verification",
                Definition = definition?.Name,
                DefinitionSource = definition?.Source,
                Created = DateTimeOffset.Now,
                Steps = all.GroupBy(c => c.StepId, StringComparer.Ordinal)
                    .Select(g => new LabReportStep { Id = g.Key, Lab = g.First().Lab, Title = g.First().Step })
                    .OrderBy(s => order.TryGetValue(s.Id, out var i) ? i : int.MaxValue)
                    .ToList(),
            };
            foreach (var group in all.GroupBy(c => c.Pod, StringComparer.OrdinalIgnoreCase))
            {
                var podChecks = group.ToList();
                summaries.TryGetValue(group.Key, out var summary);
                var pod = new LabReportPod
                {
                    Id = group.Key,
                    Organization = summary?.Organization,
                    Created = summary?.Created,
                    Changed = summary?.Changed,
                    Checks = podChecks.Select(c => new LabReportCheck
                    {
                        StepId = c.StepId, Target = c.Target, Result = c.Result, Expected = c.Expectation, Actual = c.Actual, Reason = c.Reason,
                    }).ToList(),
                };
                foreach (var result in AllResults) pod.Counts[result.ToString()] = podChecks.Count(c => c.Result == result);
                pod.Result = LabEngine.Worst(podChecks.Select(c => c.Result));
                if (summary != null && summary.Result != LabResult.Passed && pod.Result == LabResult.Passed) pod.Result = summary.Result;
                report.Pods.Add(pod);
            }
            foreach (var result in AllResults) report.Counts[result.ToString()] = all.Count(c => c.Result == result);
            report.Result = LabEngine.Worst(report.Pods.Select(p => p.Result));
            return report;
        }

        /// <summary>Every result, in the order the reports list them.</summary>
        public static IReadOnlyList<LabResult> AllResults { get; } =
            new[] { LabResult.Passed, LabResult.Failed, LabResult.NeedsPerson, LabResult.Skipped, LabResult.Error };

        /// <summary>The result of one matrix cell: the worst check of the step on the pod (null: the step was not checked there).</summary>
        public static LabResult? CellResult(LabReportPod pod, string stepId)
        {
            var checks = pod.Checks.Where(c => c.StepId == stepId).ToList();
            return checks.Count == 0 ? (LabResult?)null : LabEngine.Worst(checks.Select(c => c.Result));
        }
    }

    public sealed class LabReportStep
    {
        /// <summary>The step's stable id, e.g. "12.5-teams".</summary>
        public string Id { get; set; }
        public string Lab { get; set; }
        public string Title { get; set; }

        /// <summary>The short column heading: the id without its lab, e.g. "teams".</summary>
        [JsonIgnore]
        public string Short => Id.StartsWith(Lab + "-", StringComparison.Ordinal) ? Id.Substring(Lab.Length + 1) : Id;
    }

    public sealed class LabReportPod
    {
        public string Id { get; set; }
        public string Organization { get; set; }

        [JsonConverter(typeof(StringEnumConverter))]
        public LabResult Result { get; set; }

        public Dictionary<string, int> Counts { get; set; } = new Dictionary<string, int>();

        /// <summary>What applying created and changed (null when the lab was only verified).</summary>
        public int? Created { get; set; }
        public int? Changed { get; set; }

        public List<LabReportCheck> Checks { get; set; } = new List<LabReportCheck>();
    }

    public sealed class LabReportCheck
    {
        public string StepId { get; set; }
        public string Target { get; set; }

        [JsonConverter(typeof(StringEnumConverter))]
        public LabResult Result { get; set; }

        public string Expected { get; set; }
        public string Actual { get; set; }
        public string Reason { get; set; }
    }
}
