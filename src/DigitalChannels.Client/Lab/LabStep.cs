using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Lab
{
    /// <summary>What applying an observation would do.</summary>
    public enum LabAction
    {
        /// <summary>The tenant already matches.</summary>
        None,
        Create,
        Change,
        /// <summary>Differs only until the platform finishes what was started (Publishing → Live); the step waits.</summary>
        Wait,
        /// <summary>Differs, and only a person can fix it (Cisco support, a mail to click on a live tenant).</summary>
        Manual,
    }

    /// <summary>
    /// One expectation of a lab step, read from the tenant: what the lab wants, what is there, and how to make it so.
    /// The same observation serves Test-DigitalChannelsLab (a check) and Invoke-DigitalChannelsLab (a planned change).
    /// </summary>
    public sealed class LabObservation
    {
        private LabObservation(string target, string expectation, string actual, bool passed, LabAction action, Func<CancellationToken, Task> fix, string manualReason)
        {
            Target = target;
            Expectation = expectation;
            Actual = actual;
            Passed = passed;
            Action = action;
            Fix = fix;
            ManualReason = manualReason;
        }

        /// <summary>What the observation is about, e.g. "Team 'Team1'".</summary>
        public string Target { get; }
        public string Expectation { get; }
        public string Actual { get; }
        public bool Passed { get; }
        public LabAction Action { get; }

        /// <summary>Makes the tenant match; null when it matches already or only a person can fix it.</summary>
        public Func<CancellationToken, Task> Fix { get; }

        /// <summary>For <see cref="LabAction.Manual"/>: who must do what.</summary>
        public string ManualReason { get; }

        /// <summary>
        /// Predicted from the definition, not read: the step cannot be read before an earlier step is applied (Connect
        /// before provisioning). Its fix refuses to run; applying reads the step again once it can.
        /// </summary>
        public bool Predicted { get; private set; }

        /// <summary>
        /// What a step will find once the steps before it are applied to a fresh tenant: <paramref name="actual"/> is the
        /// platform's default (or "missing"); equal to the expectation it passes, otherwise it is a create or a change.
        /// </summary>
        public static LabObservation Predict(string target, string expectation, string actual = "missing", string manualReason = null, bool create = false)
        {
            Func<CancellationToken, Task> refuse = ct => throw new InvalidOperationException($"{target}: a predicted change is applied only after its step has been read.");
            var observation = string.Equals(expectation, actual, StringComparison.Ordinal) ? Matches(target, expectation)
                : manualReason != null ? NeedsPerson(target, expectation, actual, manualReason)
                : create || actual == "missing" ? Missing(target, expectation, refuse, actual) : Differs(target, expectation, actual, refuse);
            observation.Predicted = true;
            return observation;
        }

        public static LabObservation Matches(string target, string expectation, string actual = null) =>
            new LabObservation(target, expectation, actual ?? expectation, true, LabAction.None, null, null);

        public static LabObservation Missing(string target, string expectation, Func<CancellationToken, Task> create, string actual = "missing") =>
            new LabObservation(target, expectation, actual, false, LabAction.Create, create ?? throw new ArgumentNullException(nameof(create)), null);

        public static LabObservation Differs(string target, string expectation, string actual, Func<CancellationToken, Task> change) =>
            new LabObservation(target, expectation, actual, false, LabAction.Change, change ?? throw new ArgumentNullException(nameof(change)), null);

        public static LabObservation WaitingFor(string target, string expectation, string actual) =>
            new LabObservation(target, expectation, actual, false, LabAction.Wait, null, null);

        public static LabObservation NeedsPerson(string target, string expectation, string actual, string reason) =>
            new LabObservation(target, expectation, actual, false, LabAction.Manual, null, reason);

        /// <summary>Compares two descriptions: equal text passes; otherwise <paramref name="change"/> repairs it.</summary>
        public static LabObservation Compare(string target, string expectation, string actual, Func<CancellationToken, Task> change) =>
            string.Equals(expectation, actual, StringComparison.Ordinal) ? Matches(target, expectation) : Differs(target, expectation, actual, change);

        public override string ToString() => Passed ? $"{Target}: {Expectation}" : $"{Target}: expected {Expectation}, found {Actual}";
    }

    /// <summary>
    /// One step of the lab guide. A step observes the tenant against the definition; everything it would change is in the
    /// observations' fixes, so that planning, applying and testing share one reading of the tenant.
    /// </summary>
    public abstract class LabStep
    {
        protected LabStep(string id, string lab, string title, params string[] dependsOn)
        {
            Id = id;
            Lab = lab;
            Title = title;
            DependsOn = dependsOn ?? Array.Empty<string>();
        }

        /// <summary>Stable id, e.g. "12.5-teams": what -Step selects and dependencies name.</summary>
        public string Id { get; }

        /// <summary>The lab: "12.1" … "12.5".</summary>
        public string Lab { get; }

        /// <summary>The lab guide's heading for the step, e.g. "Step 3. Create new Teams".</summary>
        public string Title { get; }

        /// <summary>Ids of the steps that must have succeeded before this one can run.</summary>
        public IReadOnlyList<string> DependsOn { get; }

        /// <summary>False when the definition has nothing for this step (the section was left out).</summary>
        public abstract bool AppliesTo(LabDefinition definition);

        /// <summary>Reads the tenant: one observation per expectation.</summary>
        public abstract Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context);

        /// <summary>
        /// For a plan on a tenant where this step cannot be read yet (an earlier step creates what it reads): what it will
        /// find once the earlier steps are applied, from the definition and the platform's defaults. Null: it cannot say.
        /// </summary>
        public virtual IReadOnlyList<LabObservation> Predict(LabContext context) => null;

        /// <summary>
        /// For drift: the objects of this step's kind that exist on the tenant but are not in the definition, named as
        /// the step's targets are (e.g. "Team 'Team9'"). Default: the step does not list them.
        /// </summary>
        public virtual Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context) => Task.FromResult<IReadOnlyList<string>>(Array.Empty<string>());

        /// <summary>The names of <paramref name="existing"/> that <paramref name="defined"/> does not have (case-insensitive), as targets.</summary>
        protected static IReadOnlyList<string> Extra(IEnumerable<string> existing, IEnumerable<string> defined, Func<string, string> target)
        {
            var known = new HashSet<string>(defined, StringComparer.OrdinalIgnoreCase);
            return existing.Where(n => !known.Contains(n)).OrderBy(n => n, StringComparer.OrdinalIgnoreCase).Select(target).ToList();
        }

        /// <summary>After the fixes: waits for what the platform finishes later (Publishing → Live). Default: nothing.</summary>
        public virtual Task SettleAsync(LabContext context) => Task.CompletedTask;

        public override string ToString() => $"{Lab} {Title}";
    }
}
