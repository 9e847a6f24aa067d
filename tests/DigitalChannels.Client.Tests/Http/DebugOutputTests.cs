using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

/// <summary>-Debug: each request and response through the host's debug stream, redacted, on the pipeline thread.</summary>
public class DebugOutputTests
{
    private const string Org = "org-1";
    private const string Token = "debug-test-access-token-0123456789";
    private const string Secret = "c2VjcmV0LXZhbHVlLW5ldmVyLXNob3du";
    private const string ServiceId = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private static StubHandler Server() => new((request, _, _) =>
    {
        var path = request.RequestUri!.AbsolutePath;
        void Tracking(HttpResponseMessage r) => r.Headers.Add("TrackingID", "sandbox_" + path.Length);
        if (path.EndsWith("/credentials"))
            return StubHandler.Json(HttpStatusCode.OK, $"{{\"serviceId\":\"{ServiceId}\",\"serviceSecret\":\"{Secret}\"}}", Tracking);
        return StubHandler.Json(HttpStatusCode.OK, $"{{\"id\":\"{ServiceId}\",\"organizationId\":\"{Org}\",\"name\":\"Lab A\",\"locked\":false,\"version\":0}}", Tracking);
    });

    private static Task<DigitalChannelsConnection> Connect(StubHandler handler) =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = Org,
            AccessToken = Token,
            HttpMessageHandler = handler,
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None);

    [Fact]
    public async Task Debug_shows_each_request_and_response_with_status_time_and_tracking_id_and_never_a_secret()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost { IsDebugEnabled = true };

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.GetAsync(h, connection, ServiceId, null, includeSecret: true));

        Assert.Empty(host.Errors);
        var url = $"http://sandbox.test/connect/v1/organization/{Org}/services/{ServiceId}";
        Assert.Contains(host.Debug, d => d.StartsWith($"HTTP GET {url} (attempt 1)", StringComparison.Ordinal));
        Assert.Contains(host.Debug, d => System.Text.RegularExpressions.Regex.IsMatch(d,
            $@"^HTTP 200 OK for GET {System.Text.RegularExpressions.Regex.Escape(url)} in \d+ ms; TrackingID sandbox_\d+"));
        var credentials = Assert.Single(host.Debug, d => d.StartsWith("HTTP 200 OK for GET " + url + "/credentials", StringComparison.Ordinal));
        Assert.Contains("response body: {\"serviceId\":\"" + ServiceId + "\",\"serviceSecret\":\"***\"}", credentials);
        Assert.All(host.Debug, d =>
        {
            Assert.DoesNotContain(Secret, d);
            Assert.DoesNotContain(Token, d);
        });
        Assert.Equal(4, host.Debug.Count); // two requests, two responses
    }

    [Fact]
    public async Task Without_debug_nothing_is_written_to_the_debug_stream()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.GetAsync(h, connection, ServiceId, null, includeSecret: false));

        Assert.Single(host.Objects);
        Assert.Empty(host.Debug);
    }

    [Fact]
    public async Task Requests_made_on_worker_threads_reach_the_host_on_the_pipeline_thread()
    {
        using var connection = await Connect(Server());
        var host = new RecordingHost { IsDebugEnabled = true };
        var pipelineThread = Environment.CurrentManagedThreadId;

        // Three requests at once from the thread pool, as the lab's parallel pods make them.
        CommandRunner.Run(host, ConnectServiceCommands.Noun, async h =>
        {
            var reads = Enumerable.Range(0, 3).Select(_ => Task.Run(() => connection.ConnectServices.GetAsync(ServiceId, h.CancellationToken)));
            await Task.WhenAll(reads).ConfigureAwait(false);
        });

        Assert.Empty(host.Errors);
        Assert.Equal(6, host.Debug.Count);
        Assert.Equal(new[] { pipelineThread }, host.ThreadsUsed);
    }
}
