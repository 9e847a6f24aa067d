using DigitalChannels.Client.Auth;

namespace DigitalChannels.Client.Tests.Infrastructure;

/// <summary>Hands out "token-1", "token-2", … : a new one on every forced refresh.</summary>
public sealed class CountingTokenSource : IAccessTokenSource
{
    private int _issued = 1;
    public string Method => "Test";
    public bool CanRefresh { get; init; } = true;
    public DateTimeOffset? ExpiresOn => null;
    public int Refreshes { get; private set; }

    public Task<string> GetAccessTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (forceRefresh) { Refreshes++; _issued++; }
        return Task.FromResult("token-" + _issued);
    }
}
