using System;
using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Export;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Reads the connected tenant (or a pod's) into a lab definition file, .psd1 or .json by the extension, and its flows
    /// into a flows folder beside it. With -PodId the pod's id becomes {Pod}. Secrets are never written.
    /// </summary>
    [Cmdlet(VerbsData.Export, "DigitalChannelsLab", DefaultParameterSetName = ConnectionSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
        HelpUri = HelpLinks.Docs + "Export-DigitalChannelsLab.md")]
    [OutputType(typeof(LabExportFile))]
    public sealed class ExportDigitalChannelsLabCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ConnectionSet = "Connection";
        public const string PodSet = "Pod";

        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The definition file to write: .psd1 or .json. The flows go to a 'flows' folder beside it.")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter(ParameterSetName = ConnectionSet, HelpMessage = "The pod's id: every value that carries it is written as {Pod}.")]
        [ValidateNotNullOrEmpty]
        public string PodId { get; set; }

        [Parameter(ParameterSetName = PodSet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "The pod, from New-DigitalChannelsLabPod: its connection is read and its id becomes {Pod}.")]
        [ValidateNotNull]
        public LabPod Pod { get; set; }

        [Parameter(HelpMessage = "The definition's Name.")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(HelpMessage = "Replace the definition file and flow files that exist already.")]
        public SwitchParameter Force { get; set; }

        protected override void Execute()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            var (name, force) = (Name, Force.IsPresent);
            if (ParameterSetName == PodSet)
            {
                var pod = Pod;
                var connectionGiven = IsParameterBound(nameof(Connection));
                Run(LabCommands.Noun, host =>
                {
                    if (connectionGiven) throw new ArgumentException("-Connection does not apply with -Pod: the pod carries its own connection (New-DigitalChannelsLabPod -Connection).", nameof(Connection));
                    return LabCommands.ExportAsync(host, pod.Connection, path, pod.Id, force, name);
                });
                return;
            }
            var connection = CurrentConnection;
            var podId = PodId;
            Run(LabCommands.Noun, host => LabCommands.ExportAsync(host, connection, path, podId, force, name));
        }
    }
}
