using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Steps;

namespace DigitalChannels.Client.Lab
{
    /// <summary>A lab pod: its id (what replaces {Pod} in the definition) and the connection to its tenant.</summary>
    public sealed class LabPod
    {
        public LabPod(string id, DigitalChannelsConnection connection)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("The pod id is empty.", nameof(id));
            Id = id.Trim();
            Connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        public string Id { get; }
        public DigitalChannelsConnection Connection { get; }

        public override string ToString() => $"Pod {Id} ({Connection.OrganizationId})";
    }

    /// <summary>
    /// Applies and verifies a lab definition: the plan (every step observed, nothing changed), then the changes in the
    /// lab's order with ShouldProcess for each, progress per step, and a failed step's dependants skipped; the checks
    /// are the same observations read again. Many pods run in parallel with bounded concurrency.
    /// </summary>
    public sealed class LabEngine
    {
        public const string ErrorNoun = "DigitalChannelsLab";

        private readonly ICommandHost _host;
        private readonly LabTimings _timings;
        private readonly IReadOnlyList<LabStep> _steps;
        private readonly WorkflowFileCache _workflowFiles = new WorkflowFileCache();

        public LabEngine(ICommandHost host, LabTimings timings = null) : this(host, timings, Steps) { }

        /// <summary>The test hook: an engine over other steps.</summary>
        internal LabEngine(ICommandHost host, LabTimings timings, IReadOnlyList<LabStep> steps)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
            _timings = timings ?? new LabTimings();
            _steps = steps ?? throw new ArgumentNullException(nameof(steps));
        }

        private IReadOnlyList<LabStep> Applicable(LabDefinition definition) => _steps.Where(s => s.AppliesTo(definition)).ToList();

        /// <summary>Every step of labs 12.1–12.5, in the order they are applied (each after the steps it depends on).</summary>
        public static IReadOnlyList<LabStep> Steps { get; } = new LabStep[]
        {
            new ProvisioningStep(),
            new MultimediaProfilesStep(),
            new SitesStep(),
            new TeamsStep(),
            new UsersStep(),
            new RonaTimeoutsStep(),
            new ServicesStep(),
            new TenantSettingsStep(),
            new NodeAuthorizationsStep(),
            new FlowsStep(),
            new TeammatesStep(),
            new TeammateActivationStep(),
            new DecryptLogsStep(),
            new EngageAttachmentsStep(),
            new EngageTemplatesStep(),
            new EngageBlocklistStep(),
            new EngageUsersStep(),
        };

        /// <summary>The steps the definition has something for.</summary>
        public static IReadOnlyList<LabStep> StepsFor(LabDefinition definition) => Steps.Where(s => s.AppliesTo(definition)).ToList();

        private CancellationToken Token => _host.CancellationToken;

        private LabContext ContextFor(LabPod pod, LabDefinition definition, ProgressActivity progress) =>
            new LabContext(pod.Connection, definition, _timings, Token, progress, _workflowFiles);

        /// <summary>The definition for the pod: {Pod} replaced, unless the definition is already a pod's.</summary>
        private static LabDefinition ForPod(LabDefinition definition, LabPod pod) =>
            definition.Pod != null ? definition : LabDefinitionReader.ForPod(definition, pod.Id);

        // ----- Test -----

        /// <summary>
        /// One check per observation of every step. A step that cannot be read is one Error check naming why; a step whose
        /// dependency could not be checked (Error, Skipped) or did not pass and left it unreadable is one Skipped check.
        /// A step whose dependency merely differs is still read: its values are what the proctor needs.
        /// </summary>
        public async Task<List<LabCheck>> TestAsync(LabPod pod, LabDefinition definition)
        {
            definition = ForPod(definition, pod);
            var context = ContextFor(pod, definition, null); // reading never waits
            Token.ThrowIfCancellationRequested();
            // Reading changes nothing, so every step is read as soon as the steps it depends on have been read (a step
            // whose dependency could not be checked is Skipped, naming it); the checks come back in the lab's order.
            var steps = Applicable(definition);
            var outcomes = new Dictionary<string, Task<(List<LabCheck> Checks, LabResult Result)>>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                var dependencies = step.DependsOn.Where(outcomes.ContainsKey).Select(id => new KeyValuePair<string, Task<(List<LabCheck> Checks, LabResult Result)>>(id, outcomes[id])).ToList();
                outcomes[step.Id] = CheckAfterAsync(context, pod, step, dependencies);
            }
            await Task.WhenAll(outcomes.Values).ConfigureAwait(false);
            return steps.SelectMany(s => outcomes[s.Id].Result.Checks).ToList();
        }

        private async Task<(List<LabCheck> Checks, LabResult Result)> CheckAfterAsync(LabContext context, LabPod pod, LabStep step,
            IReadOnlyList<KeyValuePair<string, Task<(List<LabCheck> Checks, LabResult Result)>>> dependencies)
        {
            var outcome = new Dictionary<string, LabResult>(StringComparer.Ordinal);
            foreach (var dependency in dependencies) outcome[dependency.Key] = (await dependency.Value.ConfigureAwait(false)).Result;
            Token.ThrowIfCancellationRequested();
            LabCheck Check(string target, string expectation, string actual, LabResult result, string reason) => new LabCheck
            {
                Pod = pod.Id, Lab = step.Lab, Step = step.Title, StepId = step.Id, Target = target, Expectation = expectation, Actual = actual,
                Result = result, Reason = reason,
            };
            string Blocked(Func<LabResult, bool> blocks) => step.DependsOn.FirstOrDefault(id => outcome.TryGetValue(id, out var r) && blocks(r));
            string SkipReason(string stepId, LabResult result) =>
                $"not checked: step '{_steps.First(s => s.Id == stepId).Title}' {(result == LabResult.NeedsPerson ? "needs a person" : "did not pass")} ({result})";
            var stepChecks = new List<LabCheck>();
            var cannotCheck = Blocked(r => r == LabResult.Error || r == LabResult.Skipped);
            if (cannotCheck != null)
            {
                stepChecks.Add(Check(step.Title, "the step's state can be checked", null, LabResult.Skipped, SkipReason(cannotCheck, outcome[cannotCheck])));
            }
            else
            {
                try
                {
                    foreach (var o in await step.ObserveAsync(context).ConfigureAwait(false))
                        stepChecks.Add(Check(o.Target, o.Expectation, o.Actual, ResultOf(o),
                            o.Action == LabAction.Manual ? o.ManualReason : o.Action == LabAction.Wait ? "the platform has not finished it yet" : null));
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && Token.IsCancellationRequested))
                {
                    // Before provisioning, Connect and Engage cannot be read at all: the dependency's result says why.
                    var notPassed = Blocked(r => r != LabResult.Passed);
                    stepChecks.Add(notPassed != null
                        ? Check(step.Title, "the step's state can be checked", null, LabResult.Skipped, SkipReason(notPassed, outcome[notPassed]) + ": " + ex.Message)
                        : Check(step.Title, "the step's state can be read", "error", LabResult.Error, ex.Message));
                }
            }
            return (stepChecks, Worst(stepChecks.Select(c => c.Result)));
        }

        /// <summary>An observation as a check's result.</summary>
        public static LabResult ResultOf(LabObservation observation) =>
            observation.Passed ? LabResult.Passed : observation.Action == LabAction.Manual ? LabResult.NeedsPerson : LabResult.Failed;

        /// <summary>The worst of several results: Error, Failed, Skipped, NeedsPerson, Passed (none: Passed).</summary>
        public static LabResult Worst(IEnumerable<LabResult> results)
        {
            var all = results.ToList();
            foreach (var r in new[] { LabResult.Error, LabResult.Failed, LabResult.Skipped, LabResult.NeedsPerson })
                if (all.Contains(r)) return r;
            return LabResult.Passed;
        }

        // ----- Drift -----

        /// <summary>
        /// The tenant against the definition: each check broken down to the properties that differ (all of them with
        /// <paramref name="includeEqual"/>), and the objects the tenant has that the definition does not.
        /// </summary>
        public async Task<List<LabDrift>> DriftAsync(LabPod pod, LabDefinition definition, bool includeEqual)
        {
            definition = ForPod(definition, pod);
            var drift = (await TestAsync(pod, definition).ConfigureAwait(false)).SelectMany(c => LabDriftCompare.FromCheck(c, includeEqual)).ToList();
            var context = ContextFor(pod, definition, null);
            foreach (var step in Applicable(definition))
            {
                IReadOnlyList<string> extra;
                try { extra = await step.NotInDefinitionAsync(context).ConfigureAwait(false); }
                catch (Exception ex) when (!(ex is OperationCanceledException && Token.IsCancellationRequested))
                {
                    continue; // the step's checks already say that it could not be read (NotRead)
                }
                drift.AddRange(extra.Select(o => new LabDrift
                {
                    Kind = LabDriftKind.NotInDefinition, Pod = pod.Id, Lab = step.Lab, StepId = step.Id, Object = o, Actual = "exists, not in the definition",
                }));
            }
            return drift;
        }

        // ----- Plan -----

        /// <summary>One step's plan: its observations, or why it cannot be read before an earlier step is applied.</summary>
        public sealed class StepPlan
        {
            public LabStep Step { get; set; }
            public IReadOnlyList<LabObservation> Observations { get; set; } = Array.Empty<LabObservation>();
            public string Pending { get; set; }
            public string Error { get; set; }

            /// <summary>The step could not be read yet (see <see cref="Pending"/>): its observations are predicted from the definition.</summary>
            public bool Predicted => Observations.Any(o => o.Predicted);
        }

        /// <summary>Observes every step without changing anything.</summary>
        public async Task<List<StepPlan>> PlanAsync(LabPod pod, LabDefinition definition)
        {
            definition = ForPod(definition, pod);
            var context = ContextFor(pod, definition, null); // reading never waits
            var plans = new List<StepPlan>();
            foreach (var step in Applicable(definition))
            {
                var plan = new StepPlan { Step = step };
                var changing = step.DependsOn.Select(id => plans.FirstOrDefault(p => p.Step.Id == id))
                    .FirstOrDefault(p => p != null && (p.Pending != null || p.Error != null || p.Observations.Any(o => !o.Passed)));
                try
                {
                    plan.Observations = await step.ObserveAsync(context).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && Token.IsCancellationRequested))
                {
                    // Before provisioning, Connect and Engage cannot be read at all: that is a plan, not a failure, and
                    // the definition says what the step will do once it can be read.
                    if (changing != null)
                    {
                        plan.Pending = $"read once '{changing.Step.Title}' is applied";
                        plan.Observations = step.Predict(context) ?? Array.Empty<LabObservation>();
                    }
                    else plan.Error = ex.Message;
                }
                plans.Add(plan);
            }
            return plans;
        }

        /// <summary>True when applying would change something: a create, a change, a wait for the platform, or a step planned later.</summary>
        public static bool PlanChanges(IEnumerable<StepPlan> plans) =>
            plans.Any(p => (p.Pending != null && !p.Predicted) || p.Observations.Any(o => !o.Passed && o.Action != LabAction.Manual));

        /// <summary>The plan as text lines: + create, ~ change, ! needs a person, … waiting, = unchanged (counted).</summary>
        public static IEnumerable<string> DescribePlan(string pod, IReadOnlyList<StepPlan> plans)
        {
            var all = plans.SelectMany(p => p.Observations).ToList();
            yield return $"Plan for pod {pod}: {all.Count(o => o.Action == LabAction.Create)} to create, {all.Count(o => o.Action == LabAction.Change)} to change, " +
                         $"{all.Count(o => o.Passed)} unchanged, {all.Count(o => o.Action == LabAction.Manual)} needing a person" +
                         (plans.Any(p => p.Predicted) ? $" ({plans.Count(p => p.Predicted)} step(s) predicted from the definition: they are read once the steps before them are applied)" : "") +
                         (plans.Any(p => p.Pending != null && !p.Predicted) ? $", {plans.Count(p => p.Pending != null && !p.Predicted)} step(s) planned later" : "") + ".";
            foreach (var plan in plans)
            {
                var step = $"[{plan.Step.Lab}] {plan.Step.Title}";
                if (plan.Pending != null && !plan.Predicted) { yield return $"  … {step}: {plan.Pending}"; continue; }
                if (plan.Predicted) step += " (predicted)";
                if (plan.Error != null) { yield return $"  ! {step}: cannot be read: {plan.Error}"; continue; }
                foreach (var o in plan.Observations.Where(o => !o.Passed))
                {
                    switch (o.Action)
                    {
                        case LabAction.Create: yield return $"  + {step}: create {o.Target} ({o.Expectation})"; break;
                        case LabAction.Change: yield return $"  ~ {step}: change {o.Target}: {o.Actual} → {o.Expectation}"; break;
                        case LabAction.Wait: yield return $"  … {step}: wait for {o.Target}: {o.Actual} → {o.Expectation}"; break;
                        default: yield return $"  ! {step}: {o.Target}: expected {o.Expectation}, found {o.Actual}: {o.ManualReason}"; break;
                    }
                }
                var same = plan.Observations.Count(o => o.Passed);
                if (same > 0) yield return $"  = {step}: {same} unchanged";
            }
        }

        // ----- Apply -----

        /// <summary>
        /// Shows the plan, then applies the steps in order. Each change asks ShouldProcess; a step that fails (or is left
        /// incomplete) skips the steps that depend on it, and everything else goes on. Returns one row per observation.
        /// Its progress is shown beneath <paramref name="parent"/> (the many-pods run) when given.
        /// </summary>
        public async Task<List<LabChange>> ApplyAsync(LabPod pod, LabDefinition definition, int activityId = 1, bool showPlan = true, ProgressActivity parent = null,
            List<StepPlan> plan = null)
        {
            definition = ForPod(definition, pod);
            if (showPlan)
            {
                plan = plan ?? await PlanAsync(pod, definition).ConfigureAwait(false);
                foreach (var line in DescribePlan(pod.Id, plan)) _host.WriteInformation(line);
            }

            // Closed when the method ends, however it ends; the waits of the steps are drawn beneath it.
            using var progress = new ProgressActivity(_host, activityId, $"Applying '{definition.Name}' to pod {pod.Id}", parent);
            var context = ContextFor(pod, definition, progress);
            var steps = Applicable(definition);
            var finished = 0;
            // Read once, and only when a step held back by -WhatIf needs it: what it would change, read or predicted.
            var plans = new Lazy<Task<List<StepPlan>>>(() => plan != null ? Task.FromResult(plan) : PlanAsync(pod, definition));

            // Every step starts as soon as the steps it depends on are done, so that a step waiting for the platform
            // (provisioning, Make Live) holds up only its dependants: the Contact Center steps run while Digital
            // Channels provision. The rows still come back in the lab's order.
            var outcomes = new Dictionary<string, Task<StepOutcome>>(StringComparer.Ordinal);
            foreach (var step in steps) // in dependency order: every step comes after the steps it depends on
            {
                var dependencies = step.DependsOn.Where(outcomes.ContainsKey).Select(id => new KeyValuePair<string, Task<StepOutcome>>(id, outcomes[id])).ToList();
                outcomes[step.Id] = ApplyAfterAsync(context, pod, step, steps, dependencies, plans, () =>
                {
                    var done = Interlocked.Increment(ref finished);
                    progress.Report($"[{step.Lab}] {step.Title} ({done} of {steps.Count} steps done)", 100 * done / steps.Count);
                });
            }
            await Task.WhenAll(outcomes.Values).ConfigureAwait(false);
            return steps.SelectMany(s => outcomes[s.Id].Result.Rows).ToList();
        }

        /// <summary>A step's rows, and why it did not complete (null when it did): its dependants are skipped then.</summary>
        private sealed class StepOutcome
        {
            public List<LabChange> Rows { get; set; }
            public string Incomplete { get; set; }

            /// <summary>Incomplete only because its changes were not made (-WhatIf, or declined).</summary>
            public bool NotApplied { get; set; }
        }

        private async Task<StepOutcome> ApplyAfterAsync(LabContext context, LabPod pod, LabStep step, IReadOnlyList<LabStep> steps,
            IReadOnlyList<KeyValuePair<string, Task<StepOutcome>>> dependencies, Lazy<Task<List<StepPlan>>> plans, Action onDone)
        {
            LabChange Row(string target, LabAction action, LabChangeResult result, string expected, string before, string message) => new LabChange
            {
                Pod = pod.Id, Lab = step.Lab, Step = step.Title, StepId = step.Id, Target = target, Action = action, Result = result,
                Expected = expected, Before = before, Message = message,
            };
            try
            {
                var blockers = new List<KeyValuePair<string, StepOutcome>>();
                foreach (var dependency in dependencies)
                {
                    var outcome = await dependency.Value.ConfigureAwait(false);
                    if (outcome.Incomplete != null) blockers.Add(new KeyValuePair<string, StepOutcome>(dependency.Key, outcome));
                }
                // Held back only by changes not made (-WhatIf, or declined): the plan says what the step would change, read
                // or predicted from the definition, so that -WhatIf lists every change a fresh tenant needs.
                if (blockers.Count > 0 && blockers.All(b => b.Value.NotApplied))
                {
                    var stepPlan = (await plans.Value.ConfigureAwait(false)).FirstOrDefault(p => p.Step.Id == step.Id);
                    if (stepPlan != null && stepPlan.Error == null && stepPlan.Observations.Count > 0)
                    {
                        var why = $"not applied: step '{steps.First(s => s.Id == blockers[0].Key).Title}' was not applied" + (stepPlan.Predicted ? "; predicted from the definition" : "");
                        var rows = stepPlan.Observations.Select(o =>
                            o.Passed ? Row(o.Target, LabAction.None, LabChangeResult.Unchanged, o.Expectation, o.Actual, stepPlan.Predicted ? "predicted from the definition" : null)
                            : o.Action == LabAction.Manual ? Row(o.Target, o.Action, LabChangeResult.NeedsPerson, o.Expectation, o.Actual, o.ManualReason)
                            : Row(o.Target, o.Action, LabChangeResult.NotApplied, o.Expectation, o.Actual, why)).ToList();
                        return new StepOutcome { Rows = rows, Incomplete = "not applied", NotApplied = true };
                    }
                }
                if (blockers.Count > 0)
                {
                    var reason = $"not applied: step '{steps.First(s => s.Id == blockers[0].Key).Title}' did not complete ({blockers[0].Value.Incomplete})";
                    return new StepOutcome { Rows = new List<LabChange> { Row(step.Title, LabAction.None, LabChangeResult.Skipped, null, null, reason) }, Incomplete = "skipped" };
                }

                Token.ThrowIfCancellationRequested();
                try
                {
                    var stepRows = await ApplyStepAsync(context, step, Row).ConfigureAwait(false);
                    var unfinished = stepRows.FirstOrDefault(r => r.Result != LabChangeResult.Unchanged && r.Result != LabChangeResult.Created && r.Result != LabChangeResult.Changed);
                    return new StepOutcome
                    {
                        Rows = stepRows,
                        Incomplete = unfinished == null ? null : $"{unfinished.Target}: {unfinished.Result}",
                        NotApplied = unfinished != null && stepRows.All(r => r.Result == LabChangeResult.NotApplied || r.Result == LabChangeResult.Unchanged),
                    };
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && Token.IsCancellationRequested))
                {
                    // Fixes catch their own failures: what arrives here is the step's reading (or settling) failing.
                    _host.WriteError(CommandErrors.From(ErrorNoun, ex, $"pod {pod.Id}: [{step.Lab}] {step.Title}"));
                    return new StepOutcome { Rows = new List<LabChange> { Row(step.Title, LabAction.None, LabChangeResult.Error, null, null, ex.Message) }, Incomplete = ex.Message };
                }
            }
            finally
            {
                onDone();
            }
        }

        private async Task<List<LabChange>> ApplyStepAsync(LabContext context, LabStep step,
            Func<string, LabAction, LabChangeResult, string, string, string, LabChange> row)
        {
            var observations = await step.ObserveAsync(context).ConfigureAwait(false);
            var rows = new List<LabChange>();
            var acted = false;
            foreach (var o in observations)
            {
                if (o.Passed) { rows.Add(row(o.Target, LabAction.None, LabChangeResult.Unchanged, o.Expectation, o.Actual, null)); continue; }
                switch (o.Action)
                {
                    case LabAction.Manual:
                        rows.Add(row(o.Target, o.Action, LabChangeResult.NeedsPerson, o.Expectation, o.Actual, o.ManualReason));
                        break;
                    case LabAction.Wait:
                        acted = true;
                        rows.Add(row(o.Target, o.Action, LabChangeResult.Unchanged, o.Expectation, o.Actual, "waited for the platform to finish"));
                        break;
                    default:
                        var verb = o.Action == LabAction.Create ? "Create" : "Change";
                        var description = o.Action == LabAction.Create ? $"{verb}: {o.Expectation}" : $"{verb}: {o.Actual} → {o.Expectation}";
                        if (!_host.ShouldProcess($"Pod {context.Definition.Pod}: {o.Target}", description))
                        {
                            rows.Add(row(o.Target, o.Action, LabChangeResult.NotApplied, o.Expectation, o.Actual, "not applied (-WhatIf or declined)"));
                            break;
                        }
                        try
                        {
                            await o.Fix(Token).ConfigureAwait(false);
                            acted = true;
                            rows.Add(row(o.Target, o.Action, o.Action == LabAction.Create ? LabChangeResult.Created : LabChangeResult.Changed, o.Expectation, o.Actual, null));
                        }
                        catch (Exception ex) when (!(ex is OperationCanceledException && Token.IsCancellationRequested))
                        {
                            rows.Add(row(o.Target, o.Action, LabChangeResult.Failed, o.Expectation, o.Actual, ex.Message));
                            _host.WriteError(CommandErrors.From(ErrorNoun, ex, $"pod {context.Definition.Pod}: {o.Target}"));
                        }
                        break;
                }
            }
            if (!acted) return rows;

            // The platform may finish later (Make Live); then the step reads the tenant again: a change that did not
            // take is a failure here, not a surprise in the next run.
            await step.SettleAsync(context).ConfigureAwait(false);
            var after = await step.ObserveAsync(context).ConfigureAwait(false);
            foreach (var r in rows.Where(r => r.Result == LabChangeResult.Created || r.Result == LabChangeResult.Changed || r.Action == LabAction.Wait))
            {
                var still = after.FirstOrDefault(a => a.Target == r.Target && !a.Passed);
                if (still == null) continue;
                r.Result = LabChangeResult.Failed;
                r.Message = $"still differs after the change: expected {still.Expectation}, found {still.Actual}";
            }
            return rows;
        }

        // ----- Many pods -----

        /// <summary>
        /// Applies the definition to every pod and verifies each. Every pod starts at once; what is bounded is work, not
        /// waiting: at most <paramref name="throttleLimit"/> HTTP requests are in flight per host (the platform, or the
        /// sandbox) for all pods together, and a pod that waits for provisioning or Make Live holds no slot.
        /// Returns one summary per pod (in the pods' order) and, through the callbacks, each pod's rows and checks as it finishes.
        /// </summary>
        public async Task<List<LabPodResult>> ApplyManyAsync(IReadOnlyList<LabPod> pods, LabDefinition definition, int throttleLimit, bool apply,
            Action<LabPod, IReadOnlyList<LabChange>, IReadOnlyList<LabCheck>> onPodDone = null)
        {
            if (pods == null || pods.Count == 0) throw new ArgumentException("No pods were given.", nameof(pods));
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit), throttleLimit, $"The throttle limit {throttleLimit} must be at least 1.");
            var duplicate = pods.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new ArgumentException($"The pod id '{duplicate.Key}' is given {duplicate.Count()} times.", nameof(pods));
            var perPod = pods.Select(p => ForPod(definition, p)).ToList(); // every pod's definition is checked before anything runs

            var results = new LabPodResult[pods.Count];
            var finished = 0;
            using (var progress = new ProgressActivity(_host, 1, $"Lab '{definition.Name}' on {pods.Count} pods"))
            using (RequestGate.Begin(throttleLimit))
            {
                var tasks = pods.Select(async (pod, index) =>
                {
                    await Task.Yield(); // every pod on its own from the start: none waits for another's first request
                    try
                    {
                        var clock = Stopwatch.StartNew();
                        var rows = apply ? await ApplyAsync(pod, perPod[index], 10 + 2 * index, showPlan: false, parent: progress).ConfigureAwait(false) : new List<LabChange>();
                        var checks = await TestAsync(pod, perPod[index]).ConfigureAwait(false);
                        results[index] = Summarize(pod, rows, checks, clock.Elapsed);
                        onPodDone?.Invoke(pod, rows, checks);
                    }
                    finally
                    {
                        var done = Interlocked.Increment(ref finished);
                        if (done == pods.Count) progress.Complete($"{done} of {pods.Count} pods done");
                        else progress.Report($"{done} of {pods.Count} pods done", 100 * done / pods.Count);
                    }
                }).ToList();
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            return results.ToList();
        }

        public static LabPodResult Summarize(LabPod pod, IReadOnlyList<LabChange> rows, IReadOnlyList<LabCheck> checks, TimeSpan duration)
        {
            var firstRow = rows.FirstOrDefault(r => r.Result == LabChangeResult.Failed || r.Result == LabChangeResult.Error || r.Result == LabChangeResult.NeedsPerson);
            var firstCheck = checks.FirstOrDefault(c => !c.Passed);
            return new LabPodResult
            {
                Pod = pod.Id,
                Organization = pod.Connection.OrganizationId,
                Created = rows.Count(r => r.Result == LabChangeResult.Created),
                Changed = rows.Count(r => r.Result == LabChangeResult.Changed),
                Unchanged = rows.Count(r => r.Result == LabChangeResult.Unchanged),
                NeedsPerson = rows.Count(r => r.Result == LabChangeResult.NeedsPerson),
                Failed = rows.Count(r => r.Result == LabChangeResult.Failed),
                Skipped = rows.Count(r => r.Result == LabChangeResult.Skipped),
                Errors = rows.Count(r => r.Result == LabChangeResult.Error),
                ChecksPassed = checks.Count(c => c.Passed),
                ChecksFailed = checks.Count(c => c.Result == LabResult.Failed),
                ChecksNeedPerson = checks.Count(c => c.Result == LabResult.NeedsPerson),
                ChecksSkipped = checks.Count(c => c.Result == LabResult.Skipped),
                ChecksError = checks.Count(c => c.Result == LabResult.Error),
                Duration = duration,
                FirstProblem = firstRow != null ? $"{firstRow.Target}: {firstRow.Result} ({firstRow.Message})"
                    : firstCheck != null ? (firstCheck.Result == LabResult.Failed ? $"{firstCheck.Target}: expected {firstCheck.Expectation}, found {firstCheck.Actual}" : $"{firstCheck.Target}: {firstCheck.Result} ({firstCheck.Reason})") : null,
            };
        }
    }
}
