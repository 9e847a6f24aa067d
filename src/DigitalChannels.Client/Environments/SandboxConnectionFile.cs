using System;
using System.IO;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Environments
{
    /// <summary>
    /// The <c>connection.json</c> file that the sandbox writes into its data folder on every start and that
    /// <c>Connect-DigitalChannels</c>, curl users and Postman read. Writer and readers share this one definition.
    /// </summary>
    public sealed class SandboxConnectionFile
    {
        public const string FileName = "connection.json";

        /// <summary>The sandbox's default URL when started without <c>--urls</c>.</summary>
        public const string DefaultBaseUrl = "http://127.0.0.1:7800";

        /// <summary>Environment variable that overrides the default data folder for the sandbox and the module alike.</summary>
        public const string DataDirectoryVariable = "DIGITALCHANNELS_SANDBOX_DATA";

        /// <summary>
        /// The default tenant's well-known identifiers, like Azurite's well-known account: the same on every machine,
        /// so that scripts, docs and tests can name them. They protect nothing; the sandbox listens on loopback.
        /// </summary>
        public static class WellKnown
        {
            public const string OrganizationId = "8d5e3c1a-4b2f-4e6d-9a7b-1c2d3e4f5a6b";
            public const string ClientId = "C3b58e7ad1b914e7a36482a5e14231b33d8fa42ec8b8bd2c13201f2d4f6ac3def";
            public const string ClientSecret = "31480374f7256ac9d7330c3c369fd32f0c71c0a965bd457e08f980452dfa9daf";
            public const string OwnerEmail = "owner@sandbox.digitalchannels.test";

            /// <summary>The Owner's password on the sign-in pages (/v1/authorize, /v1/device/verify); stored only as a hash.</summary>
            public const string OwnerPassword = "Sandbox-Owner-2026";
        }

        [JsonProperty("baseUrl")] public string BaseUrl { get; set; }
        [JsonProperty("orgId")] public string OrgId { get; set; }
        [JsonProperty("clientId")] public string ClientId { get; set; }
        [JsonProperty("clientSecret")] public string ClientSecret { get; set; }

        /// <summary>The default tenant Owner's sign-in, for the authorization-code and device flows (absent in files of older sandboxes).</summary>
        [JsonProperty("ownerEmail", NullValueHandling = NullValueHandling.Ignore)] public string OwnerEmail { get; set; }
        [JsonProperty("ownerPassword", NullValueHandling = NullValueHandling.Ignore)] public string OwnerPassword { get; set; }

        /// <summary>The per-user default data folder: %LOCALAPPDATA%\DigitalChannels\Sandbox or ~/.local/share/DigitalChannels/Sandbox.</summary>
        public static string DefaultDataDirectory
        {
            get
            {
                var fromEnvironment = Environment.GetEnvironmentVariable(DataDirectoryVariable);
                if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
                var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
                if (string.IsNullOrEmpty(root)) root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
                return Path.Combine(root, "DigitalChannels", "Sandbox");
            }
        }

        public static string DefaultPath => Path.Combine(DefaultDataDirectory, FileName);

        /// <summary>Reads and checks a connection file; every problem names the file and the missing or bad value.</summary>
        public static SandboxConnectionFile Read(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The sandbox connection file path is empty.", nameof(path));
            if (Directory.Exists(path)) path = Path.Combine(path, FileName);
            if (!File.Exists(path))
                throw new FileNotFoundException($"The sandbox connection file '{path}' does not exist. Start the sandbox (dotnet run --project src/DigitalChannels.Sandbox) or name its data folder.", path);

            SandboxConnectionFile file;
            try
            {
                file = JsonConvert.DeserializeObject<SandboxConnectionFile>(File.ReadAllText(path));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"The sandbox connection file '{path}' is not valid JSON: {ex.Message}", ex);
            }
            if (file == null) throw new InvalidDataException($"The sandbox connection file '{path}' is empty.");
            Require(path, "baseUrl", file.BaseUrl);
            Require(path, "orgId", file.OrgId);
            Require(path, "clientId", file.ClientId);
            Require(path, "clientSecret", file.ClientSecret);
            if (!Uri.TryCreate(file.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                throw new InvalidDataException($"The sandbox connection file '{path}' has baseUrl '{file.BaseUrl}', which is not an absolute http(s) URL.");
            return file;
        }

        /// <summary>Writes the file atomically (temporary file, then rename), so a reader never sees half of it.</summary>
        public void Write(string path)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            Directory.CreateDirectory(directory);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonConvert.SerializeObject(this, Formatting.Indented));
            if (File.Exists(path)) File.Delete(path);
            File.Move(temporary, path);
        }

        private static void Require(string path, string key, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
                throw new InvalidDataException($"The sandbox connection file '{path}' has no '{key}'.");
        }
    }
}
