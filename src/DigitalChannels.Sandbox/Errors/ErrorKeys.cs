namespace DigitalChannels.Sandbox.Errors;

/// <summary>The errorKey values; each is also the last segment of the problem type URI.</summary>
public static class ErrorKeys
{
    public const string TokenMissing = "token.missing";
    public const string TokenInvalid = "token.invalid";
    public const string OrganizationMismatch = "organization.mismatch";
    public const string OrganizationNotFound = "organization.not_found";
    public const string OrganizationHeaderMissing = "organization.header_missing";
    public const string ScopeMissing = "scope.missing";
    public const string RoleForbidden = "role.forbidden";

    public const string InvalidJson = "request.invalid_json";
    public const string InvalidParameter = "request.invalid_parameter";
    public const string InvalidField = "request.invalid_field";
    public const string InvalidPrecondition = "request.invalid_precondition";
    public const string RouteNotFound = "route.not_found";
    public const string PathDotSegment = "request.dot_segment";
    public const string HostNotAllowed = "request.host_not_allowed";
    public const string ApplicationNotFound = "application.not_found";
    /// <summary>POST /v1/applications/{applicationId}/token: the clientId or clientSecret is not the service app's.</summary>
    public const string ServiceAppInvalidClient = "service_app.invalid_client";
    /// <summary>No Full Admin of the target organization has authorized the service app.</summary>
    public const string ServiceAppNotAuthorized = "service_app.not_authorized";
    public const string MethodNotAllowed = "route.method_not_allowed";
    public const string VersionMismatch = "resource.version_mismatch";
    /// <summary>A field of the request names another object that does not exist (not the object the path names).</summary>
    public const string ReferenceNotFound = "reference.not_found";

    public const string ServiceNotFound = "service.not_found";
    public const string ServiceDuplicateName = "service.duplicate_name";
    public const string ServiceLocked = "service.locked";

    public const string ContactCenterNotFound = "contact_center.not_found";
    public const string ContactCenterDuplicateName = "contact_center.duplicate_name";
    public const string ContactCenterReferenced = "contact_center.referenced";
    public const string ContactCenterStaleVersion = "contact_center.stale_version";
    public const string ContactCenterOwnedByControlHub = "contact_center.owned_by_control_hub";
    public const string RateLimited = "rate_limit.exceeded";
    public const string PersonNotFound = "people.not_found";
    public const string PersonDuplicateEmail = "people.duplicate_email";
    public const string LicenseNotFound = "license.not_found";
    public const string LicenseExhausted = "license.exhausted";
    // Teammates, invitations, Groups and Teams (Connect/Teammates).
    public const string OwnerNotSelfService = "owner.not_self_service";
    public const string ContainerOutOfReach = "container.out_of_reach";
    public const string TeammateNotFound = "teammate.not_found";
    public const string TeammateDuplicateEmail = "teammate.duplicate_email";
    public const string TeammateNotActive = "teammate.not_active";
    public const string TeammateAlreadyActive = "teammate.already_active";
    public const string InvitationNotFound = "invitation.not_found";
    public const string InvitationExpired = "invitation.expired";
    public const string InvitationSuperseded = "invitation.superseded";
    public const string InvitationAlreadyAccepted = "invitation.already_accepted";
    public const string GroupNotFound = "group.not_found";
    public const string GroupDuplicateName = "group.duplicate_name";
    public const string GroupNotEmpty = "group.not_empty";
    public const string TeamNotFound = "team.not_found";
    public const string TeamDuplicateName = "team.duplicate_name";
    public const string TeamNotEmpty = "team.not_empty";
    // Connect flows, rules, assets and integrations.
    public const string FlowNotFound = "flow.not_found";
    public const string FlowDuplicateName = "flow.duplicate_name";
    public const string FlowAgnosticKindExists = "flow.agnostic_kind_exists";
    public const string FlowKindMismatch = "flow.kind_mismatch";
    public const string FlowInvalidPayload = "flow.invalid_payload";
    public const string FlowNotSaved = "flow.not_saved";
    public const string FlowNotReady = "flow.not_ready";
    public const string FlowNothingToPublish = "flow.nothing_to_publish";
    public const string RuleNotFound = "rule.not_found";
    public const string AssetNotFound = "asset.not_found";
    public const string AssetDuplicateName = "asset.duplicate_name";
    public const string AssetReadOnly = "asset.read_only";
    public const string AssetInUse = "asset.in_use";
    public const string TransactionNotFound = "debug.transaction_not_found";
    public const string IntegrationNotFound = "integration.not_found";
    public const string AuthorizationDuplicateName = "integration.duplicate_authorization";
    // Tools > Export Logs and App Tray > Event Scheduler.
    public const string LogExportNotFound = "log_export.not_found";
    public const string LogExportNotReady = "log_export.not_ready";
    public const string ScheduledEventNotFound = "scheduled_event.not_found";
    public const string ScheduledEventDuplicateName = "scheduled_event.duplicate_name";
    public const string ScheduledEventWrongFlowKind = "scheduled_event.wrong_flow_kind";
    public const string EngageChannelNotFound = "engage.channel_not_found";
    public const string TemplateNotFound = "template.not_found";
    public const string TemplateDuplicateName = "template.duplicate_name";
    public const string BlockedWordNotFound = "blocked_word.not_found";
    public const string BlockedWordDuplicate = "blocked_word.duplicate";
    public const string WorkingHoursNotFound = "working_hours.not_found";
    public const string WorkingHoursDuplicateName = "working_hours.duplicate_name";
    public const string ConversationNotFound = "conversation.not_found";
    public const string ConversationDuplicateId = "conversation.duplicate_id";

    // Digital Channels provisioning, Engage users and channel assets.
    public const string DigitalChannelsNotProvisioned = "digital_channels.not_provisioned";
    public const string DigitalChannelNotImiDigital = "digital_channels.not_imi_digital";
    public const string DigitalChannelsAlreadyStarted = "digital_channels.already_started";
    public const string OwnerNotAdministrator = "digital_channels.owner_not_administrator";
    public const string NotATeammate = "teammate.not_a_teammate";
    public const string EngageUserNotFound = "engage_user.not_found";
    public const string EngageUserInactive = "engage_user.inactive";
    public const string ChannelAssetNotLiveChat = "channel_asset.not_live_chat";

    // Connect Tools > Templates, Settings > Tenant Settings.
    public const string ConnectTemplateNotFound = "connect_template.not_found";
    public const string ConnectTemplateDuplicateName = "connect_template.duplicate_name";
    public const string ConnectTemplateInvalidContent = "connect_template.invalid_content";
    public const string TenantSettingsUnknownTimeZone = "tenant_settings.unknown_time_zone";
    public const string TenantSettingsUnknownDateFormat = "tenant_settings.unknown_date_format";

    public const string Internal = "internal.error";
}
