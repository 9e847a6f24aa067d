using System;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// An operation that only the sandbox offers: against a live tenant there is no public API for it, and the
    /// project says so and names the portal page, rather than pretend.
    /// </summary>
    public sealed class NoPublicApiException : NotSupportedException
    {
        public NoPublicApiException(string operation, string portalPage)
            : base($"{operation} has no public Webex API. Do it in the portal: {portalPage}. (The DigitalChannels sandbox offers it as an API for offline use.)")
        {
            Operation = operation;
            PortalPage = portalPage;
        }

        public string Operation { get; }

        public string PortalPage { get; }
    }
}
