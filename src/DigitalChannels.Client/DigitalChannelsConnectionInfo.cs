using System;
using DigitalChannels.Client.Auth.Saved;

namespace DigitalChannels.Client
{
    /// <summary>
    /// One line of Get-DigitalChannelsConnection -ListAvailable: a connection of this session, a saved sign-in, or both
    /// under one name. Where, which organization, who, and whether it is current, connected or saved; never a token or
    /// a secret.
    /// </summary>
    public sealed class DigitalChannelsConnectionInfo
    {
        public string Name { get; private set; }

        /// <summary>What cmdlets use without -Connection.</summary>
        public bool Current { get; private set; }

        /// <summary>Connected in this session (usable with -Connection NAME).</summary>
        public bool Connected { get; private set; }

        /// <summary>A saved sign-in of that name exists (Connect-DigitalChannels -Saved NAME in any session).</summary>
        public bool Saved { get; private set; }

        /// <summary>"sandbox" or the region.</summary>
        public string Environment { get; private set; }

        /// <summary>The sandbox's URL, or the Contact Center API host of a live region.</summary>
        public string Url { get; private set; }

        public string OrganizationId { get; private set; }

        /// <summary>Who acts: the signed-in administrator or the client.</summary>
        public string Account { get; private set; }

        public string ClientId { get; private set; }

        /// <summary>How the saved sign-in's secrets are kept (DPAPI, Keychain, Libsecret, UnencryptedFile); null when not saved.</summary>
        public string Protection { get; private set; }

        public DateTimeOffset? SavedOn { get; private set; }

        /// <summary>The live connection, for -Connection; null for a saved sign-in not connected in this session.</summary>
        public DigitalChannelsConnection Connection { get; private set; }

        internal static DigitalChannelsConnectionInfo Of(DigitalChannelsConnection connection, bool current, SavedSignIn saved) => new DigitalChannelsConnectionInfo
        {
            Name = connection.Name,
            Current = current,
            Connected = true,
            Saved = saved != null,
            Environment = connection.EnvironmentName,
            Url = connection.BaseUrl?.AbsoluteUri.TrimEnd('/'),
            OrganizationId = connection.OrganizationId,
            Account = connection.Account ?? saved?.Account,
            ClientId = connection.ClientId,
            Protection = saved?.Protection,
            SavedOn = saved?.SavedOn,
            Connection = connection,
        };

        internal static DigitalChannelsConnectionInfo Of(SavedSignIn saved) => new DigitalChannelsConnectionInfo
        {
            Name = saved.Name,
            Saved = true,
            Environment = saved.Environment,
            Url = saved.SandboxUrl != null ? saved.SandboxUrl.AbsoluteUri.TrimEnd('/') : SafeRegionUrl(saved.Environment),
            OrganizationId = saved.OrganizationId,
            Account = saved.Account,
            ClientId = saved.ClientId,
            Protection = saved.Protection,
            SavedOn = saved.SavedOn,
        };

        private static string SafeRegionUrl(string region)
        {
            try
            {
                return Environments.WebexEnvironment.ForRegion(region).ContactCenterBaseUri.AbsoluteUri.TrimEnd('/');
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        public override string ToString() => $"{Name} ({Environment} org {OrganizationId}{(Current ? ", current" : string.Empty)}{(Saved ? ", saved" : string.Empty)})";
    }
}
