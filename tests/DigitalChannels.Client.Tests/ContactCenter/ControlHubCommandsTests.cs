using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>RONA timeouts and Synchronize Users: sandbox routes under /controlhub/v1/, NoPublicApi against live tenants.</summary>
public class ControlHubCommandsTests
{
    private const string Rona = $"/controlhub/v1/organization/{Org}/contact-center/rona-timeouts";
    private const string Sync = $"/controlhub/v1/organization/{Org}/contact-center/synchronize-users";

    private static FakeContactCenter Sandbox() => new FakeContactCenter()
        .On("GET", Rona, HttpStatusCode.OK, "{\"telephony\":30,\"chat\":120,\"email\":300,\"social\":120}")
        .On("PUT", Rona, (_, body) => StubHandler.Json(HttpStatusCode.OK, body!))
        .On("POST", Sync, HttpStatusCode.OK, "{\"activated\":2,\"deactivated\":1,\"unchanged\":5}");

    [Fact]
    public async Task Get_reads_the_four_timeouts()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.GetAsync(h, connection));

        var timeouts = Assert.IsType<RonaTimeouts>(Assert.Single(host.Objects));
        Assert.Equal((30, 120, 300, 120), (timeouts.Telephony, timeouts.Chat, timeouts.Email, timeouts.Social));
        Assert.Equal("GET http://sandbox.test" + Rona, server.Requests.Select(r => r.Method + " " + r.Uri).Single());
    }

    [Fact]
    public async Task Set_changes_only_the_channels_given_and_puts_all_four()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, 18, null, 90, null, passThru: true));

        Assert.Empty(host.Errors);
        Assert.Equal(JObject.Parse("{\"telephony\":18,\"chat\":120,\"email\":90,\"social\":120}"), Body(server.Writes.Single()), JToken.EqualityComparer);
        Assert.Equal("Set telephony 18 s, email 90 s", host.ShouldProcessCalls.Single().Action);
        Assert.Equal(18, Assert.IsType<RonaTimeouts>(Assert.Single(host.Objects)).Telephony);
    }

    [Fact]
    public async Task The_lab_values_are_accepted()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, 18, 60, 90, 60, false));

        Assert.Empty(host.Errors);
        Assert.Equal(JObject.Parse("{\"telephony\":18,\"chat\":60,\"email\":90,\"social\":60}"), Body(server.Writes.Single()), JToken.EqualityComparer);
    }

    [Theory]
    [InlineData(121, null, null, null, "The Telephony RONA timeout 121 s is out of range: it must be 1–120 seconds.")]
    [InlineData(0, null, null, null, "The Telephony RONA timeout 0 s is out of range: it must be 1–120 seconds.")]
    [InlineData(null, 6001, null, null, "The Chat RONA timeout 6001 s is out of range: it must be 1–6000 seconds.")]
    [InlineData(null, null, 0, null, "The Email RONA timeout 0 s is out of range: it must be 1–6000 seconds.")]
    [InlineData(10, 10, 10, 7000, "The Social RONA timeout 7000 s is out of range: it must be 1–6000 seconds.")]
    public async Task A_value_out_of_range_is_refused_naming_the_range_before_any_request(int? telephony, int? chat, int? email, int? social, string message)
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, telephony, chat, email, social, false));

        var error = Assert.Single(host.Errors);
        Assert.Equal("WxccRonaTimeoutInvalidArgument", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidArgument, error.Category);
        Assert.StartsWith(message, error.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Against_a_live_tenant_rona_stops_with_NoPublicApi_naming_the_Control_Hub_page()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("us1"));

        var get = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.GetAsync(h, connection)));
        var set = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), RonaTimeoutCommands.Noun, h => RonaTimeoutCommands.SetAsync(h, connection, 18, 60, 90, 60, false)));

        foreach (var stopped in new[] { get, set })
        {
            Assert.Equal("WxccRonaTimeoutNoPublicApi", stopped.Error.ErrorId);
            Assert.Equal(CommandErrorCategory.NotImplemented, stopped.Error.Category);
            Assert.Contains("no public Webex API", stopped.Error.Message);
            Assert.Contains("Control Hub → Contact Center → Settings → Desktop → RONA Timeouts", stopped.Error.Message);
        }
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Sync_posts_without_a_body_and_writes_the_counts()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();

        CommandRunner.Run(host, UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, connection));

        var post = server.Writes.Single();
        Assert.Equal("POST " + Sync, post.Method + " " + post.Uri.AbsolutePath);
        Assert.Null(post.Body);
        var result = Assert.IsType<UserSynchronizationResult>(Assert.Single(host.Objects));
        Assert.Equal((2, 1, 5), (result.Activated, result.Deactivated, result.Unchanged));
    }

    [Fact]
    public async Task Sync_WhatIf_sends_nothing_and_live_is_NoPublicApi()
    {
        var server = Sandbox();
        using var sandbox = await ConnectAsync(server.Handler);
        using var live = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("eu2"));

        CommandRunner.Run(new RecordingHost { Answer = false }, UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, sandbox));
        var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, live)));

        Assert.Empty(server.Requests);
        Assert.Equal("WxccUserNoPublicApi", stopped.Error.ErrorId);
        Assert.Contains("Control Hub → Contact Center → Tenant settings → General → Synchronize Users", stopped.Error.Message);
    }

    [Fact]
    public async Task A_problem_body_from_the_sandbox_is_surfaced()
    {
        var server = Sandbox().On("PUT", Rona, HttpStatusCode.BadRequest, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,\"detail\":\"telephony: 0 is out of range 1–120.\",\"errorKey\":\"InvalidValue\"}");
        using var connection = await ConnectAsync(server.Handler);
        var host = new RecordingHost();
        // The client checks ranges too; go around it to see the server's refusal surfaced.
        var error = await Assert.ThrowsAsync<DigitalChannels.Client.Http.WebexApiException>(() =>
            connection.Pipeline.SendAsync(HttpMethod.Put, new Uri("http://sandbox.test" + Rona), new { telephony = 0, chat = 1, email = 1, social = 1 }, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("telephony: 0 is out of range 1–120.", error.Message);
        Assert.Equal("WxccRonaTimeoutInvalidRequest", CommandErrors.From(RonaTimeoutCommands.Noun, error, null).ErrorId);
    }
}
