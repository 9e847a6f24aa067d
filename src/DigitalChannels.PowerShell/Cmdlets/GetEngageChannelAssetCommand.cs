using System.Management.Automation;
using DigitalChannels.Client.Engage.ChannelAssets;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Engage's Channel Assets: the Connect assets with their Engage channel and chat widget.</summary>
    [Cmdlet(VerbsCommon.Get, "EngageChannelAsset", HelpUri = HelpLinks.Docs + "Get-EngageChannelAsset.md")]
    [OutputType(typeof(EngageChannelAsset))]
    public sealed class GetEngageChannelAssetCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The asset's name; wildcards allowed.")]
        [SupportsWildcards]
        public string Name { get; set; }

        [Parameter(HelpMessage = "Only assets of this Engage channel.")]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp")]
        public string Channel { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var (name, channel) = (Name, Channel);
            Run(EngageChannelAssetCommands.Noun, host => EngageChannelAssetCommands.GetAsync(host, connection, name, channel));
        }
    }
}
