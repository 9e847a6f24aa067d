using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Applies a lab definition: to the tenant of one connection (one LabChange per observation), or to many pods at
    /// once (one LabPodResult per pod). Pods may be piped; they are collected and run together at the end, so that the
    /// throttle limit spans all of them.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "DigitalChannelsLab", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = ConnectionSet)]
    [OutputType(typeof(LabChange), ParameterSetName = new[] { ConnectionSet })]
    [OutputType(typeof(LabPodResult), ParameterSetName = new[] { PodSet })]
    public sealed class InvokeDigitalChannelsLabCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ConnectionSet = "Connection";
        public const string PodSet = "Pod";

        private readonly List<LabPod> _pods = new List<LabPod>();

        [Parameter(Position = 0, HelpMessage = "A definition file (.psd1 or .json), a hashtable, or a definition from Get-DigitalChannelsLabDefinition. Omit it for the shipped Lab 12 definition.")]
        public object Definition { get; set; }

        [Parameter(HelpMessage = "The folder of the .workflow files; it replaces Connect.FlowsFolder of the definition.")]
        [ValidateNotNullOrEmpty]
        public string FlowPath { get; set; }

        [Parameter(ParameterSetName = ConnectionSet, HelpMessage = "The pod's id, which replaces {Pod} in the definition.")]
        [ValidateNotNullOrEmpty]
        public string PodId { get; set; }

        [Parameter(ParameterSetName = PodSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "The pods, from New-DigitalChannelsLabPod.")]
        [ValidateNotNull]
        public LabPod[] Pod { get; set; }

        [Parameter(ParameterSetName = PodSet, HelpMessage = "How many pods run at the same time (1-64).")]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = LabCommands.DefaultThrottleLimit;

        protected override void Execute()
        {
            if (ParameterSetName == PodSet)
            {
                _pods.AddRange(Pod.Where(p => p != null));
                return;
            }
            var connection = CurrentConnection;
            var (definition, flowPath, podId) = (Definition, FlowPath, PodId);
            Run(LabCommands.Noun, host => LabCommands.InvokeAsync(host, connection, LabDefinitionArgument.Read(this, definition, flowPath), null, podId));
        }

        /// <summary>The Pod set runs once, over every pod given or piped.</summary>
        protected override void EndProcessing()
        {
            if (ParameterSetName == PodSet && _pods.Count > 0)
            {
                var (definition, flowPath, throttle, pods) = (Definition, FlowPath, ThrottleLimit, _pods.ToList());
                var connectionGiven = IsParameterBound(nameof(Connection));
                Run(LabCommands.Noun, host =>
                {
                    if (connectionGiven) throw new ArgumentException("-Connection does not apply with -Pod: every pod carries its own connection (New-DigitalChannelsLabPod -Connection).", nameof(Connection));
                    return LabCommands.InvokeManyAsync(host, pods, LabDefinitionArgument.Read(this, definition, flowPath), null, throttle);
                });
            }
            base.EndProcessing();
        }
    }
}
