using System;
using System.Net;
using System.Net.Sockets;

namespace DigitalChannels.Client.Http
{
    /// <summary>Tells a server that is not there from a connection that broke: only the second is worth a retry.</summary>
    public static class TransportFailure
    {
        /// <summary>
        /// True when nothing answers at the address: the connection was refused (nothing listens on the port) or the
        /// host name does not resolve. Waiting a few seconds does not change that, so the caller fails at once. Walks
        /// the inner exceptions: .NET wraps a SocketException in HttpRequestException, .NET Framework puts a
        /// WebException between them.
        /// </summary>
        public static bool IsUnreachable(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket &&
                    (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData))
                    return true;
                if (e is WebException web && web.Status == WebExceptionStatus.NameResolutionFailure) return true;
            }
            return false;
        }

        /// <summary>"connection refused" or "host not found", for messages.</summary>
        public static string Describe(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is SocketException socket)
                    return socket.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : "host not found";
                if (e is WebException web && web.Status == WebExceptionStatus.NameResolutionFailure) return "host not found";
            }
            return "not reachable";
        }

        /// <summary>The failure every caller raises for an unreachable server: the same message and target from the pipeline and from sign-in.</summary>
        public static WebexApiException Unreachable(string method, Uri uri, Exception inner)
        {
            var server = uri.GetLeftPart(UriPartial.Authority);
            var reason = Describe(inner);
            return new WebexApiException(
                $"The server at {server} cannot be reached ({reason}): nothing answers at that address. Is the sandbox running, and is the URL right?",
                WebexFailureKind.Unreachable, null, method, uri.AbsolutePath, reason, null, null, null, inner)
            { Target = server };
        }
    }
}
