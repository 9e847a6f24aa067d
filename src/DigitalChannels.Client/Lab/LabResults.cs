using System;

namespace DigitalChannels.Client.Lab
{
    /// <summary>What Test-DigitalChannelsLab returns: one check of one lab step against one pod's tenant.</summary>
    public sealed class LabCheck
    {
        public string Pod { get; set; }
        public string Lab { get; set; }
        public string Step { get; set; }
        public string StepId { get; set; }
        public string Target { get; set; }
        public string Expectation { get; set; }
        public string Actual { get; set; }
        public bool Passed { get; set; }

        /// <summary>Why it failed beyond the values: who must act, or the error that kept the step from being read.</summary>
        public string Reason { get; set; }

        public override string ToString() =>
            Passed ? $"[{Lab}] {Target}: {Expectation}" : $"[{Lab}] {Target}: expected {Expectation}, found {Actual}" + (Reason == null ? "" : $" ({Reason})");
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
        public int ChecksPassed { get; set; }
        public int ChecksFailed { get; set; }
        public TimeSpan Duration { get; set; }

        /// <summary>The first failing check or step, for the table.</summary>
        public string FirstProblem { get; set; }

        public bool Passed => Failed == 0 && ChecksFailed == 0 && ChecksPassed > 0;

        public override string ToString() => $"Pod {Pod}: {(Passed ? "passed" : "FAILED")} ({ChecksPassed} checks passed, {ChecksFailed} failed)";
    }
}
