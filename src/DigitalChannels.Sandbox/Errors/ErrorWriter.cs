using System.Text.Json;
using DigitalChannels.Sandbox.Http;

namespace DigitalChannels.Sandbox.Errors;

/// <summary>How an endpoint renders its errors. Endpoints opt in with <see cref="ErrorWriter.WithErrorBodyStyle{TBuilder}"/>.</summary>
public enum ErrorBodyStyle
{
    /// <summary>RFC 7807 application/problem+json: the sandbox's own APIs (Connect, sandbox administration).</summary>
    Problem,

    /// <summary>The Contact Center ApiErrorResponse: {trackingId, error:{key:"&lt;status&gt;", reason, message:[{description}]}}.</summary>
    ContactCenter,

    /// <summary>The Webex People API body: {message, errors:[{description}], trackingId}.</summary>
    WebexPeople,
}

/// <summary>Endpoint metadata carrying the style (metadata must be a reference type).</summary>
public sealed record ErrorBodyStyleMetadata(ErrorBodyStyle Style);

/// <summary>The one place that turns an <see cref="ApiError"/> into a response body.</summary>
public static class ErrorWriter
{
    public const string ProblemTypeBase = "https://digitalchannels.dev/problems/";

    public static TBuilder WithErrorBodyStyle<TBuilder>(this TBuilder builder, ErrorBodyStyle style) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ErrorBodyStyleMetadata(style));

    public static async Task WriteAsync(HttpContext context, ApiError error)
    {
        var trackingId = TrackingId.For(context);
        var response = context.Response;
        response.StatusCode = error.Status;
        response.Headers[TrackingId.HeaderName] = trackingId;
        foreach (var (name, value) in error.Headers) response.Headers[name] = value;

        var style = context.GetEndpoint()?.Metadata.GetMetadata<ErrorBodyStyleMetadata>()?.Style ?? StyleForPath(context.Request.Path);
        switch (style)
        {
            case ErrorBodyStyle.ContactCenter:
                response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(response.Body, ContactCenter.ContactCenterErrorBody.From(error, trackingId), SandboxJson.Options, context.RequestAborted);
                break;
            case ErrorBodyStyle.WebexPeople:
                response.ContentType = "application/json";
                await JsonSerializer.SerializeAsync(response.Body, People.PeopleErrorBody.From(error, trackingId), SandboxJson.Options, context.RequestAborted);
                break;
            default:
                var problem = new ProblemBody(ProblemTypeBase + error.Key, error.Title, error.Status, error.Detail, error.Key, error.Target, trackingId);
                response.ContentType = "application/problem+json";
                await JsonSerializer.SerializeAsync(response.Body, problem, SandboxJson.Options, context.RequestAborted);
                break;
        }
    }

    /// <summary>Routing's own 404/405 carry no endpoint metadata: the platform paths still answer in their platform's body.</summary>
    private static ErrorBodyStyle StyleForPath(PathString path) =>
        path.StartsWithSegments(ContactCenter.ConfigurationEndpoints.OrganizationPrefix) ? ErrorBodyStyle.ContactCenter
        : People.PeopleEndpoints.IsPeoplePath(path) ? ErrorBodyStyle.WebexPeople
        : ErrorBodyStyle.Problem;

    /// <summary>errorKey is the stable reason clients branch on (every problem has one); target is left out when nothing specific is at fault.</summary>
    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string ErrorKey, string? Target, string TrackingId);
}
