using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Lab.Definition;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;

namespace DigitalChannels.Client.Lab
{
    /// <summary>
    /// A saved plan (Invoke-DigitalChannelsLab -PlanPath, as Terraform's plan -out): for each pod, every observation of
    /// every step as it was read (or predicted), and the definition it was made from. Applying it (-Plan) reads each pod
    /// again and applies only when nothing moved, so that what is applied is exactly what was planned.
    /// </summary>
    public sealed class LabPlanFile
    {
        public const string StaleReason = "PlanStale";

        public int SchemaVersion { get; set; } = 1;
        public string Definition { get; set; }
        public string DefinitionSource { get; set; }

        /// <summary>SHA-256 of the definition as read (before {Pod} is replaced): another definition cannot apply this plan.</summary>
        public string DefinitionSha256 { get; set; }

        public DateTimeOffset Created { get; set; }
        public List<LabPlanPod> Pods { get; set; } = new List<LabPlanPod>();

        public static string Hash(LabDefinition definition)
        {
            // The source path is where the file was read, not what it says: the same content elsewhere is the same plan.
            var source = definition.Source;
            try
            {
                definition.Source = null;
                using (var sha = SHA256.Create())
                    return BitConverter.ToString(sha.ComputeHash(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(definition)))).Replace("-", "").ToLowerInvariant();
            }
            finally
            {
                definition.Source = source;
            }
        }

        public static LabPlanPod ForPod(LabPod pod, IEnumerable<LabEngine.StepPlan> plans) => new LabPlanPod
        {
            Id = pod.Id,
            Organization = pod.Connection.OrganizationId,
            Items = plans.SelectMany(p => p.Error != null
                ? new[] { new LabPlanItem { StepId = p.Step.Id, Target = p.Step.Title, Action = LabAction.None, Actual = "cannot be read: " + p.Error } }
                : p.Observations.Select(o => new LabPlanItem
                {
                    StepId = p.Step.Id, Target = o.Target, Action = o.Action, Expected = o.Expectation, Actual = o.Actual, Predicted = o.Predicted,
                })).ToList(),
        };

        public void Save(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.WriteAllText(path, JsonConvert.SerializeObject(this, Formatting.Indented), new UTF8Encoding(false));
        }

        public static LabPlanFile Load(string path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"The plan file {path} does not exist.", path);
            LabPlanFile plan;
            try
            {
                plan = JsonConvert.DeserializeObject<LabPlanFile>(File.ReadAllText(path));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"The plan file {path} is not a lab plan: {ex.Message}", ex);
            }
            if (plan?.Pods == null || plan.SchemaVersion != 1 || plan.DefinitionSha256 == null)
                throw new InvalidDataException($"The plan file {path} is not a lab plan (SchemaVersion 1, from Invoke-DigitalChannelsLab -PlanPath).");
            return plan;
        }

        /// <summary>
        /// What moved between the saved plan and the pod's tenant now, one line per difference (none: the plan still holds).
        /// The definition, the pod's tenant, and every observation's action and value are compared.
        /// </summary>
        public IReadOnlyList<string> Moved(LabDefinition definition, LabPod pod, IEnumerable<LabEngine.StepPlan> now)
        {
            var moved = new List<string>();
            if (!string.Equals(Hash(definition), DefinitionSha256, StringComparison.Ordinal))
                moved.Add($"the definition is not the one planned ('{Definition}' from {DefinitionSource})");
            var saved = Pods.FirstOrDefault(p => string.Equals(p.Id, pod.Id, StringComparison.OrdinalIgnoreCase));
            if (saved == null) return moved.Concat(new[] { $"pod {pod.Id} is not in the plan (it has pod(s) {string.Join(", ", Pods.Select(p => p.Id))})" }).ToList();
            if (!string.Equals(saved.Organization, pod.Connection.OrganizationId, StringComparison.OrdinalIgnoreCase))
                moved.Add($"pod {pod.Id} was planned for organization {saved.Organization}, not {pod.Connection.OrganizationId}");
            var current = ForPod(pod, now).Items;
            string Key(LabPlanItem i) => i.StepId + "\n" + i.Target;
            var before = saved.Items.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
            var after = current.GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
            foreach (var item in saved.Items)
            {
                if (!after.TryGetValue(Key(item), out var found)) { moved.Add($"{item.Target} ({item.StepId}): planned, no longer in the plan"); continue; }
                if (found.Action != item.Action || !string.Equals(found.Actual, item.Actual, StringComparison.Ordinal) || !string.Equals(found.Expected, item.Expected, StringComparison.Ordinal))
                    moved.Add($"{item.Target} ({item.StepId}): planned as {item.Action} of '{item.Actual}', now {found.Action} of '{found.Actual}'");
            }
            foreach (var item in current.Where(i => !before.ContainsKey(Key(i))))
                moved.Add($"{item.Target} ({item.StepId}): not in the plan, now {item.Action} of '{item.Actual}'");
            return moved;
        }

        /// <summary>The error when a plan no longer holds: nothing was changed, and the message names everything that moved.</summary>
        public static CommandTerminatedException Stale(string path, string podId, IReadOnlyList<string> moved) =>
            new CommandTerminatedException(new CommandError(LabEngine.ErrorNoun + StaleReason, CommandErrorCategory.InvalidOperation,
                $"The plan {path} no longer holds for pod {podId}, so nothing was applied: {string.Join("; ", moved)}.", podId)
            {
                RecommendedAction = "Make a new plan (Invoke-DigitalChannelsLab -PlanPath FILE -WhatIf), review it, and apply that.",
            });
    }

    public sealed class LabPlanPod
    {
        public string Id { get; set; }
        public string Organization { get; set; }
        public List<LabPlanItem> Items { get; set; } = new List<LabPlanItem>();
    }

    /// <summary>One observation as planned: what the step will do (Action) from what it found (Actual).</summary>
    public sealed class LabPlanItem
    {
        public string StepId { get; set; }
        public string Target { get; set; }

        [JsonConverter(typeof(StringEnumConverter))]
        public LabAction Action { get; set; }

        public string Expected { get; set; }
        public string Actual { get; set; }
        public bool Predicted { get; set; }
    }
}
