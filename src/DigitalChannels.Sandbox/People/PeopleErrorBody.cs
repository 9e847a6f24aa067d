using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.People;

/// <summary>The Webex REST error body: {"message":"…","errors":[{"description":"…"}],"trackingId":"…"}.</summary>
public sealed record PeopleErrorBody(string Message, IReadOnlyList<PeopleErrorItem> Errors, string TrackingId)
{
    public static PeopleErrorBody From(ApiError error, string trackingId) => new(error.Detail, [new PeopleErrorItem(error.Detail)], trackingId);
}

public sealed record PeopleErrorItem(string Description);
