using System.Management.Automation;
using DigitalChannels.Client.Engage.Transcripts;
using DigitalChannels.PowerShell.Base;

namespace DigitalChannels.PowerShell.Cmdlets
{
    /// <summary>
    /// Gets the transcript of an Engage conversation by its conversation ID (Customer Care → Dashboard), or saves it
    /// to a file as text or JSON. Saving supports -WhatIf and never replaces a file without -Force.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "EngageTranscript", DefaultParameterSetName = ObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Docs + "Get-EngageTranscript.md")]
    [OutputType(typeof(EngageTranscript), ParameterSetName = new[] { ObjectSet })]
    [OutputType(typeof(EngageTranscriptFile), ParameterSetName = new[] { FileSet })]
    public sealed class GetEngageTranscriptCommand : DigitalChannelsConnectedCmdlet
    {
        public const string ObjectSet = "Object";
        public const string FileSet = "File";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The conversation ID (from Connect).")]
        [ValidateNotNullOrEmpty]
        public string ConversationId { get; set; }

        /// <summary>The file to write, or an existing folder (the file is then named after the conversation).</summary>
        [Parameter(Mandatory = true, ParameterSetName = FileSet, HelpMessage = "The file (or existing folder) to save the transcript in.")]
        [ValidateNotNullOrEmpty]
        public string OutFile { get; set; }

        [Parameter(ParameterSetName = FileSet)]
        [EnumWords(typeof(EngageTranscriptFormat))]
        public EngageTranscriptFormat Format { get; set; } = EngageTranscriptFormat.Auto;

        /// <summary>Replace an existing file.</summary>
        [Parameter(ParameterSetName = FileSet)]
        public SwitchParameter Force { get; set; }

        protected override void Execute()
        {
            var connection = CurrentConnection;
            var outFile = ParameterSetName == FileSet ? GetUnresolvedProviderPathFromPSPath(OutFile) : null;
            var id = ConversationId;
            Run(EngageTranscriptCommands.Noun, host => EngageTranscriptCommands.GetAsync(host, connection, id, outFile, Format, Force.IsPresent), id);
        }
    }
}
