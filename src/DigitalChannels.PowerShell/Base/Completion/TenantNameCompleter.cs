using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using DigitalChannels.Client;
using DigitalChannels.Client.Completion;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Teammates;

namespace DigitalChannels.PowerShell.Base.Completion
{
    /// <summary>
    /// The one completer of tenant object names (powershell-practices §1.14): a subclass only says which kind it lists
    /// (and which parameter narrows it, e.g. -Service for flows). The names come from the client library's
    /// <see cref="CompletionCache"/> for the command line's -Connection, else the session's current connection:
    /// cached briefly, time-boxed (2 s, or $env:DIGITALCHANNELS_COMPLETER_TIMEOUT), and nothing at all when there is no
    /// connection or the tenant does not answer in time. Completion never writes an error.
    /// </summary>
    public abstract class TenantNameCompleter : IArgumentCompleter
    {
        private static readonly CompletionResult[] Nothing = new CompletionResult[0];

        protected TenantNameCompleter(TenantObjectKind kind, string scopeParameter = null)
        {
            Kind = kind;
            ScopeParameter = scopeParameter;
        }

        public TenantObjectKind Kind { get; }

        /// <summary>The parameter whose value narrows the names (the service of a flow, the group of a team), if any.</summary>
        public string ScopeParameter { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                var connection = ConnectionOf(fakeBoundParameters) ?? ConnectionRegistry.GetCurrent(Runspace.DefaultRunspace);
                if (connection == null) return Nothing;
                var scope = ScopeParameter != null && fakeBoundParameters != null && fakeBoundParameters.Contains(ScopeParameter)
                    ? ScopeOf(fakeBoundParameters[ScopeParameter])
                    : null;
                var names = CompletionCache.Shared.GetNames(connection, Kind, scope, CompletionCache.TimeBox);
                return CompletionText.Complete(names, wordToComplete).ToList();
            }
            catch (PipelineStoppedException)
            {
                throw;
            }
            catch (System.Exception)
            {
                // A completer that throws shows nothing anyway, and may print noise in some hosts: say nothing instead.
                return Nothing;
            }
        }

        /// <summary>The -Connection already on the command line (PowerShell evaluates a plain variable for completers).</summary>
        internal static DigitalChannelsConnection ConnectionOf(IDictionary fakeBoundParameters)
        {
            if (fakeBoundParameters == null || !fakeBoundParameters.Contains("Connection")) return null;
            var value = LabDefinitionArgument.Unwrap(fakeBoundParameters["Connection"]);
            // -Connection NAME: the session's connection of that name.
            return value as DigitalChannelsConnection ?? (value is string name ? ConnectionRegistry.Find(Runspace.DefaultRunspace, name) : null);
        }

        /// <summary>A scope value as the library takes it: an object's id, else the text typed (a name, an id or a pattern).</summary>
        internal static string ScopeOf(object value)
        {
            switch (LabDefinitionArgument.Unwrap(value))
            {
                case null: return null;
                case ConnectService service: return service.Id;
                case ConnectServiceIdentity identity: return identity.Service?.Id ?? identity.Id ?? identity.Name;
                case ConnectGroup group: return group.Id;
                case ConnectGroupIdentity identity: return identity.Group?.Id ?? identity.Id ?? identity.Name;
                case string text: return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
                case object[] many when many.Length == 1: return ScopeOf(many[0]);
                default: return null;
            }
        }
    }

    public sealed class ConnectServiceNameCompleter : TenantNameCompleter
    {
        public ConnectServiceNameCompleter() : base(TenantObjectKind.ConnectService) { }
    }

    /// <summary>Flow names of the -Service on the command line, else of every service.</summary>
    public sealed class ConnectFlowNameCompleter : TenantNameCompleter
    {
        public ConnectFlowNameCompleter() : base(TenantObjectKind.ConnectFlow, "Service") { }
    }

    public sealed class ConnectTeammateEmailCompleter : TenantNameCompleter
    {
        public ConnectTeammateEmailCompleter() : base(TenantObjectKind.ConnectTeammate) { }
    }

    public sealed class ConnectGroupNameCompleter : TenantNameCompleter
    {
        public ConnectGroupNameCompleter() : base(TenantObjectKind.ConnectGroup) { }
    }

    /// <summary>Connect team names of the -Group on the command line, else of every group.</summary>
    public sealed class ConnectTeamNameCompleter : TenantNameCompleter
    {
        public ConnectTeamNameCompleter() : base(TenantObjectKind.ConnectTeam, "Group") { }
    }

    public sealed class WxccSiteNameCompleter : TenantNameCompleter
    {
        public WxccSiteNameCompleter() : base(TenantObjectKind.WxccSite) { }
    }

    public sealed class WxccTeamNameCompleter : TenantNameCompleter
    {
        public WxccTeamNameCompleter() : base(TenantObjectKind.WxccTeam) { }
    }

    public sealed class WxccMultimediaProfileNameCompleter : TenantNameCompleter
    {
        public WxccMultimediaProfileNameCompleter() : base(TenantObjectKind.WxccMultimediaProfile) { }
    }

    public sealed class WxccDesktopProfileNameCompleter : TenantNameCompleter
    {
        public WxccDesktopProfileNameCompleter() : base(TenantObjectKind.WxccDesktopProfile) { }
    }

    public sealed class WxccUserEmailCompleter : TenantNameCompleter
    {
        public WxccUserEmailCompleter() : base(TenantObjectKind.WxccUser) { }
    }

    public sealed class ConnectTemplateNameCompleter : TenantNameCompleter
    {
        public ConnectTemplateNameCompleter() : base(TenantObjectKind.ConnectTemplate) { }
    }
}
