using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Reports;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Lab
{
    /// <summary>What Get-DigitalChannelsLabDefinition, Invoke-DigitalChannelsLab and Test-DigitalChannelsLab do.</summary>
    public static class LabCommands
    {
        public const string Noun = LabEngine.ErrorNoun;
        public const int DefaultThrottleLimit = 8;

        /// <summary>The error id prefix of New-DigitalChannelsLabPod.</summary>
        public const string PodNoun = "DigitalChannelsLabPod";

        /// <summary>
        /// New-DigitalChannelsLabPod: a pod in memory, nothing on any tenant. The id is checked now, so that a typo fails
        /// when the pod list is built rather than in the middle of a run over forty pods.
        /// </summary>
        public static Task NewPodAsync(ICommandHost host, DigitalChannelsConnection connection, string id)
        {
            LabDefinitionReader.CheckPodId(id?.Trim());
            host.WriteObject(new LabPod(id, connection));
            return Task.CompletedTask;
        }

        /// <summary>The definition, read and checked: the shipped one when no path is given.</summary>
        public static Task GetDefinitionAsync(ICommandHost host, object definition, string flowPath)
        {
            var read = LabDefinitionFile.From(definition ?? LabDefinitionFile.ShippedPath(), flowPath);
            host.WriteVerbose($"Read the lab definition '{read.Name}' from {read.Source}: {LabEngine.StepsFor(read).Count} steps.");
            host.WriteObject(read);
            return Task.CompletedTask;
        }

        /// <summary>True when some value of the definition holds {Pod}, so a pod id is needed to apply it.</summary>
        public static bool UsesPod(LabDefinition definition) =>
            JsonConvert.SerializeObject(definition).Contains(LabDefinition.PodPlaceholder);

        /// <summary>The pod of a single connection: its id is required when the definition uses {Pod}.</summary>
        public static LabPod SinglePod(DigitalChannelsConnection connection, LabDefinition definition, string podId)
        {
            if (string.IsNullOrWhiteSpace(podId))
            {
                if (UsesPod(definition))
                    throw new ArgumentException($"The lab definition {definition.Source} names pod-specific values ({LabDefinition.PodPlaceholder}): give the pod's id with -PodId.", nameof(podId));
                podId = "1";
            }
            return new LabPod(podId, connection);
        }

        /// <summary>
        /// Invoke-DigitalChannelsLab on one tenant: the plan, then the changes; one LabChange per observation. With a
        /// report folder, the tenant is then verified and the report written.
        /// </summary>
        public static async Task InvokeAsync(ICommandHost host, DigitalChannelsConnection connection, object definition, string flowPath, string podId,
            LabTimings timings = null, string reportPath = null, string planPath = null, string applyPlan = null)
        {
            var read = LabDefinitionFile.From(definition, flowPath);
            var pod = SinglePod(connection, read, podId);
            var engine = new LabEngine(host, timings);
            var plans = await PlanOrCheckAsync(host, engine, new[] { pod }, read, planPath, applyPlan).ConfigureAwait(false);
            var rows = await engine.ApplyAsync(pod, read, plan: plans[0]).ConfigureAwait(false);
            foreach (var row in rows) host.WriteObject(row);
            if (reportPath == null) return;
            var checks = await engine.TestAsync(pod, read).ConfigureAwait(false);
            WriteReport(host, reportPath, LabReport.From(read, checks, new[] { LabEngine.Summarize(pod, rows, checks, TimeSpan.Zero) }, $"{read.Name}: applied and verified"));
        }

        /// <summary>
        /// Each pod's plan, read now. With <paramref name="planPath"/> it is saved there (-PlanPath); with
        /// <paramref name="applyPlan"/> it must match the saved plan exactly, or nothing is applied and the error names
        /// what moved (-Plan). Every pod is checked before any is changed.
        /// </summary>
        public static async Task<List<List<LabEngine.StepPlan>>> PlanOrCheckAsync(ICommandHost host, LabEngine engine, IReadOnlyList<LabPod> pods, LabDefinition definition,
            string planPath, string applyPlan)
        {
            if (planPath != null && applyPlan != null)
                throw new ArgumentException("-PlanPath saves a new plan and -Plan applies a saved one: give one of them.", nameof(planPath));
            var saved = applyPlan == null ? null : LabPlanFile.Load(applyPlan);
            var plans = new List<List<LabEngine.StepPlan>>();
            foreach (var pod in pods) plans.Add(await engine.PlanAsync(pod, definition).ConfigureAwait(false)); // PlanAsync puts the pod's id in
            if (saved != null)
            {
                for (var i = 0; i < pods.Count; i++)
                {
                    var moved = saved.Moved(definition, pods[i], plans[i]);
                    if (moved.Count > 0) throw LabPlanFile.Stale(applyPlan, pods[i].Id, moved);
                }
                host.WriteInformation($"The plan {applyPlan} of {saved.Created:u} still holds for {pods.Count} pod(s): applying exactly that plan.");
            }
            if (planPath != null)
            {
                var file = new LabPlanFile
                {
                    Definition = definition.Name, DefinitionSource = definition.Source, DefinitionSha256 = LabPlanFile.Hash(definition), Created = DateTimeOffset.Now,
                    Pods = pods.Select((p, i) => LabPlanFile.ForPod(p, plans[i])).ToList(),
                };
                file.Save(planPath);
                host.WriteInformation($"Plan saved: {System.IO.Path.GetFullPath(planPath)} ({pods.Count} pod(s); apply it with -Plan).");
            }
            return plans;
        }

        /// <summary>Writes report.html, report.json and junit.xml into the folder, and says where.</summary>
        public static void WriteReport(ICommandHost host, string reportPath, LabReport report)
        {
            var files = LabReportWriter.Write(report, reportPath);
            host.WriteInformation($"Report ({report.Result}: {report.Pods.Count(p => p.Result == LabResult.Passed)} of {report.Pods.Count} pod(s) passed): {string.Join(", ", files)}");
        }

        /// <summary>
        /// Invoke-DigitalChannelsLab -Pod: applies and verifies every pod at once, at most <paramref name="throttleLimit"/> requests in flight, and
        /// writes one LabPodResult per pod (the table), then the total time.
        /// </summary>
        public static async Task InvokeManyAsync(ICommandHost host, IReadOnlyList<LabPod> pods, object definition, string flowPath, int throttleLimit,
            LabTimings timings = null, string reportPath = null, string planPath = null, string applyPlan = null)
        {
            var read = LabDefinitionFile.From(definition, flowPath);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (planPath != null || applyPlan != null) await PlanOrCheckAsync(host, new LabEngine(host, timings), pods, read, planPath, applyPlan).ConfigureAwait(false);
            var byPod = new Dictionary<string, IReadOnlyList<LabCheck>>();
            var results = await new LabEngine(host, timings).ApplyManyAsync(pods, read, throttleLimit, apply: true,
                (pod, rows, checks) =>
                {
                    lock (byPod) byPod[pod.Id] = checks;
                    foreach (var failed in checks.Where(c => !c.Passed))
                        host.WriteVerbose($"Pod {pod.Id}: {failed}");
                }).ConfigureAwait(false);
            foreach (var result in results) host.WriteObject(result);
            if (reportPath != null)
                WriteReport(host, reportPath, LabReport.From(read, pods.SelectMany(p => byPod[p.Id]), results, $"{read.Name}: applied and verified"));
            host.WriteInformation($"{results.Count(r => r.Passed)} of {results.Count} pods passed in {clock.Elapsed.TotalSeconds:0.0} s (at most {throttleLimit} requests in flight).");
        }

        /// <summary>Compare-DigitalChannelsLab: one LabDrift per difference of each pod, pod by pod.</summary>
        public static async Task CompareAsync(ICommandHost host, IReadOnlyList<LabPod> pods, object definition, string flowPath, bool includeEqual, LabTimings timings = null)
        {
            var read = LabDefinitionFile.From(definition, flowPath);
            var engine = new LabEngine(host, timings);
            foreach (var pod in pods)
            foreach (var drift in await engine.DriftAsync(pod, read, includeEqual).ConfigureAwait(false))
                host.WriteObject(drift);
        }

        /// <summary>
        /// Export-DigitalChannelsLab: the tenant read into a definition at <paramref name="path"/> (.psd1 or .json by the
        /// extension) and its flows as .workflow files in flows/ beside it. Nothing is replaced without
        /// <paramref name="force"/>; nothing is written under -WhatIf. Writes a LabExportFile.
        /// </summary>
        public static async Task ExportAsync(ICommandHost host, DigitalChannelsConnection connection, string path, string podId, bool force, string name = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The path of the lab definition to write is empty.", nameof(path));
            var full = System.IO.Path.GetFullPath(path);
            Export.LabDefinitionWriter.ToText(new LabDefinition(), System.IO.Path.GetExtension(full)); // refuses another extension before the tenant is read
            var export = await Export.LabExporter.ReadAsync(connection, podId, name, host.CancellationToken).ConfigureAwait(false);
            var flowFolder = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full), Export.LabExporter.FlowsFolderName);
            // A flow file that holds the same payload already is no conflict: a .psd1 and a .json export share the flows.
            var existing = new[] { full }.Where(System.IO.File.Exists)
                .Concat(export.Flows.Select(f => (Path: System.IO.Path.Combine(flowFolder, f.FileName), f.Payload))
                    .Where(f => System.IO.File.Exists(f.Path) && System.IO.File.ReadAllText(f.Path) != f.Payload).Select(f => f.Path))
                .ToList();
            if (existing.Count > 0 && !force)
                throw new ArgumentException($"The file '{existing[0]}' already exists" + (existing.Count > 1 ? $" (and {existing.Count - 1} more)" : "") + "; use -Force to overwrite it.", nameof(path));
            var what = export.Flows.Count == 0 ? "Export the tenant as a lab definition" : $"Export the tenant as a lab definition and {export.Flows.Count} flow file(s) in {flowFolder}";
            if (!host.ShouldProcess(full, what)) return;
            var written = Export.LabDefinitionWriter.Write(export, full);
            host.WriteVerbose($"Wrote {string.Join(", ", written)}.");
            host.WriteObject(new Export.LabExportFile
            {
                Path = full, Format = System.IO.Path.GetExtension(full).TrimStart('.').ToLowerInvariant(), PodId = podId, FlowFiles = written.Skip(1).ToList(),
            });
        }

        /// <summary>
        /// Drift between two tenants: the reference tenant is exported (its pod id as {Pod}) into a temporary folder, and
        /// each pod is compared with that definition, as Compare-DigitalChannelsLab compares with a file. The folder is
        /// removed afterwards.
        /// </summary>
        public static async Task CompareWithTenantAsync(ICommandHost host, IReadOnlyList<LabPod> pods, LabPod reference, bool includeEqual, LabTimings timings = null)
        {
            if (reference == null) throw new ArgumentNullException(nameof(reference));
            var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "DigitalChannelsLab-" + Guid.NewGuid().ToString("N"));
            try
            {
                var export = await Export.LabExporter.ReadAsync(reference.Connection, reference.Id, $"Pod {reference.Id}", host.CancellationToken).ConfigureAwait(false);
                var path = System.IO.Path.Combine(folder, "reference.json");
                Export.LabDefinitionWriter.Write(export, path);
                var definition = LabDefinitionFile.Load(path);
                host.WriteVerbose($"Read the reference pod {reference.Id} ({reference.Connection.OrganizationId}): {LabEngine.StepsFor(definition).Count} steps.");
                var engine = new LabEngine(host, timings);
                foreach (var pod in pods)
                foreach (var drift in await engine.DriftAsync(pod, definition, includeEqual).ConfigureAwait(false))
                    host.WriteObject(drift);
            }
            finally
            {
                try { if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, true); }
                catch (System.IO.IOException) { } // a temporary folder left behind is not worth failing the comparison
            }
        }

        /// <summary>Test-DigitalChannelsLab: one LabCheck per check, for each pod in turn (pods in parallel, output in order).</summary>
        public static async Task TestAsync(ICommandHost host, IReadOnlyList<LabPod> pods, object definition, string flowPath, int throttleLimit,
            LabTimings timings = null, string reportPath = null)
        {
            var read = LabDefinitionFile.From(definition, flowPath);
            var byPod = new Dictionary<string, IReadOnlyList<LabCheck>>();
            await new LabEngine(host, timings).ApplyManyAsync(pods, read, throttleLimit, apply: false, (pod, rows, checks) =>
            {
                lock (byPod) byPod[pod.Id] = checks;
            }).ConfigureAwait(false);
            foreach (var pod in pods)
            foreach (var check in byPod[pod.Id])
                host.WriteObject(check);
            if (reportPath != null) WriteReport(host, reportPath, LabReport.From(read, pods.SelectMany(p => byPod[p.Id])));
        }
    }
}
