using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Lab;

namespace DigitalChannels.Client.Tests.Http;

#pragma warning disable SYSLIB0014 // ServicePointManager: what .NET Framework (Windows PowerShell 5.1) reads.

/// <summary>What Windows PowerShell 5.1 gets from the handlers (the decisions run here; the Pester suite sees them on 5.1).</summary>
public class HttpHandlerFactoryTests
{
    [Fact]
    public void On_NET_Framework_the_handler_allows_more_connections_per_host_than_the_runner_runs_pods()
    {
        using var handler = HttpHandlerFactory.Create(netFramework: true);
        Assert.Equal(HttpHandlerFactory.NetFrameworkConnectionLimit, handler.MaxConnectionsPerServer);
        Assert.True(handler.MaxConnectionsPerServer >= 4 * LabCommands.DefaultThrottleLimit,
            "The runner's default -ThrottleLimit would queue behind the connection limit.");
    }

    [Fact]
    public void On_NET_the_handler_keeps_the_runtime_defaults()
    {
        using var plain = new HttpClientHandler();
        using var handler = HttpHandlerFactory.Create(netFramework: false);
        Assert.Equal(plain.MaxConnectionsPerServer, handler.MaxConnectionsPerServer);
        Assert.Equal(plain.SslProtocols, handler.SslProtocols);
    }

    [Theory]
    [InlineData(SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls, SecurityProtocolType.Ssl3 | SecurityProtocolType.Tls | SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls11, SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls12, SecurityProtocolType.Tls12)]
    [InlineData(SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13, SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13)]
    [InlineData(SecurityProtocolType.Tls13, SecurityProtocolType.Tls13 | SecurityProtocolType.Tls12)]
    [InlineData((SecurityProtocolType)0, (SecurityProtocolType)0)] // SystemDefault: the OS offers TLS 1.2 and later
    public void TLS_1_2_is_added_to_an_explicit_list_and_nothing_is_taken_away(SecurityProtocolType before, SecurityProtocolType after)
    {
        Assert.Equal(after, HttpHandlerFactory.WithTls12(before));
    }

    [Fact]
    public void On_NET_Framework_making_a_handler_adds_TLS_1_2_to_the_process_protocols()
    {
        var saved = ServicePointManager.SecurityProtocol;
        try
        {
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls11;
            using (HttpHandlerFactory.Create(netFramework: true)) { }
            Assert.Equal(SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12, ServicePointManager.SecurityProtocol);
        }
        finally
        {
            ServicePointManager.SecurityProtocol = saved;
        }
    }

    [Fact]
    public void This_test_host_is_not_NET_Framework()
    {
        Assert.False(HttpHandlerFactory.IsNetFramework);
    }
}
