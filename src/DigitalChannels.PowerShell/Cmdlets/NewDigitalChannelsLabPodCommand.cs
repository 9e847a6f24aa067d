using System.Management.Automation;
using DigitalChannels.Client.Lab;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// A lab pod for Invoke-DigitalChannelsLab -Pod and Test-DigitalChannelsLab -Pod: its id (what replaces {Pod}) and the
    /// connection to its tenant. It only builds an object in memory, like New-TimeSpan, so it has no -WhatIf: under
    /// -WhatIf it must still return the pod, or a dry run over forty pods would have no pods to show.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "DigitalChannelsLabPod", HelpUri = HelpLinks.Docs + "New-DigitalChannelsLabPod.md")]
    [OutputType(typeof(LabPod))]
    public sealed class NewDigitalChannelsLabPodCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The pod's id: 1 to 32 letters, digits, '-' or '_'; it replaces {Pod} in the definition.")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var id = Id;
            Run(LabCommands.PodNoun, host => LabCommands.NewPodAsync(host, connection, id), id);
        }
    }
}
