using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Verifies tenants against a lab definition without changing anything: one LabCheck per check, for the tenant of one
    /// connection or for many pods (piped pods are collected and checked together at the end).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "DigitalChannelsLab", DefaultParameterSetName = ConnectionSet)]
    [OutputType(typeof(LabCheck))]
    public sealed class TestDigitalChannelsLabCommand : DigitalChannelsConnectedCmdlet
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

        [Parameter(ParameterSetName = PodSet, HelpMessage = "How many pods are read at the same time (1-64).")]
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
            Run(LabCommands.Noun, host =>
            {
                var read = LabDefinitionArgument.Read(this, definition, flowPath);
                return LabCommands.TestAsync(host, new[] { LabCommands.SinglePod(connection, read, podId) }, read, null, 1);
            });
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
                    return LabCommands.TestAsync(host, pods, LabDefinitionArgument.Read(this, definition, flowPath), null, throttle);
                });
            }
            base.EndProcessing();
        }
    }
}
