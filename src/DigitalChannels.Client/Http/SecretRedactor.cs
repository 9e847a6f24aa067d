using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// Removes secrets from any text that may reach a user, a log or an exception: the values registered with it
    /// (client secrets, access tokens, service secrets) and anything shaped like a bearer token, a JWT or a
    /// secret-named form or JSON field.
    /// </summary>
    public sealed class SecretRedactor
    {
        public const string Mask = "***";

        private static readonly Regex[] Patterns =
        {
            new Regex(@"(?i)\bbearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.Compiled),
            new Regex(@"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*", RegexOptions.Compiled),
            new Regex(@"(?i)(""?(?:client_secret|clientSecret|access_token|accessToken|refresh_token|refreshToken|serviceSecret|password)""?\s*[:=]\s*""?)([^""&\s,}]+)", RegexOptions.Compiled),
        };

        private readonly object _gate = new object();
        private string[] _secrets = new string[0];

        /// <summary>Registers a value that must never be shown. Short values are ignored: masking them would garble ordinary text.</summary>
        public void Add(string secret)
        {
            if (string.IsNullOrEmpty(secret) || secret.Length < 6) return;
            lock (_gate)
            {
                if (_secrets.Contains(secret, StringComparer.Ordinal)) return;
                // Longest first, so a secret that contains another is masked whole.
                _secrets = _secrets.Concat(new[] { secret }).OrderByDescending(s => s.Length).ToArray();
            }
        }

        public string Redact(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            foreach (var secret in _secrets) text = text.Replace(secret, Mask);
            text = Patterns[0].Replace(text, "Bearer " + Mask);
            text = Patterns[1].Replace(text, Mask);
            text = Patterns[2].Replace(text, m => m.Groups[1].Value + Mask);
            return text;
        }
    }
}
