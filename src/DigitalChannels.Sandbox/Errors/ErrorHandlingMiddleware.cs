namespace DigitalChannels.Sandbox.Errors;

/// <summary>
/// Outermost middleware: gives every request its tracking id, renders <see cref="ApiException"/>s thrown by handlers,
/// and turns anything unexpected into a 500 problem without a stack trace (that goes to the server log only).
/// </summary>
public sealed class ErrorHandlingMiddleware
{
    private readonly RequestDelegate next;
    private readonly ILogger<ErrorHandlingMiddleware> logger;

    public ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
    {
        this.next = next;
        this.logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[TrackingId.HeaderName] = TrackingId.For(context);
        try
        {
            await next(context);
            // Routing answers an unknown path or an unsupported method with an empty 404/405; give them a body like every other error.
            if (!context.Response.HasStarted && context.Response.ContentLength is null && context.Response.ContentType is null)
            {
                if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed)
                    await ErrorWriter.WriteAsync(context, ApiError.MethodNotAllowed(
                        $"The method {context.Request.Method} is not allowed on '{context.Request.Path}' (allowed: {context.Response.Headers.Allow})."));
                else if (context.Response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
                    await ErrorWriter.WriteAsync(context, ApiError.NotFound(ErrorKeys.RouteNotFound,
                        $"No route matches {context.Request.Method} '{context.Request.Path}'. The OpenAPI documents are at {string.Join(", ", OpenApi.OpenApiEndpoints.Documents.Keys.Select(OpenApi.OpenApiEndpoints.DocumentPath))}."));
            }
        }
        catch (ApiException ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, ex.Error);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, new ApiError(ex.StatusCode, ErrorKeys.InvalidParameter, "The request is not valid", ex.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var trackingId = TrackingId.For(context);
            logger.LogError(ex, "Unhandled error in {Method} {Path} (tracking id {TrackingId})", context.Request.Method, context.Request.Path, trackingId);
            context.Response.Clear();
            await ErrorWriter.WriteAsync(context, ApiError.Internal($"The sandbox failed unexpectedly; the server log has the details under tracking id {trackingId}."));
        }
    }
}
