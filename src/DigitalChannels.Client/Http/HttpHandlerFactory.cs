using System;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// The one place the real HTTP handlers are made (the API pipeline's and MSAL's), so that both editions behave alike.
    /// On .NET Framework (Windows PowerShell 5.1) two defaults would hurt: powershell.exe offers only SSL 3 and TLS 1.0
    /// unless told otherwise, and since .NET Framework 4.7.1 HttpClient keeps at most 2 connections per host, loopback
    /// sandboxes included, which would queue the lab runner's -ThrottleLimit 8 pods behind two sockets.
    /// .NET (PowerShell 7) already negotiates the best TLS the OS offers and has no connection limit: nothing is changed there.
    /// </summary>
    public static class HttpHandlerFactory
    {
        /// <summary>Connections per host on .NET Framework: as many as the lab cmdlets' largest -ThrottleLimit (64 pods against one host).</summary>
        public const int NetFrameworkConnectionLimit = 64;

        private const SecurityProtocolType SystemDefault = 0;

        /// <summary>True on .NET Framework, i.e. in Windows PowerShell 5.1.</summary>
        public static bool IsNetFramework { get; } =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>A handler for this runtime; the caller owns it.</summary>
        public static HttpClientHandler Create() => Create(IsNetFramework);

        internal static HttpClientHandler Create(bool netFramework)
        {
            var handler = new HttpClientHandler();
            if (netFramework)
            {
                // ServicePointManager is process-wide, so TLS 1.2 is only ever added, never anything taken away from
                // what other modules in the session rely on.
                ServicePointManager.SecurityProtocol = WithTls12(ServicePointManager.SecurityProtocol);
                // Per handler, not ServicePointManager.DefaultConnectionLimit: other modules' limits stay theirs.
                try
                {
                    handler.MaxConnectionsPerServer = NetFrameworkConnectionLimit;
                }
                catch (PlatformNotSupportedException)
                {
                    // A framework whose handler lacks the property: raise the process default instead (never lower it).
                    ServicePointManager.DefaultConnectionLimit = Math.Max(ServicePointManager.DefaultConnectionLimit, NetFrameworkConnectionLimit);
                }
            }
            return handler;
        }

        /// <summary>
        /// The protocols with TLS 1.2 added when they are an explicit list without it. SystemDefault (0) is left alone:
        /// there the OS chooses, and it offers TLS 1.2 and later.
        /// </summary>
        internal static SecurityProtocolType WithTls12(SecurityProtocolType current)
        {
            if (current == SystemDefault || (current & SecurityProtocolType.Tls12) != 0) return current;
            return current | SecurityProtocolType.Tls12;
        }
    }
}
