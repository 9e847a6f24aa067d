using System;
using System.Collections.Generic;
using System.Linq;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>One mistake in a lab definition: where (the key path, e.g. <c>ContactCenter.Teams[1].Site</c>) and what.</summary>
    public sealed class LabDefinitionProblem
    {
        public LabDefinitionProblem(string key, string problem)
        {
            Key = key;
            Problem = problem;
        }

        public string Key { get; }
        public string Problem { get; }

        public override string ToString() => $"{Key}: {Problem}";
    }

    /// <summary>
    /// A lab definition that cannot be used. Every mistake found is listed, each naming the file and the key, so that one
    /// round of fixes is enough; nothing has been changed on any tenant when this is thrown.
    /// </summary>
    public sealed class LabDefinitionException : ArgumentException
    {
        public LabDefinitionException(string source, IReadOnlyList<LabDefinitionProblem> problems)
            : base(Describe(source, problems))
        {
            DefinitionSource = source;
            Problems = problems;
        }

        /// <summary>The file (or "(hashtable)") the definition came from.</summary>
        public string DefinitionSource { get; }

        public IReadOnlyList<LabDefinitionProblem> Problems { get; }

        private static string Describe(string source, IReadOnlyList<LabDefinitionProblem> problems) =>
            problems.Count == 1
                ? $"The lab definition {source} is not valid: {problems[0]}. Nothing was changed."
                : $"The lab definition {source} is not valid ({problems.Count} problems); nothing was changed:" +
                  string.Concat(problems.Select(p => Environment.NewLine + "  " + p));
    }
}
