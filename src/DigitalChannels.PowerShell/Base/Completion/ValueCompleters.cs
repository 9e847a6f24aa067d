using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.Client.Connect.Templates;

namespace DigitalChannels.PowerShell.Base.Completion
{
    /// <summary>
    /// Completes from a fixed list that the client library owns (the values the portal offers), instead of a
    /// [ValidateSet] that would copy it: the library's check refuses anything else with the list in the message.
    /// </summary>
    public abstract class ValueCompleter : IArgumentCompleter
    {
        protected abstract IEnumerable<string> Values(IDictionary fakeBoundParameters);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return CompletionText.Complete(Values(fakeBoundParameters), wordToComplete).ToList();
            }
            catch (Exception)
            {
                // Completion never writes an error.
                return new CompletionResult[0];
            }
        }
    }

    /// <summary>The channels of Tools > Templates.</summary>
    public sealed class ConnectTemplateChannelCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) => ConnectTemplateContent.Channels;
    }

    /// <summary>The content types of the -Channel on the command line, else every one.</summary>
    public sealed class ConnectTemplateContentTypeCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters)
        {
            var channel = fakeBoundParameters != null && fakeBoundParameters.Contains("Channel") ? LabDefinitionArgument.Unwrap(fakeBoundParameters["Channel"]) as string : null;
            var types = ConnectTemplateContent.ContentTypesOf(channel);
            return types.Count > 0 ? types : ConnectTemplateContent.AllContentTypes;
        }
    }

    /// <summary>The date formats of Tenant Settings.</summary>
    public sealed class DateFormatCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) => ConnectTenantSettingValues.DateFormats;
    }

    /// <summary>This computer's time zone ids (IANA on Linux and macOS, Windows ids on Windows: the sandbox takes both).</summary>
    public sealed class TimeZoneCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) =>
            new[] { "UTC" }.Concat(TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).OrderBy(id => id, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The email notifications of Profile Settings.</summary>
    public sealed class ProfileNotificationCompleter : ValueCompleter
    {
        protected override IEnumerable<string> Values(IDictionary fakeBoundParameters) => ConnectProfileNotifications.All;
    }
}
