namespace DigitalChannels.Sandbox.Errors;

/// <summary>The errorKey values; each is also the last segment of the problem type URI.</summary>
public static class ErrorKeys
{
    public const string TokenMissing = "token.missing";
    public const string TokenInvalid = "token.invalid";
    public const string OrganizationMismatch = "organization.mismatch";
    public const string OrganizationNotFound = "organization.not_found";
    public const string ScopeMissing = "scope.missing";
    public const string RoleForbidden = "role.forbidden";

    public const string InvalidJson = "request.invalid_json";
    public const string InvalidParameter = "request.invalid_parameter";
    public const string InvalidField = "request.invalid_field";
    public const string InvalidPrecondition = "request.invalid_precondition";
    public const string RouteNotFound = "route.not_found";
    public const string MethodNotAllowed = "route.method_not_allowed";
    public const string VersionMismatch = "resource.version_mismatch";

    public const string ServiceNotFound = "service.not_found";
    public const string ServiceDuplicateName = "service.duplicate_name";
    public const string ServiceLocked = "service.locked";

    public const string EngageChannelNotFound = "engage.channel_not_found";
    public const string TemplateNotFound = "template.not_found";
    public const string TemplateDuplicateName = "template.duplicate_name";
    public const string BlockedWordNotFound = "blocked_word.not_found";
    public const string BlockedWordDuplicate = "blocked_word.duplicate";
    public const string WorkingHoursNotFound = "working_hours.not_found";
    public const string WorkingHoursDuplicateName = "working_hours.duplicate_name";
    public const string ConversationNotFound = "conversation.not_found";
    public const string ConversationDuplicateId = "conversation.duplicate_id";

    public const string Internal = "internal.error";
}
