using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Teammates;

namespace DigitalChannels.PowerShell.Base.Completion
{
    /// <summary>
    /// -Role offers only the roles that may be given (never Owner, which the server always refuses), each with the lab
    /// guide's words as its tooltip; <see cref="EnumWordsAttribute"/> binds those words too.
    /// </summary>
    public sealed class SettableRoleCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionText.Complete(ConnectTeammateRoles.Settable.Select(r => r.ToString()), wordToComplete, name => $"{name} ('{EnumWords.Words(name)}')").ToList();
    }
}
