using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using DigitalChannels.Client;
using DigitalChannels.Client.Auth.Saved;

namespace DigitalChannels.PowerShell.Base.Completion
{
    /// <summary>Tab on -Connection and -Name: the names of this session's connections. Local, so never slow.</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            NameCompletion.Complete(ConnectionRegistry.List(Runspace.DefaultRunspace).Select(c => c.Name), wordToComplete);
    }

    /// <summary>Tab on Connect-DigitalChannels -Saved: the saved sign-ins' names (read from their folder, no secret touched).</summary>
    public sealed class SavedSignInNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            NameCompletion.Complete(NameCompletion.SavedNames(), wordToComplete);
    }

    /// <summary>Tab on Disconnect-DigitalChannels -Name: connections of this session and saved sign-ins.</summary>
    public sealed class ConnectionOrSavedNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            NameCompletion.Complete(ConnectionRegistry.List(Runspace.DefaultRunspace).Select(c => c.Name).Concat(NameCompletion.SavedNames()), wordToComplete);
    }

    internal static class NameCompletion
    {
        public static IEnumerable<string> SavedNames()
        {
            try
            {
                return new SavedSignInStore().List().Select(s => s.Name).ToList();
            }
            catch (System.Exception)
            {
                // An unreadable folder completes nothing rather than print noise.
                return new string[0];
            }
        }

        public static IEnumerable<CompletionResult> Complete(IEnumerable<string> names, string wordToComplete) =>
            CompletionText.Complete(names.Where(n => !string.IsNullOrEmpty(n)).Distinct(System.StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n, System.StringComparer.OrdinalIgnoreCase).ToList(), wordToComplete).ToList();
    }
}
