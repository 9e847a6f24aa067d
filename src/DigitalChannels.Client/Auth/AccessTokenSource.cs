using System;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Auth
{
    /// <summary>A token the caller already holds (a personal or service-app token). It cannot be refreshed.</summary>
    public sealed class AccessTokenSource : IAccessTokenSource
    {
        private readonly string _token;

        public AccessTokenSource(string accessToken, DateTimeOffset? expiresOn = null)
        {
            if (string.IsNullOrWhiteSpace(accessToken)) throw new ArgumentException("The access token is empty.", nameof(accessToken));
            _token = accessToken.Trim();
            ExpiresOn = expiresOn;
        }

        public string Method => "AccessToken";
        public bool CanRefresh => false;
        public DateTimeOffset? ExpiresOn { get; }

        public Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult(_token);

        public override string ToString() => "AccessToken";
    }
}
