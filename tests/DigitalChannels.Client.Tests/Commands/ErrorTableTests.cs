using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;
using Microsoft.Identity.Client;

namespace DigitalChannels.Client.Tests.Commands;

public class ErrorTableTests
{
    public static TheoryData<string> ServerReasons() => new(ErrorTable.ServerReasons.Select(r => r.Reason));

    /// <summary>Every reason of the table gives its own row's id, category, action and kind, whatever the status says.</summary>
    [Theory]
    [MemberData(nameof(ServerReasons))]
    public void Each_server_reason_maps_to_its_id_category_and_action(string reason)
    {
        var rule = ErrorTable.ForReason(reason)!;
        // 418 on purpose: the status fallback would say RequestFailed, so only the reason can give the row's id.
        var api = Api(418, reason);

        var error = CommandErrors.From("ConnectTeammate", api, "piped");

        Assert.Equal("ConnectTeammate" + rule.Suffix, error.ErrorId);
        Assert.Equal(rule.Category, error.Category);
        Assert.Equal(rule.RecommendedAction, error.RecommendedAction);
        Assert.Equal(rule.EndsCommand, CommandErrors.EndsCommand(api));
        Assert.False(string.IsNullOrWhiteSpace(rule.RecommendedAction), $"{reason} has no recommended action");
    }

    [Fact]
    public void The_table_has_one_row_per_reason_and_every_row_an_action()
    {
        var reasons = ErrorTable.ServerReasons.Select(r => r.Reason.ToLowerInvariant()).ToList();
        Assert.Equal(reasons.Count, reasons.Distinct().Count());
        Assert.All(ErrorTable.StatusFallbacks.Concat(ErrorTable.ClientConditions), r => Assert.False(string.IsNullOrWhiteSpace(r.RecommendedAction), r.ToString()));
    }

    [Fact]
    public void Decrypt_logs_for_a_teammate_who_has_not_joined_is_NotActive_not_AlreadyExists()
    {
        var api = Api(409, "teammate.not_active", target: "admin2@example.com");

        var error = CommandErrors.From("DecryptLogs", api, new object());

        Assert.Equal("DecryptLogsNotActive", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidOperation, error.Category);
        Assert.Equal("admin2@example.com", error.TargetObject);
        Assert.Contains("accepts the invitation", error.RecommendedAction);
    }

    [Theory]
    [InlineData("flow.not_saved", "ConnectFlowNotSaved")]
    [InlineData("flow.not_ready", "ConnectFlowHasFindings")]
    [InlineData("flow.agnostic_kind_exists", "ConnectFlowAlreadyExists")]
    [InlineData("service.duplicate_name", "ConnectFlowAlreadyExists")]
    [InlineData("service.locked", "ConnectFlowLocked")]
    public void A_409_or_423_is_named_by_its_reason(string reason, string id) =>
        Assert.Equal(id, CommandErrors.From("ConnectFlow", Api(reason == "service.locked" ? 423 : 409, reason), null).ErrorId);

    [Fact]
    public void Only_a_role_refusal_is_Forbidden_and_its_action_speaks_of_roles()
    {
        var role = CommandErrors.From("DecryptLogs", Api(403, "role.forbidden"), null);
        Assert.Equal(("DecryptLogsForbidden", CommandErrorCategory.PermissionDenied), (role.ErrorId, role.Category));
        Assert.Contains("role", role.RecommendedAction);

        var owner = CommandErrors.From("ConnectTeammate", Api(403, "owner.not_self_service", target: "Owner"), null);
        Assert.Equal(("ConnectTeammateInvalidValue", CommandErrorCategory.InvalidArgument), (owner.ErrorId, owner.Category));
        Assert.Equal("Owner", owner.TargetObject);
        Assert.DoesNotContain("account whose role", owner.RecommendedAction);

        var scope = CommandErrors.From("ConnectService", Api(403, "scope.missing"), null);
        Assert.Equal("ConnectServiceScopeMissing", scope.ErrorId);
        Assert.DoesNotContain("role", scope.RecommendedAction);
    }

    [Theory]
    [InlineData(409, "Conflict", CommandErrorCategory.InvalidOperation)]
    [InlineData(403, "PermissionDenied", CommandErrorCategory.PermissionDenied)]
    [InlineData(400, "InvalidRequest", CommandErrorCategory.InvalidArgument)]
    [InlineData(502, "ServerError", CommandErrorCategory.ResourceUnavailable)]
    public void An_unknown_or_missing_reason_falls_back_to_the_status(int status, string suffix, CommandErrorCategory category)
    {
        foreach (var reason in new[] { null, "some.future_reason" })
        {
            var error = CommandErrors.From("WxccSite", Api(status, reason), null);
            Assert.Equal(("WxccSite" + suffix, category), (error.ErrorId, error.Category));
        }
    }

    [Fact]
    public async Task The_contact_center_reason_text_decides_in_error_reason_or_in_the_description()
    {
        var inReason = await FailWith(HttpStatusCode.Conflict,
            "{\"trackingId\":\"ccconfig_1\",\"error\":{\"key\":\"409\",\"reason\":\"Similar entity is already present\",\"message\":[{\"description\":\"A site named 'Site' exists.\"}]}}");
        Assert.Equal("Similar entity is already present", inReason.Reason);
        Assert.Equal("WxccSiteAlreadyExists", CommandErrors.From("WxccSite", inReason, null).ErrorId);

        var inDescription = await FailWith(HttpStatusCode.Conflict,
            "{\"trackingId\":\"ccconfig_2\",\"error\":{\"key\":\"409\",\"reason\":\"Conflict\",\"message\":[{\"description\":\"Similar entity is already present.\"}]}}");
        Assert.Equal("WxccSiteAlreadyExists", CommandErrors.From("WxccSite", inDescription, null).ErrorId);

        var otherConflict = await FailWith(HttpStatusCode.Conflict,
            "{\"trackingId\":\"ccconfig_3\",\"error\":{\"key\":\"409\",\"reason\":\"Conflict\",\"message\":[{\"description\":\"Something else.\"}]}}");
        Assert.Equal("WxccSiteConflict", CommandErrors.From("WxccSite", otherConflict, null).ErrorId);
    }

    [Fact]
    public async Task A_problem_document_gives_its_reason_and_its_target()
    {
        var ex = await FailWith(HttpStatusCode.Locked,
            "{\"type\":\"https://digitalchannels.dev/problems/service.locked\",\"title\":\"The resource is locked\",\"status\":423,\"detail\":\"Service 'Lab A' is locked.\",\"errorKey\":\"service.locked\",\"target\":\"Lab A\",\"trackingId\":\"sandbox_1\"}");

        Assert.Equal("service.locked", ex.Reason);
        Assert.Equal("Lab A", ex.Target);
        var error = CommandErrors.From("ConnectService", ex, "the piped object");
        Assert.Equal("ConnectServiceLocked", error.ErrorId);
        Assert.Equal("Lab A", error.TargetObject);
    }

    [Fact]
    public void A_missing_reference_is_ReferenceNotFound_naming_it_and_the_own_object_NotFound()
    {
        var reference = CommandErrors.From("WxccSite", new ReferenceNotFoundException("No multimedia profile is named 'MMP'.", "MMP"), "Site");
        Assert.Equal(("WxccSiteReferenceNotFound", CommandErrorCategory.ObjectNotFound, "MMP"), (reference.ErrorId, reference.Category, reference.TargetObject));

        var own = CommandErrors.From("WxccSite", new IdentityNotFoundException("No site is named 'Site'.", "Site"), null);
        Assert.Equal(("WxccSiteNotFound", "Site"), (own.ErrorId, own.TargetObject));
    }

    [Fact]
    public async Task Resolve_turns_a_lookup_miss_into_a_reference_miss()
    {
        var ex = await Assert.ThrowsAsync<ReferenceNotFoundException>(() =>
            ReferenceNotFoundException.Resolve(Task.FromException<string>(new IdentityNotFoundException("No Connect group is named 'G'.", "G"))));
        Assert.Equal("G", ex.Identity);
        Assert.Equal("No Connect group is named 'G'.", ex.Message);
    }

    [Fact]
    public async Task A_refused_connection_fails_at_once_as_ServerUnreachable_naming_the_url()
    {
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException("Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused)));
        var delays = new List<TimeSpan>();
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, new RetryPolicy(seed: 1) { MaxAttempts = 6 },
            delay: (d, _) => { delays.Add(d); return Task.CompletedTask; });

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, new Uri("http://127.0.0.1:9/connect/v1/x"), null, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Empty(delays);
        Assert.Equal(WebexFailureKind.Unreachable, ex.Kind);
        Assert.Equal("http://127.0.0.1:9", ex.Target);
        Assert.Contains("connection refused", ex.Message);
        var error = CommandErrors.From("ConnectService", ex, null);
        Assert.Equal(("ConnectServiceServerUnreachable", CommandErrorCategory.ConnectionError, "http://127.0.0.1:9"), (error.ErrorId, error.Category, error.TargetObject));
        Assert.True(CommandErrors.EndsCommand(ex));
    }

    [Fact]
    public async Task A_reset_connection_is_still_retried_per_the_policy()
    {
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)));
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), handler, new RetryPolicy(seed: 1) { MaxAttempts = 3 }, delay: (_, _) => Task.CompletedTask);

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, new Uri("http://127.0.0.1:9/x"), null, CancellationToken.None));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("ConnectServiceConnectionFailed", CommandErrors.From("ConnectService", ex, null).ErrorId);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_ServerUnreachable_without_a_retry()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), retry: new RetryPolicy { MaxAttempts = 6 });
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/x"), null, CancellationToken.None));

        Console.WriteLine($"A refused connection failed after {watch.ElapsedMilliseconds} ms.");
        Assert.Equal(WebexFailureKind.Unreachable, ex.Kind);
        Assert.Equal(0, pipeline.RetryCount);
        Assert.Equal(1, pipeline.RequestCount);
    }

    [Fact]
    public void A_wrong_secret_is_InvalidClient_in_our_words_never_msals()
    {
        var msal = new MsalServiceException("invalid_client",
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'x'. See the application registration portal, aka.ms/msal-net-invalid-client", 401)
        { ResponseBody = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed: the client id is unknown or the client secret is wrong.\"}" };
        var environment = WebexEnvironment.ForSandbox(new Uri("http://127.0.0.1:7800"));

        var ex = SignInErrors.From(msal, environment, "C3b58e", new SecretRedactor())!;
        var error = CommandErrors.From(ConnectionCommands.Noun, ex, null);

        Assert.Equal("The sandbox at http://127.0.0.1:7800 refused client id 'C3b58e': wrong client id or secret.", ex.Message);
        Assert.DoesNotContain("aka.ms", ex.ToString());
        Assert.DoesNotContain("registration portal", ex.ToString());
        Assert.Null(ex.InnerException);
        Assert.Equal(("DigitalChannelsConnectionInvalidClient", CommandErrorCategory.AuthenticationError, "C3b58e"), (error.ErrorId, error.Category, error.TargetObject));
        Assert.True(CommandErrors.EndsCommand(ex));
    }

    [Fact]
    public void A_refused_sign_in_is_the_same_ServerUnreachable_as_any_call()
    {
        var raw = new HttpRequestException("Connection refused (127.0.0.1:7800)", new SocketException((int)SocketError.ConnectionRefused));
        var ex = SignInErrors.From(raw, WebexEnvironment.ForSandbox(new Uri("http://127.0.0.1:7800")), "C3b58e", null)!;

        Assert.Equal(WebexFailureKind.Unreachable, ex.Kind);
        Assert.Equal("http://127.0.0.1:7800", ex.Target);
        Assert.Equal("DigitalChannelsConnectionServerUnreachable", CommandErrors.From(ConnectionCommands.Noun, ex, null).ErrorId);
    }

    /// <summary>Directory.Build.props maps the source root to /_/: stack traces never show the build machine's folders.</summary>
    [Fact]
    public void Stack_traces_of_the_library_show_mapped_source_paths()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new ClientCredentialsTokenSource(WebexEnvironment.ForSandbox(new Uri("http://127.0.0.1:1")), " ", "s", null, null));
        var files = new StackTrace(ex, true).GetFrames().Select(f => f.GetFileName()).Where(f => f != null).ToList();

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.StartsWith("/_/", f!.Replace('\\', '/')));
        Assert.Contains(files, f => f!.Replace('\\', '/').StartsWith("/_/src/DigitalChannels.Client/", StringComparison.Ordinal));
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        Assert.DoesNotContain(root.TrimEnd('/'), ex.ToString());
    }

    private static WebexApiException Api(int status, string? reason, string? target = null) =>
        new("m", WebexFailureKind.HttpStatus, status, "POST", "/x", "m", reason, "track", null) { Reason = reason, Target = target };

    private static async Task<WebexApiException> FailWith(HttpStatusCode status, string body)
    {
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), StubHandler.Sequence(() => StubHandler.Json(status, body)), RetryPolicy.None);
        return await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Put, new Uri("http://sandbox.test/x"), new { }, CancellationToken.None));
    }
}
