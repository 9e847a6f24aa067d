using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Microsoft.Identity.Client.Extensions.Msal;

namespace DigitalChannels.Client.Auth.Saved
{
    /// <summary>Keeps the secret part of saved sign-ins, one entry per name.</summary>
    public interface ISecretProtector
    {
        /// <summary>One of <see cref="SecretProtection"/>'s names.</summary>
        string Kind { get; }

        void Write(string name, byte[] data);

        /// <summary>The entry, or null when there is none.</summary>
        byte[] Read(string name);

        void Delete(string name);
    }

    /// <summary>The platform's own protection or nothing: found by a real write and read (a keyring may exist but be locked or unreachable).</summary>
    public sealed class SecretStoreUnavailableException : InvalidOperationException
    {
        public SecretStoreUnavailableException(string message, Exception inner = null) : base(message, inner) { }
    }

    /// <summary>
    /// The secrets through Microsoft.Identity.Client.Extensions.Msal's <see cref="Storage"/>, the cache persistence MSAL's
    /// desktop apps (Azure CLI, Az, Graph) use: DPAPI on Windows, the Keychain on macOS, libsecret on Linux, or, only
    /// when asked for, a file its owner alone may read (it creates it with mode 600, or an owner-only ACL on Windows).
    /// </summary>
    public sealed class MsalSecretProtector : ISecretProtector
    {
        private const string KeyringSchema = "com.digitalchannels.savedsignin";
        private static readonly TraceSource Quiet = new TraceSource("DigitalChannels.SavedSignIns", SourceLevels.Off);
        private readonly string _folder;
        private readonly bool _unencrypted;

        private MsalSecretProtector(string folder, bool unencrypted)
        {
            _folder = folder;
            _unencrypted = unencrypted;
            Kind = unencrypted ? SecretProtection.UnencryptedFile
                : SharedUtilities.IsWindowsPlatform() ? SecretProtection.Dpapi
                : SharedUtilities.IsMacPlatform() ? SecretProtection.Keychain
                : SecretProtection.Libsecret;
        }

        public string Kind { get; }

        /// <summary>The protector of that kind; the platform's encrypted one is checked with a write and a read first.</summary>
        public static ISecretProtector Open(string folder, string kind)
        {
            var unencrypted = kind == SecretProtection.UnencryptedFile;
            var protector = new MsalSecretProtector(folder, unencrypted);
            if (!unencrypted && !string.IsNullOrEmpty(kind) && kind != protector.Kind)
                throw new SecretStoreUnavailableException($"The saved sign-in was kept with {kind}, which this system does not offer ({protector.Kind}). Sign in again with -Save on this system.");
            if (!unencrypted) protector.Verify();
            return protector;
        }

        private void Verify()
        {
            try
            {
                Storage.Create(PropertiesFor("verify"), Quiet).VerifyPersistence();
            }
            catch (Exception ex) when (ex is MsalCachePersistenceException || ex is DllNotFoundException || ex is EntryPointNotFoundException
                || ex is PlatformNotSupportedException || ex is TypeInitializationException || ex is InvalidOperationException)
            {
                throw new SecretStoreUnavailableException(Explain(Kind, ex), ex);
            }
        }

        /// <summary>The cause in the user's words, per platform, and what to do about it.</summary>
        internal static string Explain(string kind, Exception ex)
        {
            var detail = (ex.InnerException ?? ex).Message;
            // libsecret's own error is often empty ("Error code: 0"); the missing session bus is the usual cause, so say so.
            var bus = Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
            if (kind == SecretProtection.Libsecret && string.IsNullOrEmpty(bus)) detail = "there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not set). " + detail;
            var cause = kind == SecretProtection.Libsecret
                ? $"No Secret Service keyring could be reached through libsecret (it needs libsecret-1, a D-Bus session and an unlocked keyring such as GNOME Keyring): {detail}"
                : kind == SecretProtection.Keychain ? $"The macOS Keychain refused the saved sign-in: {detail}"
                : $"Windows DPAPI could not protect the saved sign-in: {detail}";
            return cause.TrimEnd('.') + ". Nothing was saved. Run where a keyring is unlocked, or pass -AllowUnencryptedStorage " +
                $"(or set {SavedSignInStore.AllowUnencryptedVariable}=1) to keep it in a file only you can read, or keep the refresh token in a vault and use -RefreshToken.";
        }

        private StorageCreationProperties PropertiesFor(string name)
        {
            var builder = new StorageCreationPropertiesBuilder(name + ".secret", _folder);
            if (_unencrypted) return builder.WithUnprotectedFile().Build();
            return builder
                .WithMacKeyChain("DigitalChannels", "saved-signin:" + name)
                .WithLinuxKeyring(KeyringSchema, MsalCacheHelper.LinuxKeyRingDefaultCollection, "DigitalChannels saved sign-in " + name,
                    new KeyValuePair<string, string>("application", "DigitalChannels"), new KeyValuePair<string, string>("signin", name))
                .Build();
        }

        public void Write(string name, byte[] data)
        {
            var storage = Storage.Create(PropertiesFor(name), Quiet);
            try
            {
                storage.WriteData(data);
            }
            catch (MsalCachePersistenceException ex)
            {
                throw new SecretStoreUnavailableException(Explain(Kind, ex), ex);
            }
        }

        public byte[] Read(string name)
        {
            try
            {
                var data = Storage.Create(PropertiesFor(name), Quiet).ReadData();
                return data == null || data.Length == 0 ? null : data;
            }
            catch (MsalCachePersistenceException ex)
            {
                throw new SecretStoreUnavailableException(Explain(Kind, ex), ex);
            }
        }

        public void Delete(string name)
        {
            Storage.Create(PropertiesFor(name), Quiet).Clear(ignoreExceptions: true);
            var file = Path.Combine(_folder, name + ".secret");
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
