using System;
using System.Security.Cryptography;
using System.Text;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>
    /// The structural rules of a Webex Connect <c>.workflow</c> export (platform facts §4): one line of lower-case hex
    /// whose decoded length is a whole, non-zero number of 256-byte blocks. The content is ciphertext that only Connect can
    /// read, so these checks are all that can be made. The client checks before uploading and the sandbox checks again
    /// what it receives, with this one definition.
    /// </summary>
    public static class WorkflowPayload
    {
        /// <summary>Decoded exports are whole cipher blocks of this many bytes.</summary>
        public const int BlockSize = 256;

        /// <summary>The largest payload accepted, in hex digits (4 MiB decoded; Cisco's exports are up to about 700 KB).</summary>
        public const int MaximumHexLength = 8 * 1024 * 1024;

        /// <summary>Why <paramref name="hex"/> is not a flow export, as a clause ("it is empty"); null when it is one.</summary>
        public static string FindProblem(string hex)
        {
            if (string.IsNullOrEmpty(hex)) return "it is empty";
            if (hex.Length > MaximumHexLength) return $"it has {hex.Length} hex digits; at most {MaximumHexLength} are accepted";
            for (var i = 0; i < hex.Length; i++)
            {
                var c = hex[i];
                if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) continue;
                if (c >= 'A' && c <= 'F')
                    return $"character {i + 1} is '{c}', an upper-case hex digit; exports are lower-case hex";
                return $"character {i + 1} is {Describe(c)}, not a hex digit (0-9, a-f)";
            }
            if (hex.Length % 2 != 0) return $"it has an odd number of hex digits ({hex.Length}), so it is not whole bytes";
            var bytes = hex.Length / 2;
            if (bytes % BlockSize != 0) return $"it decodes to {bytes} bytes, which is not a multiple of {BlockSize}";
            return null;
        }

        /// <summary>The error message for a bad payload: names the file (or says "the payload") and the reason.</summary>
        public static string Describe(string fileName, string problem) =>
            $"{(string.IsNullOrEmpty(fileName) ? "The payload" : $"'{fileName}'")} is not a Webex Connect flow export (.workflow): {problem}.";

        /// <summary>The decoded size in bytes of a valid payload.</summary>
        public static int DecodedLength(string hex) => (hex?.Length ?? 0) / 2;

        /// <summary>SHA-256 of the payload text (ASCII hex, as stored), lower-case hex: the identity of an export.</summary>
        public static string Sha256(string hex)
        {
            using (var sha = SHA256.Create())
            {
                return ToHex(sha.ComputeHash(Encoding.ASCII.GetBytes(hex ?? string.Empty)));
            }
        }

        internal static string ToHex(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes) builder.Append(b.ToString("x2"));
            return builder.ToString();
        }

        private static string Describe(char c) =>
            char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
    }
}
