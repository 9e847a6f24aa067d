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
    /// Verifies tenants against a lab definition without changing anything: one LabCheck per check (lab, step,
    /// expectation, actual value, passed), for the tenant of one connection or for many pods.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "DigitalChannelsLab", DefaultParameterSetName = ConnectionSet, HelpUri = HelpLinks.Docs + "Test-DigitalChannelsLab.md")]
    [OutputType(typeof(LabCheck))]
    public sealed class TestDigitalChannelsLabCommand : LabCmdlet
    {
        protected override Task RunOneAsync(ICommandHost host, DigitalChannelsConnection connection, LabDefinition definition, string podId) =>
            LabCommands.TestAsync(host, new[] { LabCommands.SinglePod(connection, definition, podId) }, definition, null, 1, reportPath: ReportFolder);

        protected override Task RunManyAsync(ICommandHost host, IReadOnlyList<LabPod> pods, LabDefinition definition, int throttleLimit) =>
            LabCommands.TestAsync(host, pods, definition, null, throttleLimit, reportPath: ReportFolder);
    }
}
