using System;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// A lab definition (a PowerShell data file or a JSON document) that cannot be read, with the place of the problem,
    /// so that the message can be followed straight to the offending text.
    /// </summary>
    public sealed class DefinitionSyntaxException : FormatException
    {
        public DefinitionSyntaxException(string sourceName, int line, int column, string problem)
            : this(sourceName, line, column, problem, null)
        {
        }

        public DefinitionSyntaxException(string sourceName, int line, int column, string problem, Exception innerException)
            : base($"{sourceName}, line {line}, column {column}: {problem}", innerException)
        {
            SourceName = sourceName;
            Line = line;
            Column = column;
            Problem = problem;
        }

        /// <summary>The file path or other name the text was read from.</summary>
        public string SourceName { get; }

        /// <summary>1-based line of the offending text.</summary>
        public int Line { get; }

        /// <summary>1-based column of the offending text.</summary>
        public int Column { get; }

        /// <summary>What is wrong, without the place.</summary>
        public string Problem { get; }
    }
}
