using System.Collections.Generic;

namespace DigitalChannels.Client.Auth
{
    /// <summary>The OAuth scopes the project asks for. Webex's own names; the sandbox adds the Connect ones.</summary>
    public static class Scopes
    {
        public const string ConnectConfigRead = "connect:config_read";
        public const string ConnectConfigWrite = "connect:config_write";
        public const string ContactCenterConfigRead = "cjp:config_read";
        public const string ContactCenterConfigWrite = "cjp:config_write";
        public const string PeopleRead = "spark-admin:people_read";
        public const string PeopleWrite = "spark-admin:people_write";

        /// <summary>What a connection asks for unless told otherwise: everything the cmdlets use.</summary>
        public static readonly IReadOnlyList<string> Default = new[]
        {
            ConnectConfigRead, ConnectConfigWrite, ContactCenterConfigRead, ContactCenterConfigWrite, PeopleRead, PeopleWrite,
        };
    }
}
