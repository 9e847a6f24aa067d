using System.Net;
using System.Text.Json.Nodes;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.ContactCenter;

/// <summary>The RONA timeouts (lab rules 44–45), which no public API has, and the Control Hub OpenAPI document.</summary>
public sealed class ControlHubTests : IClassFixture<SandboxProcess>, IDisposable
{
    private readonly SandboxApi api;

    public ControlHubTests(SandboxProcess sandbox) => api = new SandboxApi(sandbox);

    public void Dispose() => api.Dispose();

    private string RonaPath => $"/controlhub/v1/organization/{api.Sandbox.OrgId}/contact-center/rona-timeouts";

    [Fact]
    public async Task Rona_timeouts_start_at_the_defaults_and_keep_the_lab_values()
    {
        var token = await api.OwnerTokenAsync();
        using (var initial = await api.SendAsync(HttpMethod.Get, RonaPath, token))
        {
            var body = await SandboxApi.ExpectJsonAsync(initial, HttpStatusCode.OK);
            Assert.Equal((30, 300, 600, 300), (body.GetProperty("telephony").GetInt32(), body.GetProperty("chat").GetInt32(),
                body.GetProperty("email").GetInt32(), body.GetProperty("social").GetInt32()));
        }
        using (var put = await api.SendAsync(HttpMethod.Put, RonaPath, token, new { telephony = 18, chat = 60, email = 90, social = 60 }))
            Assert.Equal(18, (await SandboxApi.ExpectJsonAsync(put, HttpStatusCode.OK)).GetProperty("telephony").GetInt32());
        using var read = await api.SendAsync(HttpMethod.Get, RonaPath, await api.OwnerTokenAsync("cjp:config_read"));
        var stored = await SandboxApi.ExpectJsonAsync(read, HttpStatusCode.OK);
        Assert.Equal((18, 60, 90, 60), (stored.GetProperty("telephony").GetInt32(), stored.GetProperty("chat").GetInt32(),
            stored.GetProperty("email").GetInt32(), stored.GetProperty("social").GetInt32()));
    }

    [Theory]
    [InlineData(121, 60, 90, 60, "The field 'telephony' must be from 1 to 120 seconds (got 121).")]
    [InlineData(0, 60, 90, 60, "The field 'telephony' must be from 1 to 120 seconds (got 0).")]
    [InlineData(18, 6001, 90, 60, "The field 'chat' must be from 1 to 6000 seconds (got 6001).")]
    [InlineData(18, 60, 0, 60, "The field 'email' must be from 1 to 6000 seconds (got 0).")]
    [InlineData(18, 60, 90, 6001, "The field 'social' must be from 1 to 6000 seconds (got 6001).")]
    public async Task Rona_timeouts_out_of_range_are_refused_naming_the_range(int telephony, int chat, int email, int social, string detail)
    {
        using var response = await api.SendAsync(HttpMethod.Put, RonaPath, await api.OwnerTokenAsync(), new { telephony, chat, email, social });
        var problem = await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field");
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Rona_timeouts_need_all_four_fields_and_the_write_scope()
    {
        using (var partial = await api.SendAsync(HttpMethod.Put, RonaPath, await api.OwnerTokenAsync(), new { telephony = 18, chat = 60, email = 90 }))
            await SandboxApi.ExpectProblemAsync(partial, HttpStatusCode.BadRequest, "request.invalid_field", "The field 'social' is required.");
        using var readOnly = await api.SendAsync(HttpMethod.Put, RonaPath, await api.OwnerTokenAsync("cjp:config_read"), new { telephony = 18, chat = 60, email = 90, social = 60 });
        await SandboxApi.ExpectProblemAsync(readOnly, HttpStatusCode.Forbidden, "scope.missing", "cjp:config_write");
    }

    [Fact]
    public async Task The_control_hub_document_describes_exactly_its_routes()
    {
        using var response = await api.SendAsync(HttpMethod.Get, "/controlhub/v1/openapi.json", token: null);
        var document = JsonNode.Parse((await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK)).GetRawText())!;
        var expected = new Dictionary<(string, string), string[]>
        {
            [("/controlhub/v1/organization/{orgId}/contact-center/rona-timeouts", "get")] = ["200", "401", "403", "404"],
            [("/controlhub/v1/organization/{orgId}/contact-center/rona-timeouts", "put")] = ["200", "400", "401", "403", "404"],
            [("/controlhub/v1/organization/{orgId}/contact-center/synchronize-users", "post")] = ["200", "401", "403", "404"],
            [("/controlhub/v1/organization/{orgId}/contact-center/settings", "get")] = ["200", "401", "403", "404"],
            [("/controlhub/v1/organization/{orgId}/contact-center/digital-channels", "get")] = ["200", "401", "403", "404"],
            [("/controlhub/v1/organization/{orgId}/contact-center/digital-channels/provisioning", "post")] = ["202", "200", "400", "401", "403", "404", "409"],
        };
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => ((p.Key, o.Key), o.Value!["responses"]!.AsObject().Select(r => r.Key).ToArray())))
            .ToDictionary(x => x.Item1, x => x.Item2);
        Assert.Equal(expected.Keys.ToHashSet(), documented.Keys.ToHashSet());
        foreach (var (operation, codes) in expected) Assert.Equal(codes, documented[operation]);
        Assert.Equal(api.Sandbox.BaseUrl, document["servers"]![0]!["url"]!.ToString());
    }
}
