using System.Net;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Http;

public class ErrorMappingTests
{
    private static readonly Uri Target = new("https://api.wxcc-us1.cisco.com/organization/o/site/1?filter=x");

    private static async Task<WebexApiException> FailWith(HttpStatusCode status, string body, Action<HttpResponseMessage>? configure = null)
    {
        using var pipeline = new WebexHttpPipeline(new CountingTokenSource(), StubHandler.Sequence(() => StubHandler.Json(status, body, configure)), RetryPolicy.None);
        return await Assert.ThrowsAsync<WebexApiException>(() => pipeline.SendAsync(HttpMethod.Put, Target, new { }, CancellationToken.None));
    }

    [Fact]
    public async Task The_contact_center_error_body_gives_message_key_and_tracking_id()
    {
        var ex = await FailWith(HttpStatusCode.PreconditionFailed,
            "{\"trackingId\":\"ccconfig_4f2a\",\"error\":{\"key\":\"412\",\"reason\":\"Precondition Failed\",\"message\":[{\"description\":\"Resource referred in other entity(s)\",\"code\":\"412\"}]}}");

        Assert.Equal(412, ex.StatusCode);
        Assert.Equal("ccconfig_4f2a", ex.TrackingId);
        Assert.Equal("412", ex.ErrorKey);
        Assert.Equal("Resource referred in other entity(s)", ex.ServerMessage);
        Assert.Equal("PUT", ex.Method);
        Assert.Equal("/organization/o/site/1", ex.RequestPath);
        Assert.Equal("PUT /organization/o/site/1 failed: 412 Precondition Failed. Resource referred in other entity(s). (tracking id ccconfig_4f2a)", ex.Message);
    }

    [Fact]
    public async Task A_problem_document_from_the_sandbox_maps_to_the_same_fields()
    {
        var ex = await FailWith(HttpStatusCode.Conflict,
            "{\"type\":\"https://digitalchannels.dev/problems/service.duplicate\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"A service named 'Lab A' already exists.\",\"errorKey\":\"service.duplicate\",\"trackingId\":\"sandbox_1\"}");

        Assert.Equal(409, ex.StatusCode);
        Assert.Equal("service.duplicate", ex.ErrorKey);
        Assert.Equal("sandbox_1", ex.TrackingId);
        Assert.Contains("A service named 'Lab A' already exists", ex.Message);
    }

    [Fact]
    public async Task An_oauth_error_maps_error_and_description()
    {
        var ex = await FailWith(HttpStatusCode.BadRequest, "{\"error\":\"invalid_scope\",\"error_description\":\"Scope 'x:y' is not registered.\"}");
        Assert.Equal("invalid_scope", ex.ErrorKey);
        Assert.Equal("Scope 'x:y' is not registered.", ex.ServerMessage);
    }

    [Fact]
    public async Task The_people_api_error_body_maps_message_and_tracking_id()
    {
        var ex = await FailWith(HttpStatusCode.BadRequest, "{\"message\":\"Invalid email\",\"errors\":[{\"description\":\"emails[0] is not an address\"}],\"trackingId\":\"ROUTER_1\"}");
        Assert.Equal("ROUTER_1", ex.TrackingId);
        Assert.Contains("Invalid email", ex.ServerMessage);
        Assert.Contains("emails[0] is not an address", ex.ServerMessage);
    }

    [Fact]
    public async Task The_tracking_id_header_is_used_when_the_body_has_none()
    {
        var ex = await FailWith(HttpStatusCode.NotFound, "not json at all", r => r.Headers.Add("TrackingID", "ROUTER_HDR"));
        Assert.Equal("ROUTER_HDR", ex.TrackingId);
        Assert.Equal("not json at all", ex.ServerMessage);
    }

    [Fact]
    public async Task A_long_non_json_body_is_truncated()
    {
        var ex = await FailWith(HttpStatusCode.InternalServerError, new string('x', 5000));
        Assert.True(ex.ServerMessage!.Length < 600, $"server message was {ex.ServerMessage.Length} characters");
    }
}
