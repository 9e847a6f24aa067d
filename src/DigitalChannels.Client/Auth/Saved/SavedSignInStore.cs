using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using DigitalChannels.Client.Commands;
using Microsoft.Identity.Client.Extensions.Msal;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Auth.Saved
{
    /// <summary>
    /// The saved sign-ins of the current user: a folder with one plain <c>NAME.json</c> (<see cref="SavedSignIn"/>, no
    /// secret) per sign-in; the client secret and the refresh token go to the <see cref="ISecretProtector"/> that the
    /// JSON names. Default folder: %LOCALAPPDATA%\DigitalChannels\SignIns, ~/.local/share/DigitalChannels/SignIns,
    /// ~/Library/Application Support/DigitalChannels/SignIns; <see cref="FolderVariable"/> overrides it.
    /// </summary>
    public sealed class SavedSignInStore
    {
        public const string FolderVariable = "DIGITALCHANNELS_SAVED_SIGNINS";
        public const string AllowUnencryptedVariable = "DIGITALCHANNELS_ALLOW_UNENCRYPTED_SIGNIN";

        private static readonly Regex ValidName = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant);
        private static readonly JsonSerializerSettings Json = new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore, Formatting = Formatting.Indented };
        private readonly Func<string, string, ISecretProtector> _openProtector;

        /// <param name="folder">The folder; <see cref="DefaultFolder"/> when null.</param>
        /// <param name="openProtector">Test hook: (folder, kind) to a protector; <see cref="MsalSecretProtector.Open"/> when null.</param>
        public SavedSignInStore(string folder = null, Func<string, string, ISecretProtector> openProtector = null)
        {
            Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? DefaultFolder : folder);
            _openProtector = openProtector ?? MsalSecretProtector.Open;
        }

        public string Folder { get; }

        public static string DefaultFolder
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable(FolderVariable);
                if (!string.IsNullOrWhiteSpace(overridden)) return overridden;
                var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(local)) local = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
                return Path.Combine(local, "DigitalChannels", "SignIns");
            }
        }

        /// <summary>True when the user or the environment (<see cref="AllowUnencryptedVariable"/>=1 or true) accepts an unencrypted owner-only file.</summary>
        public static bool UnencryptedAllowed(bool switchGiven)
        {
            if (switchGiven) return true;
            var value = Environment.GetEnvironmentVariable(AllowUnencryptedVariable);
            return value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Refuses a name that could not be a file name on every system; the message names it.</summary>
        public static string CheckName(string name)
        {
            if (name == null || !ValidName.IsMatch(name))
                throw new ArgumentException($"'{name}' is not a valid connection name: use 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit.", "Name");
            return name;
        }

        /// <summary>
        /// The protector for a new saved sign-in, checked with a write and a read before anyone signs in: the platform's
        /// encrypted store, else (only when allowed) an owner-only file, else a <see cref="SecretStoreUnavailableException"/>.
        /// </summary>
        public ISecretProtector OpenProtector(bool allowUnencrypted)
        {
            EnsureFolder();
            try
            {
                return _openProtector(Folder, null);
            }
            catch (SecretStoreUnavailableException) when (allowUnencrypted)
            {
                return _openProtector(Folder, SecretProtection.UnencryptedFile);
            }
        }

        public IReadOnlyList<SavedSignIn> List()
        {
            if (!Directory.Exists(Folder)) return new SavedSignIn[0];
            var list = new List<SavedSignIn>();
            foreach (var file in Directory.GetFiles(Folder, "*.json").OrderBy(f => f, StringComparer.OrdinalIgnoreCase))
            {
                var info = ReadInfo(file);
                if (info != null) list.Add(info);
            }
            return list;
        }

        /// <summary>The saved sign-in of that name (case-insensitive), or null.</summary>
        public SavedSignIn Find(string name)
        {
            if (name == null || !ValidName.IsMatch(name)) return null;
            var file = InfoPath(name);
            return File.Exists(file) ? ReadInfo(file) : null;
        }

        /// <summary>Saves (or replaces) a sign-in: the secrets through the protector, then the plain description.</summary>
        public void Save(SavedSignIn info, string clientSecret, string refreshToken, ISecretProtector protector)
        {
            if (info == null) throw new ArgumentNullException(nameof(info));
            if (protector == null) throw new ArgumentNullException(nameof(protector));
            CheckName(info.Name);
            EnsureFolder();
            info.Protection = protector.Kind;
            using (LockFor(info.Name))
            {
                protector.Write(info.Name, Serialize(new SavedSecrets { ClientSecret = clientSecret, RefreshToken = refreshToken }));
                WriteInfo(info);
            }
        }

        /// <summary>The description and the secrets of a saved sign-in; a not-found error naming the folder when there is none.</summary>
        internal (SavedSignIn Info, SavedSecrets Secrets) Read(string name)
        {
            var info = Find(name) ?? throw NotFound(name);
            var secrets = ReadSecrets(info) ?? throw new InvalidDataException(
                $"The saved sign-in '{info.Name}' has no secrets in its store ({info.Protection}) any more. Sign in again with -Save -Name {info.Name}, or forget it: Disconnect-DigitalChannels -Name {info.Name} -Forget.");
            return (info, secrets);
        }

        private SavedSecrets ReadSecrets(SavedSignIn info)
        {
            var data = _openProtector(Folder, info.Protection).Read(info.Name);
            if (data == null) return null;
            try
            {
                return JsonConvert.DeserializeObject<SavedSecrets>(Encoding.UTF8.GetString(data));
            }
            catch (JsonException)
            {
                throw new InvalidDataException($"The secrets of the saved sign-in '{info.Name}' cannot be read. Sign in again with -Save -Name {info.Name}.");
            }
        }

        /// <summary>Removes a saved sign-in, its secrets first; false when there was none.</summary>
        public bool Forget(string name)
        {
            var info = Find(name);
            if (info == null) return false;
            using (LockFor(info.Name))
            {
                try
                {
                    _openProtector(Folder, info.Protection).Delete(info.Name);
                }
                catch (SecretStoreUnavailableException)
                {
                    // The keyring is out of reach: still forget the description, so the name is free; the entry is inert without it.
                }
                File.Delete(InfoPath(info.Name));
            }
            return true;
        }

        /// <summary>Keeps every refresh of that sign-in in the saved copy (<see cref="RefreshTokenSource.Keeper"/>).</summary>
        public ISignInKeeper KeeperFor(string name) => new Keeper(this, CheckName(name));

        internal static IdentityNotFoundException NotFound(string name) => new IdentityNotFoundException(
            $"There is no saved sign-in named '{name}'. Get-DigitalChannelsConnection -ListAvailable lists them; Connect-DigitalChannels -Interactive -Save -Name {name} saves one.", name);

        private string InfoPath(string name) => Path.Combine(Folder, name + ".json");

        /// <summary>Across processes: two that refresh the same sign-in at once would present one refresh token twice.</summary>
        private IDisposable LockFor(string name) => new CrossPlatLock(Path.Combine(Folder, name + ".lock"), 100, 600);

        private void EnsureFolder()
        {
            if (Directory.Exists(Folder)) return;
            Directory.CreateDirectory(Folder);
            // The folder lists which tenants this user administers: the user's alone on Unix too.
            if (!SharedUtilities.IsWindowsPlatform()) OwnerOnly.Directory(Folder);
        }

        private static SavedSignIn ReadInfo(string file)
        {
            try
            {
                var info = JsonConvert.DeserializeObject<SavedSignIn>(File.ReadAllText(file), Json);
                return info != null && info.Name != null && ValidName.IsMatch(info.Name) ? info : null;
            }
            catch (Exception ex) when (ex is JsonException || ex is IOException)
            {
                return null;
            }
        }

        private void WriteInfo(SavedSignIn info)
        {
            var path = InfoPath(info.Name);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonConvert.SerializeObject(info, Json));
            if (File.Exists(path)) File.Delete(path);
            File.Move(temporary, path);
        }

        private static byte[] Serialize(SavedSecrets secrets) => Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(secrets));

        private sealed class Unlocked : IDisposable
        {
            public void Dispose() { }
        }

        private sealed class Keeper : ISignInKeeper
        {
            private readonly SavedSignInStore _store;
            private readonly string _name;

            public Keeper(SavedSignInStore store, string name)
            {
                _store = store;
                _name = name;
            }

            public IDisposable Lock(out string keptRefreshToken)
            {
                keptRefreshToken = null;
                // Forgotten (or its folder deleted) meanwhile: nothing to lock or read; the refresh goes on in memory.
                if (_store.Find(_name) == null) return new Unlocked();
                var held = _store.LockFor(_name);
                try
                {
                    var info = _store.Find(_name);
                    keptRefreshToken = info == null ? null : _store.ReadSecrets(info)?.RefreshToken;
                }
                catch
                {
                    held.Dispose();
                    throw;
                }
                return held;
            }

            public void Keep(SignInTokens tokens)
            {
                // Forgotten meanwhile (Disconnect-DigitalChannels -Forget): stays forgotten.
                var info = _store.Find(_name);
                if (info == null) return;
                var protector = _store._openProtector(_store.Folder, info.Protection);
                var secrets = _store.ReadSecrets(info) ?? new SavedSecrets();
                secrets.RefreshToken = tokens.RefreshToken;
                protector.Write(_name, Serialize(secrets));
                info.RefreshedOn = DateTimeOffset.UtcNow;
                info.RefreshTokenExpiresOn = tokens.RefreshTokenExpiresOn ?? info.RefreshTokenExpiresOn;
                _store.WriteInfo(info);
            }
        }
    }

    /// <summary>chmod through libc: netstandard2.0 has no File.SetUnixFileMode.</summary>
    internal static class OwnerOnly
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        private static extern int Chmod(string path, int mode);

        public static void Directory(string path)
        {
            try
            {
                Chmod(path, 0x1C0); // 0700
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                // No libc by that name: the folder keeps the umask's mode; the secrets have their own protection.
            }
        }
    }
}
