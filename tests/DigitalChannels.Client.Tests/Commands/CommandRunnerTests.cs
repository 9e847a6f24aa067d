using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Commands;

public class CommandRunnerTests
{
    [Fact]
    public void Every_host_call_happens_on_the_calling_thread_even_after_thread_pool_continuations()
    {
        var host = new RecordingHost();
        var caller = Environment.CurrentManagedThreadId;

        CommandRunner.Run(host, "Test", async h =>
        {
            h.WriteVerbose("before");
            await Task.Delay(10).ConfigureAwait(false); // lands on the thread pool on purpose
            h.WriteObject(1);
            await Task.Run(() => h.WriteObject(2)); // a call made from a worker thread
            h.ShouldProcess("t", "a");
        });

        Assert.Equal(new object[] { 1, 2 }, host.Objects);
        Assert.Equal(new[] { caller }, host.ThreadsUsed);
    }

    [Fact]
    public void An_api_failure_becomes_a_non_terminating_error_with_id_and_category()
    {
        var host = new RecordingHost();
        var target = new object();

        CommandRunner.Run(host, "ConnectService", _ => throw Api(409, "A service named 'X' already exists.", "service.duplicate_name"), target);

        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectServiceAlreadyExists", error.ErrorId);
        Assert.Equal(CommandErrorCategory.ResourceExists, error.Category);
        Assert.Same(target, error.TargetObject);
        Assert.Contains("'X'", error.Message);
    }

    [Fact]
    public void Not_being_connected_ends_the_command()
    {
        var host = new RecordingHost();
        var ex = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(host, "ConnectService", _ => throw new NotConnectedException()));
        Assert.Equal("NotConnected", ex.Error.ErrorId);
        Assert.Equal(CommandErrorCategory.AuthenticationError, ex.Error.Category);
        Assert.Contains("Connect-DigitalChannels", ex.Error.Message);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void Cancellation_by_the_user_propagates_and_is_not_reported_as_an_error()
    {
        var host = new RecordingHost();
        host.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            CommandRunner.Run(host, "Test", async h => await Task.Delay(Timeout.Infinite, h.CancellationToken)));
        Assert.Empty(host.Errors);
    }

    private sealed class StoppedPipeline : Exception { }

    [Fact]
    public void An_exception_thrown_by_the_host_goes_back_to_it_unchanged_and_is_not_an_item_error()
    {
        var host = new ThrowingHost();
        Assert.Throws<StoppedPipeline>(() => CommandRunner.Run(host, "ConnectService", async h =>
        {
            await Task.Yield();
            h.WriteObject(1); // as PowerShell's WriteObject throws once Select-Object -First has what it wants
            h.WriteObject(2);
        }));
        Assert.Equal(1, host.Writes);
        Assert.Empty(host.Errors);
    }

    private sealed class ThrowingHost : ICommandHost
    {
        public int Writes;
        public List<CommandError> Errors { get; } = new();
        public CancellationToken CancellationToken => CancellationToken.None;
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) { Writes++; throw new StoppedPipeline(); }
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    [Fact]
    public void Pipeline_requests_are_reported_as_verbose_for_the_running_command_only()
    {
        var host = new RecordingHost();
        CommandRunner.Run(host, "Test", _ => { PipelineDiagnostics.Report("GET /x -> 200"); return Task.CompletedTask; });
        PipelineDiagnostics.Report("after the command");
        Assert.Equal(new[] { "GET /x -> 200" }, host.Verbose);
    }

    [Theory]
    [InlineData(400, "InvalidRequest", CommandErrorCategory.InvalidArgument)]
    [InlineData(401, "Unauthorized", CommandErrorCategory.AuthenticationError)]
    [InlineData(403, "PermissionDenied", CommandErrorCategory.PermissionDenied)]
    [InlineData(404, "NotFound", CommandErrorCategory.ObjectNotFound)]
    [InlineData(409, "Conflict", CommandErrorCategory.InvalidOperation)]
    [InlineData(412, "PreconditionFailed", CommandErrorCategory.InvalidOperation)]
    [InlineData(423, "Locked", CommandErrorCategory.InvalidOperation)]
    [InlineData(429, "RateLimited", CommandErrorCategory.LimitsExceeded)]
    [InlineData(500, "ServerError", CommandErrorCategory.ResourceUnavailable)]
    [InlineData(503, "ServerError", CommandErrorCategory.ResourceUnavailable)]
    public void Http_statuses_map_to_stable_ids_and_categories(int status, string reason, CommandErrorCategory category)
    {
        var error = CommandErrors.From("ConnectService", Api(status, "m"), null);
        Assert.Equal("ConnectService" + reason, error.ErrorId);
        Assert.Equal(category, error.Category);
    }

    [Fact]
    public void Timeouts_transport_failures_and_missing_apis_have_their_own_ids()
    {
        var timeout = new WebexApiException("t", WebexFailureKind.Timeout, null, "GET", "/x", null, null, null, null);
        Assert.Equal(CommandErrorCategory.OperationTimeout, CommandErrors.From("N", timeout, null).Category);

        var transport = new WebexApiException("t", WebexFailureKind.Transport, null, "GET", "/x", null, null, null, null);
        Assert.Equal(("NConnectionFailed", CommandErrorCategory.ConnectionError), (CommandErrors.From("N", transport, null).ErrorId, CommandErrors.From("N", transport, null).Category));
        Assert.True(CommandErrors.EndsCommand(transport));

        var missing = CommandErrors.From("ConnectService", new NoPublicApiException("Creating a Connect service", "Webex Connect portal > Services"), null);
        Assert.Equal("ConnectServiceNoPublicApi", missing.ErrorId);
        Assert.Equal(CommandErrorCategory.NotImplemented, missing.Category);
        Assert.Contains("Webex Connect portal > Services", missing.Message);
    }

    [Fact]
    public void A_rate_limit_error_recommends_the_wait_the_server_asked_for()
    {
        var api = new WebexApiException("m", WebexFailureKind.HttpStatus, 429, "GET", "/x", null, null, null, TimeSpan.FromSeconds(42));
        Assert.Contains("42 s", CommandErrors.From("N", api, null).RecommendedAction);
    }

    private static WebexApiException Api(int status, string message, string? reason = null) =>
        new(message, WebexFailureKind.HttpStatus, status, "POST", "/x", message, reason, "track", null) { Reason = reason };
}
