using System.Management.Automation;
using DigitalChannels.Client.Engage.ChannelAssets;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Configures the chat widget of a Live Chat channel asset: title, colour, working hours.</summary>
    [Cmdlet(VerbsCommon.Set, "EngageChannelAsset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Docs + "Set-EngageChannelAsset.md")]
    [OutputType(typeof(EngageChannelAsset))]
    public sealed class SetEngageChannelAssetCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The Live Chat app: its name or id.")]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; }

        [Parameter(HelpMessage = "The widget's title; an empty string returns it to the app's name.")]
        public string Title { get; set; }

        [Parameter(HelpMessage = "The widget's colour, '#RRGGBB'; an empty string returns it to the default.")]
        public string Color { get; set; }

        [Parameter(HelpMessage = "Engage working hours (name or id) that choose the widget's layout; an empty string removes them.")]
        public string WorkingHours { get; set; }

        [Parameter(HelpMessage = "Return the changed asset.")]
        public SwitchParameter PassThru { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (name, title, color, hours, passThru) = (Name, Title, Color, WorkingHours, PassThru.IsPresent);
            Run(EngageChannelAssetCommands.Noun, host => EngageChannelAssetCommands.SetAsync(host, connection, name, title, color, hours, passThru), name);
        }
    }
}
