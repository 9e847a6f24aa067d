using System;
using DigitalChannels.Client.Environments;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Auth.Saved
{
    /// <summary>
    /// What is kept of a saved sign-in besides its secrets, in plain JSON: enough to list it and to reconnect (where,
    /// which organization, which integration, who). The client secret and the refresh token are kept apart, by an
    /// <see cref="ISecretProtector"/>.
    /// </summary>
    public sealed class SavedSignIn
    {
        public string Name { get; set; }

        /// <summary>"sandbox" or a live region (us1 … in1).</summary>
        public string Environment { get; set; }

        /// <summary>The sandbox's base URL; null for a live region.</summary>
        public Uri SandboxUrl { get; set; }

        public string OrganizationId { get; set; }

        /// <summary>The integration's client id (its secret is kept with the refresh token).</summary>
        public string ClientId { get; set; }

        /// <summary>Who signed in, as far as the connection knows it.</summary>
        public string Account { get; set; }

        /// <summary>How the secrets are kept: <see cref="SecretProtection"/>'s names.</summary>
        public string Protection { get; set; }

        public DateTimeOffset SavedOn { get; set; }

        /// <summary>When a refresh last rotated the kept refresh token.</summary>
        public DateTimeOffset? RefreshedOn { get; set; }

        /// <summary>When the kept refresh token expires, when the identity service said so.</summary>
        public DateTimeOffset? RefreshTokenExpiresOn { get; set; }

        /// <summary>The environment to reconnect to.</summary>
        public WebexEnvironment ToEnvironment()
        {
            if (string.Equals(Environment, "sandbox", StringComparison.OrdinalIgnoreCase))
            {
                if (SandboxUrl == null) throw new System.IO.InvalidDataException($"The saved sign-in '{Name}' names the sandbox but not its URL.");
                return WebexEnvironment.ForSandbox(SandboxUrl);
            }
            return WebexEnvironment.ForRegion(Environment);
        }

        /// <summary>Where it reconnects to, for lists: the sandbox URL or the region.</summary>
        [JsonIgnore]
        public string Location => SandboxUrl != null ? SandboxUrl.AbsoluteUri.TrimEnd('/') : Environment;

        public override string ToString() => $"{Name} ({Location} org {OrganizationId})";
    }

    /// <summary>The secret part of a saved sign-in: Webex needs the client secret for every refresh.</summary>
    internal sealed class SavedSecrets
    {
        [JsonProperty("clientSecret")]
        public string ClientSecret { get; set; }

        [JsonProperty("refreshToken")]
        public string RefreshToken { get; set; }
    }

    /// <summary>How a saved sign-in's secrets are kept.</summary>
    public static class SecretProtection
    {
        /// <summary>Windows: a file encrypted with DPAPI for the current user.</summary>
        public const string Dpapi = "DPAPI";
        /// <summary>macOS: the login Keychain.</summary>
        public const string Keychain = "Keychain";
        /// <summary>Linux: the Secret Service (GNOME Keyring, KWallet) through libsecret.</summary>
        public const string Libsecret = "Libsecret";
        /// <summary>Not encrypted: a file only its owner may read (mode 600, or an owner-only ACL). Only when asked for.</summary>
        public const string UnencryptedFile = "UnencryptedFile";
    }
}
