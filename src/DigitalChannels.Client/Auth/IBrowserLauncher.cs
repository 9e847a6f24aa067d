using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DigitalChannels.Client.Auth
{
    /// <summary>Opens the sign-in page for the administrator. Tests substitute one that drives a headless browser.</summary>
    public interface IBrowserLauncher
    {
        void Open(Uri url);
    }

    /// <summary>
    /// The system browser: the shell's handler on Windows, <c>open</c> on macOS, <c>xdg-open</c> elsewhere. When the
    /// environment variable <see cref="CommandVariable"/> names a program, that program gets the URL as its only
    /// argument instead (a browser of the user's choice, or a test's driver for pwsh, where no object can be passed in).
    /// </summary>
    public sealed class SystemBrowserLauncher : IBrowserLauncher
    {
        public const string CommandVariable = "DIGITALCHANNELS_BROWSER";

        public static readonly SystemBrowserLauncher Instance = new SystemBrowserLauncher();

        public void Open(Uri url)
        {
            if (url == null) throw new ArgumentNullException(nameof(url));
            var command = Environment.GetEnvironmentVariable(CommandVariable);
            ProcessStartInfo start;
            if (!string.IsNullOrWhiteSpace(command)) start = new ProcessStartInfo(command.Trim(), Quote(url.AbsoluteUri)) { UseShellExecute = false };
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) start = new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true };
            else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX)) start = new ProcessStartInfo("open", Quote(url.AbsoluteUri)) { UseShellExecute = false };
            else start = new ProcessStartInfo("xdg-open", Quote(url.AbsoluteUri)) { UseShellExecute = false };
            try
            {
                using (Process.Start(start)) { }
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException)
            {
                // The URL itself carries nothing secret (PKCE keeps the verifier here), so it may be shown for a manual open.
                throw new InvalidOperationException($"No browser could be started ({start.FileName}: {ex.Message}). Open {url.AbsoluteUri} yourself, or use -DeviceCode.", ex);
            }
        }

        private static string Quote(string url) => "\"" + url.Replace("\"", "%22") + "\"";
    }
}
