using System;
using System.Collections.Generic;
using System.Linq;

namespace DigitalChannels.Client.Commands
{
    /// <summary>Where a row of the <see cref="ErrorTable"/> comes from.</summary>
    public enum ErrorSource
    {
        /// <summary>The sandbox's own APIs (Connect, Engage, provisioning, administration): the problem document's <c>errorKey</c>.</summary>
        Sandbox,
        /// <summary>The identity service (OAuth 2.0, RFC 6749 §5.2): the body's <c>error</c>.</summary>
        OAuth,
        /// <summary>The Contact Center API: its <c>error.key</c> is the status, so the platform's <c>error.reason</c> text tells the cause.</summary>
        ContactCenter,
        /// <summary>The HTTP status alone: the fallback when the body names no reason the table knows (the People API names none).</summary>
        HttpStatus,
        /// <summary>Found by the module itself, before or without an HTTP answer.</summary>
        Client,
    }

    /// <summary>One cause: the id suffix scripts branch on, the category, whether it ends the command, and what to do.</summary>
    public sealed class ErrorRule
    {
        public ErrorRule(ErrorSource source, string reason, string suffix, CommandErrorCategory category, string action, string cause, bool endsCommand = false)
        {
            Source = source;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
            Suffix = suffix ?? throw new ArgumentNullException(nameof(suffix));
            Category = category;
            RecommendedAction = action;
            Cause = cause ?? throw new ArgumentNullException(nameof(cause));
            EndsCommand = endsCommand;
        }

        public ErrorSource Source { get; }

        /// <summary>The server's reason (errorKey, OAuth error, Contact Center reason text), the status ("409", "5xx"), or the client condition's name.</summary>
        public string Reason { get; }

        /// <summary>The error id is the cmdlet's noun followed by this, e.g. ConnectService + Locked.</summary>
        public string Suffix { get; }

        public CommandErrorCategory Category { get; }

        /// <summary>ErrorDetails.RecommendedAction.</summary>
        public string RecommendedAction { get; }

        /// <summary>When it happens, in words (the about page's "Cause" column).</summary>
        public string Cause { get; }

        /// <summary>A failure that would fail every further item the same way: a terminating error.</summary>
        public bool EndsCommand { get; }

        /// <summary>Some causes have no noun (NotConnected): the id is the suffix alone.</summary>
        public bool WithoutNoun { get; set; }

        public string ErrorIdFor(string noun) => WithoutNoun ? Suffix : (noun ?? string.Empty) + Suffix;

        public override string ToString() => $"{Source} {Reason} -> {{Noun}}{Suffix} ({Category})";
    }

    /// <summary>
    /// The one table from cause to error id, ErrorCategory and recommended action. The server's reason decides; the
    /// HTTP status is only the fallback for bodies that name none. docs/about_DigitalChannels_Errors.md is generated
    /// from it (a test fails when they disagree).
    /// </summary>
    public static class ErrorTable
    {
        private const string Reconnect = "Run Connect-DigitalChannels again.";
        private const string CorrectValue = "Correct the value that the message names (TargetObject holds it when the server says which).";
        private const string ChooseAnotherName = "Choose another name, or change the existing object (Get- it first).";
        private const string CheckName = "Check the name or id; the Get- cmdlet of the same noun lists what exists.";
        private const string ReadAgain = "Read the object again and repeat the change.";

        // Client-side conditions, by name (also the keys of the failures without an HTTP status).
        public static readonly ErrorRule ServerUnreachable = new ErrorRule(ErrorSource.Client, "Connection refused", "ServerUnreachable", CommandErrorCategory.ConnectionError,
            "Start the sandbox (or check the URL, the region and the network), then try again.",
            "Nothing answers at the server's address (connection refused, unknown host): it fails at once, without retries; the message and TargetObject name the URL", endsCommand: true);
        public static readonly ErrorRule ConnectionFailed = new ErrorRule(ErrorSource.Client, "No answer", "ConnectionFailed", CommandErrorCategory.ConnectionError,
            "Check that the server is running and the network is stable, then try again.",
            "The connection broke (reset, TLS failure) after the retries the policy allows", endsCommand: true);
        public static readonly ErrorRule Timeout = new ErrorRule(ErrorSource.Client, "Timeout", "Timeout", CommandErrorCategory.OperationTimeout,
            "Try again; check the network.", "No answer within the time allowed, after the retries the policy allows");
        public static readonly ErrorRule NotConnected = new ErrorRule(ErrorSource.Client, "Not connected", "NotConnected", CommandErrorCategory.AuthenticationError,
            "Run Connect-DigitalChannels, or pass -Connection.", "No `-Connection` and no current connection", endsCommand: true) { WithoutNoun = true };
        public static readonly ErrorRule NoPublicApi = new ErrorRule(ErrorSource.Client, "No public API", "NoPublicApi", CommandErrorCategory.NotImplemented,
            "Use the portal page named in the message, or connect to the DigitalChannels sandbox.",
            "An operation with no public Webex API against a live tenant (Connect and Engage administration other than creating Connect apps, RONA timeouts, Synchronize Users, a user's user profile); the message names the portal page", endsCommand: true);
        public static readonly ErrorRule NotFound = new ErrorRule(ErrorSource.Client, "Not found", "NotFound", CommandErrorCategory.ObjectNotFound,
            CheckName, "The object the command works on (its name or id) matches nothing; TargetObject is the name or id");
        public static readonly ErrorRule ReferenceNotFound = new ErrorRule(ErrorSource.Client, "Reference not found", "ReferenceNotFound", CommandErrorCategory.ObjectNotFound,
            "Create the object the message names first, or correct its name or id.",
            "Another object that a parameter names (a site's multimedia profile, a team's site, a teammate's group) does not exist; TargetObject is that name or id");
        public static readonly ErrorRule InUse = new ErrorRule(ErrorSource.Client, "In use", "InUse", CommandErrorCategory.InvalidOperation,
            "Remove or change the objects named in the message first.",
            "A Contact Center object that other objects still refer to (412 on delete); the message names them from `incoming-references`");
        public static readonly ErrorRule ChangedMeanwhile = new ErrorRule(ErrorSource.Client, "Changed meanwhile", "PreconditionFailed", CommandErrorCategory.InvalidOperation,
            ReadAgain, "A Contact Center object changed by someone else between the read and the write (409 or 412 on update, with a newer stored `version`)");
        public static readonly ErrorRule FileNotFound = new ErrorRule(ErrorSource.Client, "File not found", "FileNotFound", CommandErrorCategory.ObjectNotFound,
            "Check the path.", "A file that does not exist (the sandbox's connection.json, a .workflow file)");
        public static readonly ErrorRule InvalidData = new ErrorRule(ErrorSource.Client, "Invalid data", "InvalidData", CommandErrorCategory.InvalidData,
            "Check the file's content.", "A file that cannot be read (invalid JSON, missing values)");
        public static readonly ErrorRule InvalidArgument = new ErrorRule(ErrorSource.Client, "Invalid argument", "InvalidArgument", CommandErrorCategory.InvalidArgument,
            "Correct the parameter that the message names.", "A parameter value the module refuses before anything is sent");
        public static readonly ErrorRule WrongOrganization = new ErrorRule(ErrorSource.Client, "Wrong organization", "WrongOrganization", CommandErrorCategory.PermissionDenied,
            "Sign in as an administrator of the organization given with -OrganizationId (-ForceAccountChooser asks for the account), or correct -OrganizationId.",
            "The signed-in administrator belongs to another organization than -OrganizationId; the message names both, and no connection is made", endsCommand: true);
        public static readonly ErrorRule SecretStoreUnavailable = new ErrorRule(ErrorSource.Client, "No secret store", "SecretStoreUnavailable", CommandErrorCategory.ResourceUnavailable,
            "Run where a keyring is unlocked (libsecret and a D-Bus session on Linux), or add -AllowUnencryptedStorage (DIGITALCHANNELS_ALLOW_UNENCRYPTED_SIGNIN=1) to keep the sign-in in a file only you can read.",
            "-Save, or a saved sign-in, needs the system's encrypted store (DPAPI, Keychain, libsecret) and there is none that works; the message names the cause. Nothing was saved and no browser opened", endsCommand: true);
        public static readonly ErrorRule Failed = new ErrorRule(ErrorSource.Client, "Anything else", "Failed", CommandErrorCategory.NotSpecified,
            "Read the message; run with -Verbose to see the requests.", "Anything else");

        /// <summary>The failures found without an HTTP status, in the about page's order.</summary>
        public static IReadOnlyList<ErrorRule> ClientConditions { get; } = new[]
        {
            ServerUnreachable, ConnectionFailed, Timeout, NotConnected, NoPublicApi, NotFound, ReferenceNotFound, FileNotFound, InvalidData,
            InvalidArgument, InUse, ChangedMeanwhile, WrongOrganization, SecretStoreUnavailable, Failed,
        };

        /// <summary>The server's reasons. Lookup is by <see cref="ErrorRule.Reason"/>, case-insensitive.</summary>
        public static IReadOnlyList<ErrorRule> ServerReasons { get; } = new[]
        {
            // Sign-in and authorization.
            Row(ErrorSource.OAuth, "invalid_client", "InvalidClient", CommandErrorCategory.AuthenticationError,
                "Check the client id and secret (for the sandbox, its connection.json), then run Connect-DigitalChannels again.",
                "The identity service refused the client id or secret; TargetObject is the client id", ends: true),
            Row(ErrorSource.OAuth, "invalid_grant", "SignInExpired", CommandErrorCategory.AuthenticationError,
                "Sign in again: Connect-DigitalChannels -Interactive or -DeviceCode (a runbook needs a new refresh token).",
                "The administrator's sign-in ended for good: the refresh token expired (90 days), was revoked, or was already used", ends: true),
            Row(ErrorSource.OAuth, "access_denied", "AccessDenied", CommandErrorCategory.PermissionDenied,
                "Run Connect-DigitalChannels again and allow the access (or approve the device code).",
                "The administrator denied the consent page or the device code", ends: true),
            Row(ErrorSource.OAuth, "expired_token", "DeviceCodeExpired", CommandErrorCategory.OperationTimeout,
                "Run Connect-DigitalChannels -DeviceCode again and approve the code sooner.",
                "Nobody approved the device code before it expired", ends: true),
            Row(ErrorSource.OAuth, "invalid_scope", "InvalidScope", CommandErrorCategory.InvalidArgument,
                "Ask only for scopes the client may have (-Scope).", "A scope the client may not ask for; the message names it"),
            Row(ErrorSource.Sandbox, "service_app.invalid_client", "InvalidClient", CommandErrorCategory.AuthenticationError,
                "Give the service app's own client id and its current secret (developer portal > the service app); -Credential holds both.",
                "The client id or secret given for a service app's token pair is not the app's; TargetObject is the application id", ends: true),
            Row(ErrorSource.Sandbox, "service_app.not_authorized", "ServiceAppNotAuthorized", CommandErrorCategory.PermissionDenied,
                "Ask a Full Admin of the organization to authorize the service app in Control Hub (Apps > Service Apps), then try again.",
                "No Full Admin of the target organization has authorized the service app (or the authorization was withdrawn); TargetObject is the organization", ends: true),
            Row(ErrorSource.Sandbox, "token.missing", "Unauthorized", CommandErrorCategory.AuthenticationError, Reconnect, "The request carried no access token", ends: true),
            Row(ErrorSource.Sandbox, "token.invalid", "TokenRejected", CommandErrorCategory.AuthenticationError,
                "Run Connect-DigitalChannels again; a token given with -AccessToken may have expired.", "The access token expired, was revoked, or acts for a user who cannot sign in", ends: true),
            Row(ErrorSource.Sandbox, "scope.missing", "ScopeMissing", CommandErrorCategory.PermissionDenied,
                "Connect again with -Scope including the scope that the message names.", "The token lacks the scope the operation needs"),
            Row(ErrorSource.Sandbox, "role.forbidden", "Forbidden", CommandErrorCategory.PermissionDenied,
                "Sign in as a teammate whose role allows this; the message names the allowed roles.", "The signed-in teammate's role does not allow the operation"),
            Row(ErrorSource.Sandbox, "container.out_of_reach", "OutOfReach", CommandErrorCategory.PermissionDenied,
                "Act as a teammate of the same container or one above it (tenant, group, team).", "The target is in a container above or beside the signed-in teammate's"),
            Row(ErrorSource.Sandbox, "teammate.not_a_teammate", "NotATeammate", CommandErrorCategory.PermissionDenied,
                "Invite the account as a Connect teammate (New-ConnectTeammate), let it accept, then connect again.",
                "The token acts for a Control Hub administrator who is not a Webex Connect teammate", ends: true),
            Row(ErrorSource.Sandbox, "organization.mismatch", "OrganizationMismatch", CommandErrorCategory.PermissionDenied,
                "Connect with the organization that the credentials belong to (-OrganizationId).", "The token belongs to another organization than the one in the request", ends: true),
            Row(ErrorSource.Sandbox, "organization.header_missing", "OrganizationHeaderMissing", CommandErrorCategory.InvalidArgument,
                "Send the header x-organization-id with the token's organization id (the DigitalChannels client always does).",
                "A Digital Channel Onboarding API call without the x-organization-id header", ends: true),
            Row(ErrorSource.Sandbox, "organization.not_found", "OrganizationNotFound", CommandErrorCategory.ObjectNotFound,
                "Check -OrganizationId.", "The organization does not exist", ends: true),
            Row(ErrorSource.Sandbox, "owner.not_self_service", "InvalidValue", CommandErrorCategory.InvalidArgument,
                "Choose another role or teammate: the tenant's one Owner is set at provisioning and changed only by Cisco's Partner Success team.",
                "The role Owner was asked for, or the Owner was to be changed or removed"),
            Row(ErrorSource.Sandbox, "digital_channels.owner_not_administrator", "InvalidValue", CommandErrorCategory.InvalidArgument,
                "Choose a Control Hub administrator of the organization as the Owner.", "The Owner named for provisioning is not an administrator"),

            // The request.
            Row(ErrorSource.Sandbox, "request.invalid_field", "InvalidValue", CommandErrorCategory.InvalidArgument, CorrectValue, "A value the server refuses; the message names the field and the value"),
            Row(ErrorSource.Sandbox, "request.invalid_parameter", "InvalidValue", CommandErrorCategory.InvalidArgument, CorrectValue, "A query or path value the server refuses"),
            Row(ErrorSource.Sandbox, "request.invalid_json", "InvalidRequest", CommandErrorCategory.InvalidArgument,
                "Correct the JSON the message points at.", "A body that is not valid JSON"),
            Row(ErrorSource.Sandbox, "request.invalid_precondition", "InvalidRequest", CommandErrorCategory.InvalidArgument, ReadAgain, "An If-Match header that is not a version"),
            Row(ErrorSource.Sandbox, "request.dot_segment", "InvalidRequest", CommandErrorCategory.InvalidArgument,
                "Name the resource without '.' or '..' path segments.", "A path with dot segments, which never resolve to another resource"),
            Row(ErrorSource.Sandbox, "request.host_not_allowed", "HostNotAllowed", CommandErrorCategory.PermissionDenied,
                "Connect to the sandbox by the URL it prints (or the one given with --public-url).",
                "A request naming a Host the sandbox does not serve (DNS rebinding guard)", ends: true),
            Row(ErrorSource.Sandbox, "application.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such service application (client id)"),
            Row(ErrorSource.Sandbox, "reference.not_found", "ReferenceNotFound", CommandErrorCategory.ObjectNotFound,
                "Create the object the message names first, or correct its name or id.", "A field of the request names an object that does not exist; TargetObject is its id"),
            Row(ErrorSource.Sandbox, "license.not_found", "ReferenceNotFound", CommandErrorCategory.ObjectNotFound,
                "Use a licence id of this organization (GET /v1/licenses lists them).", "A licence id that the organization does not have"),
            Row(ErrorSource.Sandbox, "route.not_found", "EndpointNotFound", CommandErrorCategory.NotImplemented,
                "Use a sandbox of the same version as the module.", "The server does not offer this path (an older sandbox)"),
            Row(ErrorSource.Sandbox, "route.method_not_allowed", "EndpointNotFound", CommandErrorCategory.NotImplemented,
                "Use a sandbox of the same version as the module.", "The server does not offer this method on the path"),
            Row(ErrorSource.Sandbox, "resource.version_mismatch", "PreconditionFailed", CommandErrorCategory.InvalidOperation, ReadAgain, "Someone else changed the object since it was read"),
            Row(ErrorSource.Sandbox, "rate_limit.exceeded", "RateLimited", CommandErrorCategory.LimitsExceeded,
                "Wait and try again; the retries that Retry-After asked for were already made.", "Too many requests; the retries were used up"),
            Row(ErrorSource.Sandbox, "internal.error", "ServerError", CommandErrorCategory.ResourceUnavailable,
                "Try again later; quote the tracking id if it persists.", "The server failed unexpectedly"),

            // Connect services, flows, assets, integrations.
            Row(ErrorSource.Sandbox, "service.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such Connect service"),
            Row(ErrorSource.Sandbox, "service.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A Connect service of that name exists"),
            Row(ErrorSource.Sandbox, "service.locked", "Locked", CommandErrorCategory.InvalidOperation,
                "Unlock the service first: Set-ConnectService -Locked:$false.", "The Connect service is locked"),
            Row(ErrorSource.Sandbox, "flow.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such flow in the service"),
            Row(ErrorSource.Sandbox, "flow.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A flow of that name exists in the service"),
            Row(ErrorSource.Sandbox, "flow.agnostic_kind_exists", "AlreadyExists", CommandErrorCategory.ResourceExists,
                "Use the existing flow of that kind (Get-ConnectFlow), or remove it first.", "The tenant already has its one channel-agnostic flow of that kind"),
            Row(ErrorSource.Sandbox, "flow.kind_mismatch", "InvalidValue", CommandErrorCategory.InvalidArgument,
                "Import the export as a new flow, or choose the flow of the same kind.", "A .workflow export of another kind than the flow it was to update"),
            Row(ErrorSource.Sandbox, "flow.invalid_payload", "InvalidData", CommandErrorCategory.InvalidData,
                "Export the flow again from the portal; the file is damaged or not a .workflow export.", "The .workflow content cannot be read"),
            Row(ErrorSource.Sandbox, "flow.not_saved", "NotSaved", CommandErrorCategory.InvalidOperation,
                "Save the flow first: Save-ConnectFlow.", "Make Live was asked for a flow version that was never saved"),
            Row(ErrorSource.Sandbox, "flow.not_ready", "HasFindings", CommandErrorCategory.InvalidOperation,
                "Fix the findings the message lists, Save-ConnectFlow, then publish again.", "The saved flow has findings that stop Make Live"),
            Row(ErrorSource.Sandbox, "flow.nothing_to_publish", "NothingToPublish", CommandErrorCategory.InvalidOperation,
                "Nothing to do: wait for it (Wait-ConnectFlow), or import a changed flow to publish a new version.", "The latest version is already Live or Publishing"),
            Row(ErrorSource.Sandbox, "rule.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such rule"),
            Row(ErrorSource.Sandbox, "asset.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such Connect asset"),
            Row(ErrorSource.Sandbox, "asset.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "An asset of that name exists"),
            Row(ErrorSource.Sandbox, "asset.read_only", "ReadOnly", CommandErrorCategory.InvalidOperation,
                "Leave it: numbers provided by Cisco cannot be changed or deleted.", "A number provided by Cisco"),
            Row(ErrorSource.Sandbox, "asset.in_use", "InUse", CommandErrorCategory.InvalidOperation,
                "Remove or change the rule that uses the asset first (Set-ConnectRule).", "A rule already ties the asset to a flow"),
            Row(ErrorSource.Sandbox, "debug.transaction_not_found", "NotFound", CommandErrorCategory.ObjectNotFound,
                "Check the transaction id (Send-DigitalChannelsSandboxMessage returns it; Get-ConnectDebugLog -Channel or -DestinationId lists them).",
                "No transaction with that id in the debug logs (the portal's \"No records found.\")"),
            Row(ErrorSource.Sandbox, "integration.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such integration"),
            Row(ErrorSource.Sandbox, "integration.duplicate_authorization", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A node authorization of that name exists"),
            Row(ErrorSource.Sandbox, "connect_template.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such Connect template (Tools > Templates)"),
            Row(ErrorSource.Sandbox, "connect_template.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A Connect template of that name exists"),
            Row(ErrorSource.Sandbox, "connect_template.invalid_content", "InvalidContent", CommandErrorCategory.InvalidArgument,
                "Correct the value that the message names; it lists what the channel allows.",
                "A channel, content type, subject or body that Tools > Templates refuses (an SMS Text body outside the GSM alphabet, an email without a subject, an unclosed $( variable)"),
            Row(ErrorSource.Sandbox, "tenant_settings.unknown_time_zone", "UnknownTimeZone", CommandErrorCategory.InvalidArgument,
                "Give an IANA time zone id (Europe/London) or a Windows id (GMT Standard Time).", "A time zone that Tenant Settings does not offer; TargetObject is the value"),
            Row(ErrorSource.Sandbox, "tenant_settings.unknown_date_format", "UnknownDateFormat", CommandErrorCategory.InvalidArgument,
                "Use one of the date formats that the message lists.", "A date format that Tenant Settings does not offer; TargetObject is the value"),

            // Tools > Export Logs and App Tray > Event Scheduler.
            Row(ErrorSource.Sandbox, "log_export.not_found", "NotFound", CommandErrorCategory.ObjectNotFound,
                "Use an id from Get-ConnectLogExport (it lists the 20 most recent exports).", "No such log export"),
            Row(ErrorSource.Sandbox, "log_export.not_ready", "NotReady", CommandErrorCategory.InvalidOperation,
                "Wait for it first: Wait-ConnectLogExport | Save-ConnectLogExport.", "The log export is still In progress"),
            Row(ErrorSource.Sandbox, "scheduled_event.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such scheduled event"),
            Row(ErrorSource.Sandbox, "scheduled_event.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName,
                "A scheduled event of that name exists"),
            Row(ErrorSource.Sandbox, "scheduled_event.wrong_flow_kind", "WrongFlowKind", CommandErrorCategory.InvalidArgument,
                "Schedule a flow that starts on a custom event (New-ConnectFlow -Kind CustomEvent).", "The flow is not a custom-event flow, which is all the Event Scheduler triggers"),

            // Teammates, invitations, groups and teams.
            Row(ErrorSource.Sandbox, "teammate.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such teammate"),
            Row(ErrorSource.Sandbox, "teammate.duplicate_email", "AlreadyExists", CommandErrorCategory.ResourceExists,
                "The teammate exists: change it with Set-ConnectTeammate.", "A teammate with that email exists"),
            Row(ErrorSource.Sandbox, "teammate.not_active", "NotActive", CommandErrorCategory.InvalidOperation,
                "Wait until the teammate accepts the invitation (Get-ConnectTeammate shows the status), or send it again.",
                "The teammate has not accepted the invitation yet (for example Grant-DecryptLogs)"),
            Row(ErrorSource.Sandbox, "teammate.already_active", "AlreadyActive", CommandErrorCategory.InvalidOperation,
                "Nothing to do: the teammate has joined.", "An invitation for a teammate who has already joined"),
            Row(ErrorSource.Sandbox, "invitation.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, "Use the link of the newest invitation mail.", "No such invitation"),
            Row(ErrorSource.Sandbox, "invitation.expired", "InvitationExpired", CommandErrorCategory.InvalidOperation,
                "Ask for a new invitation (the links are valid for 24 hours).", "The invitation link expired"),
            Row(ErrorSource.Sandbox, "invitation.superseded", "InvitationSuperseded", CommandErrorCategory.InvalidOperation,
                "Use the link of the newest invitation mail.", "A newer invitation replaced this one"),
            Row(ErrorSource.Sandbox, "invitation.already_accepted", "AlreadyActive", CommandErrorCategory.InvalidOperation,
                "Nothing to do: the teammate has joined.", "The invitation was already accepted"),
            Row(ErrorSource.Sandbox, "group.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such group"),
            Row(ErrorSource.Sandbox, "group.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A group of that name exists"),
            Row(ErrorSource.Sandbox, "group.not_empty", "NotEmpty", CommandErrorCategory.InvalidOperation,
                "Remove or move its teams and teammates first.", "The group still has teams or teammates"),
            Row(ErrorSource.Sandbox, "team.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such team"),
            Row(ErrorSource.Sandbox, "team.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A team of that name exists"),
            Row(ErrorSource.Sandbox, "team.not_empty", "NotEmpty", CommandErrorCategory.InvalidOperation,
                "Remove or move its teammates first.", "The team still has teammates"),

            // Engage.
            Row(ErrorSource.Sandbox, "engage.channel_not_found", "InvalidValue", CommandErrorCategory.InvalidArgument,
                "Use one of the channels that the message lists.", "Engage has no channel of that name"),
            Row(ErrorSource.Sandbox, "template.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such template"),
            Row(ErrorSource.Sandbox, "template.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A template of that name exists"),
            Row(ErrorSource.Sandbox, "blocked_word.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "The word is not on the blocklist"),
            Row(ErrorSource.Sandbox, "blocked_word.duplicate", "AlreadyExists", CommandErrorCategory.ResourceExists, "Nothing to do: the word is on the blocklist.", "The word is on the blocklist already"),
            Row(ErrorSource.Sandbox, "working_hours.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such working hours"),
            Row(ErrorSource.Sandbox, "working_hours.duplicate_name", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "Working hours of that name exist"),
            Row(ErrorSource.Sandbox, "conversation.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, "Check the conversation id.", "No such conversation"),
            Row(ErrorSource.Sandbox, "conversation.duplicate_id", "AlreadyExists", CommandErrorCategory.ResourceExists, "Use another conversation id.", "A conversation with that id exists"),
            Row(ErrorSource.Sandbox, "engage_user.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such Engage user"),
            Row(ErrorSource.Sandbox, "engage_user.inactive", "NotActive", CommandErrorCategory.InvalidOperation,
                "Assign a Contact Center licence and synchronize the users (Sync-WxccUser).", "The Engage user is Inactive"),
            Row(ErrorSource.Sandbox, "channel_asset.not_live_chat", "InvalidValue", CommandErrorCategory.InvalidArgument,
                "Name a Live Chat app: only they have a chat widget.", "The asset is not a Live Chat app"),

            // Provisioning.
            Row(ErrorSource.Sandbox, "digital_channels.not_provisioned", "NotProvisioned", CommandErrorCategory.InvalidOperation,
                "Provision Digital Channels first (Start-DigitalChannelsProvisioning, Wait-DigitalChannelsProvisioning).", "Digital Channels is not provisioned (yet) in the organization"),
            Row(ErrorSource.Sandbox, "digital_channels.not_imi_digital", "InvalidValue", CommandErrorCategory.InvalidArgument,
                "Set the Contact Center setting 'Digital Channel' in Control Hub as the message says.", "The Contact Center's Digital Channel setting does not allow provisioning"),
            Row(ErrorSource.Sandbox, "digital_channels.already_started", "AlreadyStarted", CommandErrorCategory.InvalidOperation,
                "Wait for it: Wait-DigitalChannelsProvisioning.", "Provisioning was already started"),

            // The Webex People API (its body names no reason; these keys are the sandbox's own).
            Row(ErrorSource.Sandbox, "people.not_found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such person"),
            Row(ErrorSource.Sandbox, "people.duplicate_email", "AlreadyExists", CommandErrorCategory.ResourceExists, "The person exists: change them instead.", "A person with that email exists"),
            Row(ErrorSource.Sandbox, "license.exhausted", "LicenseExhausted", CommandErrorCategory.LimitsExceeded,
                "Free units of the licence, or buy more.", "The licence has no units left"),

            // The Contact Center API: error.reason, the platform's texts.
            Row(ErrorSource.ContactCenter, "Similar entity is already present", "AlreadyExists", CommandErrorCategory.ResourceExists, ChooseAnotherName, "A duplicate (409)"),
            Row(ErrorSource.ContactCenter, "Entity not found", "NotFound", CommandErrorCategory.ObjectNotFound, CheckName, "No such object (404)"),
            Row(ErrorSource.ContactCenter, "Resource referred in other entity(s)", "InUse", CommandErrorCategory.InvalidOperation,
                "Remove or change the objects that refer to it first (GET …/incoming-references lists them).", "Other objects still refer to it (412)"),
            Row(ErrorSource.ContactCenter, "Stale version", "PreconditionFailed", CommandErrorCategory.InvalidOperation, ReadAgain, "The stored version is newer than the one sent (the sandbox's 409)"),
            Row(ErrorSource.ContactCenter, "Invalid request", "InvalidValue", CommandErrorCategory.InvalidArgument, CorrectValue, "A value the Contact Center refuses (400)"),
        };

        /// <summary>The fallback by status, for bodies without a known reason. 409 is <c>Conflict</c>: only a named duplicate is AlreadyExists.</summary>
        public static IReadOnlyList<ErrorRule> StatusFallbacks { get; } = new[]
        {
            Row(ErrorSource.HttpStatus, "400", "InvalidRequest", CommandErrorCategory.InvalidArgument, "Correct the value that the message names.", "Bad request"),
            Row(ErrorSource.HttpStatus, "401", "Unauthorized", CommandErrorCategory.AuthenticationError, "Run Connect-DigitalChannels again with valid credentials.", "Not signed in", ends: true),
            Row(ErrorSource.HttpStatus, "403", "PermissionDenied", CommandErrorCategory.PermissionDenied,
                "The server refused this to the signed-in account; the message says why.", "Refused"),
            Row(ErrorSource.HttpStatus, "404", "NotFound", CommandErrorCategory.ObjectNotFound, "Check the id or name.", "Not found"),
            Row(ErrorSource.HttpStatus, "409", "Conflict", CommandErrorCategory.InvalidOperation, "Read the message: the object's state does not allow this now.", "Conflict"),
            Row(ErrorSource.HttpStatus, "410", "Gone", CommandErrorCategory.ObjectNotFound, "Read the message.", "Gone"),
            Row(ErrorSource.HttpStatus, "412", "PreconditionFailed", CommandErrorCategory.InvalidOperation, ReadAgain, "Precondition failed"),
            Row(ErrorSource.HttpStatus, "423", "Locked", CommandErrorCategory.InvalidOperation, "Unlock it first (for a service: Set-ConnectService -Locked:$false).", "Locked"),
            Row(ErrorSource.HttpStatus, "429", "RateLimited", CommandErrorCategory.LimitsExceeded, "Wait and try again; retries with Retry-After were already made.", "Too many requests"),
            Row(ErrorSource.HttpStatus, "5xx", "ServerError", CommandErrorCategory.ResourceUnavailable, "Try again later; quote the tracking id if it persists.", "Server error"),
            Row(ErrorSource.HttpStatus, "Other 4xx", "RequestFailed", CommandErrorCategory.InvalidOperation, "Read the message.", "Other client error"),
        };

        private static readonly Dictionary<string, ErrorRule> ByReason =
            ServerReasons.ToDictionary(r => r.Reason, StringComparer.OrdinalIgnoreCase);

        /// <summary>The row for a server reason, or null when the table has none.</summary>
        public static ErrorRule ForReason(string reason) =>
            string.IsNullOrWhiteSpace(reason) ? null
            : ByReason.TryGetValue(reason.Trim(), out var rule) || ByReason.TryGetValue(reason.Trim().TrimEnd('.'), out rule) ? rule : null;

        /// <summary>A Contact Center row whose reason is this text (a trailing full stop ignored), or null.</summary>
        public static ErrorRule ForContactCenterText(string text)
        {
            var rule = ForReason(text?.Trim().TrimEnd('.'));
            return rule != null && rule.Source == ErrorSource.ContactCenter ? rule : null;
        }

        /// <summary>The fallback row for an HTTP status.</summary>
        public static ErrorRule ForStatus(int status)
        {
            var label = status >= 500 ? "5xx" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusFallbacks.FirstOrDefault(r => r.Reason == label) ?? StatusFallbacks.First(r => r.Reason == "Other 4xx");
        }

        private static ErrorRule Row(ErrorSource source, string reason, string suffix, CommandErrorCategory category, string action, string cause, bool ends = false) =>
            new ErrorRule(source, reason, suffix, category, action, cause, ends);
    }
}
