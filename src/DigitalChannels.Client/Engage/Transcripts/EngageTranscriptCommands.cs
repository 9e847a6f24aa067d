using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Engage.Transcripts
{
    /// <summary>The formats of a downloaded transcript.</summary>
    public enum EngageTranscriptFormat
    {
        /// <summary>By the file's extension: .json is Json, anything else Text.</summary>
        Auto,
        Text,
        Json,
    }

    /// <summary>A transcript saved to a file: what Get-EngageTranscript -OutFile writes.</summary>
    public sealed class EngageTranscriptFile
    {
        public EngageTranscriptFile(string conversationId, string path, EngageTranscriptFormat format, long sizeBytes, int messageCount)
        {
            ConversationId = conversationId;
            Path = path;
            Format = format;
            SizeBytes = sizeBytes;
            MessageCount = messageCount;
        }

        public string ConversationId { get; }

        /// <summary>The full path of the file written.</summary>
        public string Path { get; }

        /// <summary>Text or Json.</summary>
        public EngageTranscriptFormat Format { get; }

        public long SizeBytes { get; }
        public int MessageCount { get; }

        public override string ToString() => Path;
    }

    /// <summary>What Get-EngageTranscript does.</summary>
    public static class EngageTranscriptCommands
    {
        public const string Noun = "EngageTranscript";

        /// <summary>
        /// Writes the transcript object, or with <paramref name="outFile"/> saves it and writes the file. The path may
        /// be an existing folder, where the file is named after the conversation. An existing file is never replaced
        /// without <paramref name="force"/>; errors name the path.
        /// </summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string conversationId, string outFile,
            EngageTranscriptFormat format, bool force)
        {
            if (string.IsNullOrWhiteSpace(conversationId)) throw new ArgumentException("The conversation ID is empty.", nameof(conversationId));
            var target = outFile == null ? null : OutFile.Resolve(outFile, conversationId.Trim() + (format == EngageTranscriptFormat.Json ? ".json" : ".txt"));
            var transcript = await connection.Engage.Transcripts.GetAsync(conversationId, host.CancellationToken);
            if (target == null)
            {
                host.WriteObject(transcript);
                return;
            }

            var asJson = format == EngageTranscriptFormat.Json ||
                (format == EngageTranscriptFormat.Auto && string.Equals(Path.GetExtension(target), ".json", StringComparison.OrdinalIgnoreCase));
            if (!host.ShouldProcess(target, $"Save the transcript of conversation {transcript.ConversationId} as {(asJson ? "JSON" : "text")}")) return;
            var file = OutFile.Write(target, asJson ? transcript.ToJson() : transcript.ToText(), force, "transcript");
            host.WriteObject(new EngageTranscriptFile(transcript.ConversationId, file.FullName, asJson ? EngageTranscriptFormat.Json : EngageTranscriptFormat.Text,
                file.Length, transcript.Messages.Count));
            host.WriteVerbose($"Saved the transcript of conversation {transcript.ConversationId} ({transcript.Messages.Count} messages) to '{target}'.");
        }
    }
}
