namespace DigitalChannels.Sandbox.Errors;

/// <summary>
/// One error, independent of how it is rendered. <see cref="ErrorWriter"/> turns it into the body style of the
/// endpoint (RFC 7807 for the sandbox's own APIs). <see cref="Detail"/> always names the offending value.
/// </summary>
public sealed record ApiError(int Status, string Key, string Title, string Detail)
{
    /// <summary>Extra response headers, e.g. WWW-Authenticate on 401.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The value or object at fault (a problem document's <c>target</c>): the client shows it as the error's TargetObject.</summary>
    public string? Target { get; init; }

    /// <summary>The same error, naming the value or object at fault.</summary>
    public ApiError About(object? target) => this with { Target = target?.ToString() };

    public ApiException ToException() => new(this);

    public IResult ToResult() => new ApiErrorResult(this);

    public static ApiError BadRequest(string key, string detail) => new(StatusCodes.Status400BadRequest, key, "The request is not valid", detail);
    public static ApiError Unauthorized(string key, string detail) => new(StatusCodes.Status401Unauthorized, key, "Authentication is required", detail);
    public static ApiError Forbidden(string key, string detail) => new(StatusCodes.Status403Forbidden, key, "The caller may not do this", detail);
    public static ApiError NotFound(string key, string detail) => new(StatusCodes.Status404NotFound, key, "The resource does not exist", detail);
    public static ApiError Conflict(string key, string detail) => new(StatusCodes.Status409Conflict, key, "The resource conflicts with an existing one", detail);
    public static ApiError Gone(string key, string detail) => new(StatusCodes.Status410Gone, key, "The resource is no longer available", detail);
    public static ApiError PreconditionFailed(string key, string detail) => new(StatusCodes.Status412PreconditionFailed, key, "The resource has changed", detail);
    public static ApiError Locked(string key, string detail) => new(StatusCodes.Status423Locked, key, "The resource is locked", detail);
    public static ApiError MethodNotAllowed(string detail) => new(StatusCodes.Status405MethodNotAllowed, ErrorKeys.MethodNotAllowed, "The method is not allowed", detail);
    public static ApiError Internal(string detail) => new(StatusCodes.Status500InternalServerError, ErrorKeys.Internal, "Unexpected error", detail);
}

/// <summary>Thrown by helpers deep in a handler (lock checks, body parsing); the error middleware renders it.</summary>
public sealed class ApiException : Exception
{
    public ApiException(ApiError error) : base(error.Detail) => Error = error;

    public ApiError Error { get; }
}

/// <summary>Lets endpoint filters and handlers return an error as an ordinary result.</summary>
public sealed class ApiErrorResult : IResult
{
    public ApiErrorResult(ApiError error) => Error = error;

    public ApiError Error { get; }

    public Task ExecuteAsync(HttpContext httpContext) => ErrorWriter.WriteAsync(httpContext, Error);
}
