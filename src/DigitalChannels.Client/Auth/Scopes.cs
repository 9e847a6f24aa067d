using System;
using System.Collections.Generic;
using System.Linq;

namespace DigitalChannels.Client.Auth
{
    /// <summary>
    /// The OAuth scopes of the project, in one place for the client that asks for them and the sandbox that grants
    /// them: Webex's own names, plus the Connect and sandbox-management ones that only the sandbox knows.
    /// </summary>
    public static class Scopes
    {
        public const string ConnectConfigRead = "connect:config_read";
        public const string ConnectConfigWrite = "connect:config_write";
        public const string ContactCenterConfigRead = "cjp:config_read";
        public const string ContactCenterConfigWrite = "cjp:config_write";
        public const string PeopleRead = "spark-admin:people_read";
        public const string PeopleWrite = "spark-admin:people_write";

        /// <summary>
        /// Engage administration (attachments, templates, blocklist, working hours) and reading transcripts. Engage has no
        /// public API for these (platform facts §3.2), so, like the Connect ones, these scopes exist only in the sandbox;
        /// they are separate from Connect's so that an app can be given Engage and not Connect, or the reverse.
        /// </summary>
        public const string EngageConfigRead = "engage:config_read";
        public const string EngageConfigWrite = "engage:config_write";

        /// <summary>The sandbox's own management API (registering apps).</summary>
        public const string SandboxAdmin = "sandbox:admin";

        /// <summary>
        /// Webex's scope for retrieving a service app's token pair (<c>POST /v1/applications/{applicationId}/token</c>):
        /// an administrator's integration asks for it; the cmdlets' own calls never need it, so it is not in <see cref="Default"/>.
        /// </summary>
        public const string ApplicationsToken = "spark:applications_token";

        /// <summary>What a connection asks for unless told otherwise: everything the cmdlets use.</summary>
        public static readonly IReadOnlyList<string> Default = new[]
        {
            ConnectConfigRead, ConnectConfigWrite, ContactCenterConfigRead, ContactCenterConfigWrite, PeopleRead, PeopleWrite,
            EngageConfigRead, EngageConfigWrite,
        };

        /// <summary>
        /// What an administrator's sign-in to a live region asks for unless told otherwise: the scopes Webex knows among
        /// <see cref="Default"/> (an integration cannot ask for the sandbox-only Connect and Engage ones).
        /// </summary>
        public static readonly IReadOnlyList<string> Webex = new[] { ContactCenterConfigRead, ContactCenterConfigWrite, PeopleRead, PeopleWrite };

        /// <summary>Every scope the project knows.</summary>
        public static readonly IReadOnlyList<string> All = Default.Concat(new[] { SandboxAdmin, ApplicationsToken }).ToArray();

        public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
    }
}
