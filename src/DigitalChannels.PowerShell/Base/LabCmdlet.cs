using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// The parameters and the pod handling Invoke- and Test-DigitalChannelsLab share: a definition for the tenant of one
    /// connection (-PodId), or for many pods (-Pod, also piped), which are collected and run together at the end so that
    /// -ThrottleLimit spans all of them.
    /// </summary>
    public abstract class LabCmdlet : DigitalChannelsConnectedCmdlet
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

        [Parameter(ParameterSetName = PodSet, HelpMessage = "The most HTTP requests in flight to one host, for all pods together (1-64).")]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = LabCommands.DefaultThrottleLimit;

        [Parameter(HelpMessage = "A folder for the report: report.html (one self-contained page), report.json and junit.xml.")]
        [ValidateNotNullOrEmpty]
        public string ReportPath { get; set; }

        /// <summary>-ReportPath made absolute against PowerShell's current location (null when not given), on the pipeline thread.</summary>
        protected string ReportFolder { get; private set; }

        protected override void BeginProcessing()
        {
            ReportFolder = LabDefinitionArgument.ResolvePath(this, ReportPath);
            base.BeginProcessing();
        }

        /// <summary>The one tenant of the Connection set.</summary>
        protected abstract Task RunOneAsync(ICommandHost host, DigitalChannelsConnection connection, LabDefinition definition, string podId);

        /// <summary>Every pod of the Pod set.</summary>
        protected abstract Task RunManyAsync(ICommandHost host, IReadOnlyList<LabPod> pods, LabDefinition definition, int throttleLimit);

        protected sealed override void Execute()
        {
            if (ParameterSetName == PodSet)
            {
                _pods.AddRange(Pod.Where(p => p != null));
                return;
            }
            var connection = CurrentConnection;
            var (definition, flowPath, podId) = (Definition, FlowPath, PodId);
            // The definition is read inside Run, so that a refused one is an error record like any other.
            Run(LabCommands.Noun, host => RunOneAsync(host, connection, LabDefinitionArgument.Read(this, definition, flowPath), podId));
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == PodSet && _pods.Count > 0)
            {
                var (definition, flowPath, throttle, pods) = (Definition, FlowPath, ThrottleLimit, _pods.ToList());
                var connectionGiven = IsParameterBound(nameof(Connection));
                Run(LabCommands.Noun, host =>
                {
                    if (connectionGiven) throw new ArgumentException("-Connection does not apply with -Pod: every pod carries its own connection (New-DigitalChannelsLabPod -Connection).", nameof(Connection));
                    return RunManyAsync(host, pods, LabDefinitionArgument.Read(this, definition, flowPath), throttle);
                });
            }
            base.EndProcessing();
        }
    }
}
