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
        DefaultParameterSetName = ConnectionSet)]
    [OutputType(typeof(LabChange), ParameterSetName = new[] { ConnectionSet })]
    [OutputType(typeof(LabPodResult), ParameterSetName = new[] { PodSet })]
    public sealed class InvokeDigitalChannelsLabCommand : LabCmdlet
    {
        protected override Task RunOneAsync(ICommandHost host, DigitalChannelsConnection connection, LabDefinition definition, string podId) =>
            LabCommands.InvokeAsync(host, connection, definition, null, podId, reportPath: ReportFolder);

        protected override Task RunManyAsync(ICommandHost host, IReadOnlyList<LabPod> pods, LabDefinition definition, int throttleLimit) =>
            LabCommands.InvokeManyAsync(host, pods, definition, null, throttleLimit, reportPath: ReportFolder);
    }
}
