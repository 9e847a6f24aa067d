namespace DigitalChannels.HelpBuilder;

/// <summary>
/// A docs page that does not follow the layout. Its text is an MSBuild canonical error
/// ("docs/X.md(12): error DCHELP001: ...") so that the build shows it against the file and line.
/// </summary>
internal sealed class HelpFormatException : Exception
{
    public const string Code = "DCHELP001";

    public HelpFormatException(string file, int line, string? section, string problem)
        : base(problem)
    {
        File = file;
        Line = line;
        Section = section;
        Problem = problem;
    }

    public string File { get; }
    public int Line { get; }
    public string? Section { get; }
    public string Problem { get; }

    /// <summary>The file, line and section, then what is wrong.</summary>
    public string ToBuildError() =>
        $"{File}({Math.Max(Line, 1)}): error {Code}: {(Section == null ? "" : $"section '## {Section}': ")}{Problem}";

    public override string ToString() => ToBuildError();
}
