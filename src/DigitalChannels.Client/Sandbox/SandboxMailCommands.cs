using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Sandbox
{
    /// <summary>What Get-DigitalChannelsSandboxMail does: the sandbox's outbox, newest first.</summary>
    public static class SandboxMailCommands
    {
        public const string Noun = "DigitalChannelsSandboxMail";

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string to, string kind, bool newestOnly)
        {
            var mails = await connection.SandboxMail.ListAsync(to, kind, host.CancellationToken);
            foreach (var mail in mails)
            {
                // The link's token is a credential for whoever holds the mail, as in a real mailbox: it is shown, never logged.
                host.WriteObject(mail);
                if (newestOnly) return;
            }
        }
    }
}
