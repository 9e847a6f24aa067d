using DigitalChannels.Client.Commands;

namespace DigitalChannels.Lab.Scenarios;

/// <summary>One check of a scenario: what was expected, what was found.</summary>
public sealed record CheckResult(string Step, string Expectation, string Actual, bool Passed);

/// <summary>
/// Runs scenario steps through the same command logic the cmdlets call, printing each as the PowerShell command it
/// stands for, and records checks for the closing table.
/// </summary>
public sealed class ScenarioRun
{
    private readonly TextWriter _out;
    private int _step;

    public ScenarioRun(TextWriter output, ConsoleHost host)
    {
        _out = output;
        Host = host;
    }

    public ConsoleHost Host { get; }
    public List<CheckResult> Checks { get; } = new();

    /// <summary>Runs one command; when <paramref name="expectedErrorId"/> is given, the step passes only if that refusal comes.</summary>
    public IReadOnlyList<object> Run(string powerShell, string noun, Func<ICommandHost, Task> command, string? expectedErrorId = null)
    {
        _step++;
        _out.WriteLine();
        _out.WriteLine($"[{_step}] PS> {powerShell}");
        Host.Reset();
        try
        {
            CommandRunner.Run(Host, noun, command);
        }
        catch (CommandTerminatedException ex)
        {
            Host.WriteError(ex.Error);
        }

        var errors = Host.Errors.Select(e => e.ErrorId).ToList();
        if (expectedErrorId is null)
            Check(powerShell, "no error", errors.Count == 0 ? "no error" : string.Join(", ", errors));
        else
            Check(powerShell, "refused with " + expectedErrorId, errors.Count == 0 ? "not refused" : "refused with " + string.Join(", ", errors));
        return Host.Objects.ToList();
    }

    public void Check(string step, string expectation, string actual)
    {
        var passed = string.Equals(expectation, actual, StringComparison.Ordinal);
        Checks.Add(new CheckResult(step, expectation, actual, passed));
        if (!passed) _out.WriteLine($"    CHECK FAILED: expected {expectation}, found {actual}");
    }

    public void PrintTable()
    {
        _out.WriteLine();
        var width = Math.Min(70, Checks.Max(c => c.Step.Length));
        _out.WriteLine($"{"Step".PadRight(width)}  {"Expected",-40}  Result");
        _out.WriteLine($"{new string('-', width)}  {new string('-', 40)}  ------");
        foreach (var check in Checks)
        {
            var step = check.Step.Length > width ? check.Step[..(width - 1)] + "…" : check.Step;
            _out.WriteLine($"{step.PadRight(width)}  {Truncate(check.Expectation, 40),-40}  {(check.Passed ? "passed" : "FAILED: " + check.Actual)}");
        }
        _out.WriteLine();
        _out.WriteLine($"{Checks.Count(c => c.Passed)} passed, {Checks.Count(c => !c.Passed)} failed");
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
