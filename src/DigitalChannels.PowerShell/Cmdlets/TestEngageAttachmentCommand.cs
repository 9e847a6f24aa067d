using System.Collections.Generic;
using System.Management.Automation;
using DigitalChannels.Client;
using DigitalChannels.Client.Engage.Attachments;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Checks files as attachments of one message: offline, whether their content is text only (PCI); against the
    /// tenant, also its switch and the channel's number of files, formats and size. Files piped in are checked together.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "EngageAttachment", DefaultParameterSetName = TenantSet, HelpUri = HelpLinks.Docs + "Test-EngageAttachment.md")]
    [OutputType(typeof(EngageAttachmentCheck))]
    public sealed class TestEngageAttachmentCommand : DigitalChannelsConnectedCmdlet
    {
        public const string TenantSet = "Tenant";
        public const string OfflineSet = "Offline";

        private readonly List<string> _paths = new List<string>();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            HelpMessage = "The files to check, sent together as the attachments of one message.")]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = TenantSet, HelpMessage = "The channel whose settings apply.")]
        [ValidateSet("chat", "email", "sms", "messenger", "whatsapp", IgnoreCase = true)]
        public string Channel { get; set; }

        /// <summary>Only the content check, on this machine: nothing is uploaded and no connection is needed.</summary>
        [Parameter(Mandatory = true, ParameterSetName = OfflineSet)]
        public SwitchParameter Offline { get; set; }

        /// <summary>Collects the paths; the files are checked together once the pipeline ends, so the number of files counts.</summary>
        protected override void Execute()
        {
            foreach (var path in Path) _paths.Add(GetUnresolvedProviderPathFromPSPath(path));
        }

        protected override void EndProcessing()
        {
            if (_paths.Count > 0)
            {
                var offline = Offline.IsPresent;
                var paths = _paths.ToArray();
                var channel = Channel;
                // The connection is looked up inside Run, so that "not connected" becomes a terminating error record here too.
                Run(EngageAttachmentCommands.CheckNoun, host =>
                    EngageAttachmentCommands.TestAsync(host, offline ? (DigitalChannelsConnection)null : CurrentConnection, paths, channel, offline));
            }
            base.EndProcessing();
        }
    }
}
