using System;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Auth
{
    /// <summary>Gives the HTTP pipeline a bearer token for each request; the one seam between auth and HTTP.</summary>
    public interface IAccessTokenSource
    {
        /// <summary>"ClientCredentials", "RefreshToken" or "AccessToken": what the connection shows, never the secret.</summary>
        string Method { get; }

        /// <summary>False for a token given as is: after a 401 there is nothing to refresh it with.</summary>
        bool CanRefresh { get; }

        /// <summary>When the last token handed out expires, when known.</summary>
        DateTimeOffset? ExpiresOn { get; }

        /// <summary>A valid token, from cache when it has time left; <paramref name="forceRefresh"/> after a 401.</summary>
        Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
    }
}
