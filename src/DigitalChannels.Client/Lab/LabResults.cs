using System;

namespace DigitalChannels.Client.Lab
{
    /// <summary>
    /// The outcome of one check, kept apart everywhere (objects, views, the Pester pack, reports, exit codes): a person's
    /// part is not a failure of the lab, and a check that could not run says nothing about the tenant.
    /// </summary>
    public enum LabResult
    {
        Passed,
        /// <summary>The tenant differs from the definition (expected and actual say how).</summary>
        Failed,
        /// <summary>A step a person must do on a live tenant (see the reason).</summary>
        NeedsPerson,
        /// <summary>Not checked: a step it depends on did not pass.</summary>
        Skipped,
        /// <summary>The check itself could not run (the reason is the error).</summary>
        Error,
    }

    /// <summary>What Test-DigitalChannelsLab returns: one check of one lab step against one pod's tenant.</summary>
    public sealed class LabCheck
    {
        /// <summary>The outcome; listed first, as the views show it.</summary>
        public LabResult Result { get; set; }

        public string Pod { get; set; }
        public string Lab { get; set; }
        public string Step { get; set; }
        public string StepId { get; set; }
        public string Target { get; set; }
        public string Expectation { get; set; }
        public string Actual { get; set; }

        /// <summary>Result is Passed (the filter most scripts want).</summary>
        public bool Passed => Result == LabResult.Passed;

        /// <summary>Why it failed beyond the values: who must act, or the error that kept the step from being read.</summary>
        public string Reason { get; set; }

        public override string ToString() =>
            Passed ? $"[{Lab}] {Target}: {Expectation}"
            : Result == LabResult.Failed ? $"[{Lab}] {Target}: {Result}: expected {Expectation}, found {Actual}" + (Reason == null ? "" : $" ({Reason})")
            : $"[{Lab}] {Target}: {Result}: {Reason}";
    }

    /// <summary>What happened to one planned change.</summary>
    public enum LabChangeResult
    {
        Unchanged,
        Created,
        Changed,
        /// <summary>-WhatIf, or the user declined -Confirm.</summary>
        NotApplied,
        /// <summary>Only a person can make it so (see the message).</summary>
        NeedsPerson,
        Failed,
        /// <summary>A step it depends on failed or is incomplete.</summary>
        Skipped,
        /// <summary>The step's state could not be read, so nothing was decided (the message is the error).</summary>
        Error,
    }

    /// <summary>What Invoke-DigitalChannelsLab returns: one row per observation of every step, with what was done.</summary>
    public sealed class LabChange
    {
        public string Pod { get; set; }
        public string Lab { get; set; }
        public string Step { get; set; }
        public string StepId { get; set; }
        public string Target { get; set; }
        public LabAction Action { get; set; }
        public LabChangeResult Result { get; set; }
        public string Expected { get; set; }

        /// <summary>What the tenant had before the run.</summary>
        public string Before { get; set; }

        public string Message { get; set; }

        public override string ToString() => $"[{Lab}] {Target}: {Result}" + (Message == null ? "" : $" ({Message})");
    }

    /// <summary>One pod's outcome in a run over many pods: the one-table summary.</summary>
    public sealed class LabPodResult
    {
        public string Pod { get; set; }
        public string Organization { get; set; }
        public int Created { get; set; }
        public int Changed { get; set; }
        public int Unchanged { get; set; }
        public int NeedsPerson { get; set; }
        public int Failed { get; set; }
        public int Skipped { get; set; }

        /// <summary>Steps whose state could not be read while applying.</summary>
        public int Errors { get; set; }
        public int ChecksPassed { get; set; }
        public int ChecksFailed { get; set; }
        public int ChecksNeedPerson { get; set; }
        public int ChecksSkipped { get; set; }
        public int ChecksError { get; set; }
        public TimeSpan Duration { get; set; }

        /// <summary>
        /// The pod's outcome, the worst of its checks and steps: Error before Failed before Skipped before NeedsPerson.
        /// </summary>
        public LabResult Result =>
            ChecksError > 0 || Errors > 0 ? LabResult.Error
            : Failed > 0 || ChecksFailed > 0 ? LabResult.Failed
            : Skipped > 0 || ChecksSkipped > 0 ? LabResult.Skipped
            : NeedsPerson > 0 || ChecksNeedPerson > 0 ? LabResult.NeedsPerson
            : ChecksPassed > 0 ? LabResult.Passed : LabResult.Skipped;

        /// <summary>The first failing check or step, for the table.</summary>
        public string FirstProblem { get; set; }

        public bool Passed => Result == LabResult.Passed;

        public override string ToString() =>
            $"Pod {Pod}: {Result} ({ChecksPassed} checks passed, {ChecksFailed} failed, {ChecksNeedPerson} need a person, {ChecksSkipped} skipped, {ChecksError} could not run)";
    }
}
