using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.ContactCenter;

/// <summary>
/// The Contact Center ApiErrorResponse (platform facts §1.7):
/// {"trackingId":"ccconfig_…","error":{"key":"409","reason":"…","message":[{"description":"…"}]}}.
/// The spec declares only key and message[].description; reason follows the platform's examples.
/// </summary>
public sealed record ContactCenterErrorBody(string TrackingId, ContactCenterErrorDetails Error)
{
    public static ContactCenterErrorBody From(ApiError error, string trackingId) =>
        new(trackingId, new ContactCenterErrorDetails(
            error.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Title,
            [new ContactCenterOperationError(error.Detail)]));
}

public sealed record ContactCenterErrorDetails(string Key, string Reason, IReadOnlyList<ContactCenterOperationError> Message);

public sealed record ContactCenterOperationError(string Description);

/// <summary>The errors of the configuration API, with the platform's own reason texts.</summary>
public static class ContactCenterErrors
{
    public static ApiException Invalid(string detail) =>
        new ApiError(StatusCodes.Status400BadRequest, ErrorKeys.InvalidField, "Invalid request", detail).ToException();

    public static ApiException NotFound(string detail) =>
        new ApiError(StatusCodes.Status404NotFound, ErrorKeys.ContactCenterNotFound, "Entity not found", detail).ToException();

    public static ApiException Duplicate(string detail) =>
        new ApiError(StatusCodes.Status409Conflict, ErrorKeys.ContactCenterDuplicateName, "Similar entity is already present", detail).ToException();

    /// <summary>A PUT carrying an older version than the stored one; the platform leaves the status open, the sandbox answers 409.</summary>
    public static ApiException StaleVersion(string detail) =>
        new ApiError(StatusCodes.Status409Conflict, ErrorKeys.ContactCenterStaleVersion, "Stale version", detail).ToException();

    public static ApiException Referenced(string detail) =>
        new ApiError(StatusCodes.Status412PreconditionFailed, ErrorKeys.ContactCenterReferenced, "Resource referred in other entity(s)", detail).ToException();

    public static ApiException OwnedByControlHub(string detail) =>
        new ApiError(StatusCodes.Status400BadRequest, ErrorKeys.ContactCenterOwnedByControlHub, "Invalid request", detail).ToException();
}
