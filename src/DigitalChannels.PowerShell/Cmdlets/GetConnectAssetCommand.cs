using System.Management.Automation;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>Gets the assets: SMS numbers (provided by Cisco) and apps, each with the flow it triggers.</summary>
    [Cmdlet(VerbsCommon.Get, "ConnectAsset", HelpUri = HelpLinks.Docs + "Get-ConnectAsset.md")]
    [OutputType(typeof(ConnectAsset))]
    public sealed class GetConnectAssetCommand : DigitalChannelsConnectedCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The asset name, or a wildcard pattern.")]
        [SupportsWildcards]
        public string Name { get; set; }

        [Parameter(HelpMessage = "Number or App.")]
        [ValidateSet(ConnectAsset.NumberType, ConnectAsset.AppType)]
        public string Type { get; set; }

        [Parameter(HelpMessage = "Only assets of this channel.")]
        [EnumWords(typeof(ConnectChannel))]
        public ConnectChannel Channel { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            ConnectChannel? channel = IsParameterBound(nameof(Channel)) ? Channel : (ConnectChannel?)null;
            Run(ConnectAssetCommands.Noun, host => ConnectAssetCommands.GetAsync(host, connection, Type, channel, Name), Name);
        }
    }
}
