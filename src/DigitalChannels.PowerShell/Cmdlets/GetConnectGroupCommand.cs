using System.Management.Automation;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Base.Completion;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets Connect groups (Settings → Groups/Teams) that you can see: all, or by name (wildcards allowed).</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectGroup", HelpUri = HelpLinks.Docs + "Get-ConnectGroup.md")]
    [OutputType(typeof(ConnectGroup))]
    public sealed class GetConnectGroupCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The group name, or a wildcard pattern. Omit it to get every group you can see.")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectGroupNameCompleter))]
        public string Name { get; set; }
        protected override void Execute()
        {
            var connection = CurrentConnection;
            var name = Name;
            Run(ConnectContainerCommands.GroupNoun, host => ConnectContainerCommands.GetGroupAsync(host, connection, name), name);
        }
    }
}
