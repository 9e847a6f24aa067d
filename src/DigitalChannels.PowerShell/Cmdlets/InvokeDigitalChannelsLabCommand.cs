using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Applies a lab definition: the plan first, then only what differs, each change through ShouldProcess. To the tenant
    /// of one connection (one LabChange per observation), or to many pods at once (one LabPodResult per pod).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "DigitalChannelsLab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = ConnectionSet, HelpUri = HelpLinks.Docs + "Invoke-DigitalChannelsLab.md")]
    [OutputType(typeof(LabChange), ParameterSetName = new[] { ConnectionSet })]
    [OutputType(typeof(LabPodResult), ParameterSetName = new[] { PodSet })]
    public sealed class InvokeDigitalChannelsLabCommand : LabCmdlet
    {
        [Parameter(HelpMessage = "Saves the plan (every observation of every pod) to this file; with -WhatIf, nothing else happens.")]
        [ValidateNotNullOrEmpty]
        public string PlanPath { get; set; }

        [Parameter(HelpMessage = "Applies exactly this saved plan, and refuses (naming what moved) when a tenant changed since it was made.")]
        [ValidateNotNullOrEmpty]
        public string Plan { get; set; }

        private string _planPath, _plan;

        protected override void BeginProcessing()
        {
            // Resolved here, on the pipeline thread, against PowerShell's current location.
            _planPath = LabDefinitionArgument.ResolvePath(this, PlanPath);
            _plan = LabDefinitionArgument.ResolvePath(this, Plan);
            base.BeginProcessing();
        }

        protected override Task RunOneAsync(ICommandHost host, DigitalChannelsConnection connection, LabDefinition definition, string podId) =>
            LabCommands.InvokeAsync(host, connection, definition, null, podId, reportPath: ReportFolder, planPath: _planPath, applyPlan: _plan);

        protected override Task RunManyAsync(ICommandHost host, IReadOnlyList<LabPod> pods, LabDefinition definition, int throttleLimit) =>
            LabCommands.InvokeManyAsync(host, pods, definition, null, throttleLimit, reportPath: ReportFolder, planPath: _planPath, applyPlan: _plan);
    }
}
