using System.Diagnostics;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Reports;

namespace DigitalChannels.Lab.MainJob;

/// <summary>The runner's lab commands: apply (the main job), verify (read-only) and plan (what apply would change).</summary>
/// <param name="Floor">The longest wait a pod must sit through (provisioning, then Make Live), when the runner knows the sandbox's timings.</param>
public sealed record LabMainJobOptions(int Pods, int ThrottleLimit, string? DefinitionPath, string? FlowsFolder, bool BreakAndRepair,
    string Command = LabMainJob.Apply, string? ReportPath = null, TimeSpan? Floor = null, string? ExportPath = null, string? PodId = null, bool Force = false, bool Placeholder = false);

/// <summary>
/// The README's main job without PowerShell: one sandbox tenant per pod, the lab definition applied to every pod
/// (Invoke-DigitalChannelsLab -Pod), each verified (Test-DigitalChannelsLab), applied a second time (which must change
/// nothing), and the results printed as one table with the time. Exit code 0 only when every pod passed.
/// </summary>
public static class LabMainJob
{
    public const string FixturesFlows = "shared/fixtures/workflows/v2.1";
    public const string Apply = "apply", Verify = "verify", Plan = "plan", Export = "export", Drift = "drift";

    /// <summary>Exit codes, as CI steps read them (plan's 2 as Terraform's -detailed-exitcode).</summary>
    public const int ExitPassed = 0, ExitFailed = 1, ExitChanges = 2, ExitUsage = 64;

    /// <summary>Reads and checks the definition before anything starts; null (and the reason printed) when it is refused.</summary>
    public static LabDefinition? LoadDefinition(LabMainJobOptions options)
    {
        var flows = options.FlowsFolder ?? FindFixtureFlows();
        try
        {
            return LabDefinitionFile.Load(options.DefinitionPath ?? LabDefinitionFile.ShippedPath(), flows);
        }
        catch (Exception ex) when (ex is LabDefinitionException or DefinitionSyntaxException or FileNotFoundException or ArgumentException)
        {
            Console.Error.WriteLine(ex.Message);
            if (flows is null) Console.Error.WriteLine($"The flow files were not found: give their folder with --flows (the lab's are in ../{FixturesFlows}).");
            return null;
        }
    }

    public static int Run(ConsoleHost console, string connectionFile, LabDefinition definition, LabMainJobOptions options)
    {
        var output = Console.Out;
        var host = new LabConsoleHost(output, console.CancellationToken, verbose: false);
        var token = console.CancellationToken;
        output.WriteLine($"Lab definition '{definition.Name}' from {definition.Source}: {LabEngine.StepsFor(definition).Count} steps" +
                         (definition.Connect?.FlowsFolder is { } folder ? $"; flow files from {folder}." : "."));

        var file = SandboxConnectionFile.Read(connectionFile);
        using var sandboxOperator = DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(file.BaseUrl),
            ClientId = file.ClientId,
            ClientSecret = file.ClientSecret,
            Scopes = Client.Auth.Scopes.All,
        }, token).GetAwaiter().GetResult();

        var total = Stopwatch.StartNew();
        var dataFolder = Path.GetDirectoryName(Path.GetFullPath(connectionFile))!;
        List<LabPod> pods;
        bool reused;
        try
        {
            (pods, reused) = SavedPods.OpenOrCreateAsync(sandboxOperator, dataFolder, definition, options.Pods, options.ThrottleLimit, token).GetAwaiter().GetResult();
        }
        catch (SandboxPodsException failed)
        {
            // Never orphan a tenant: one that was created but not signed in to is saved as a connection file beside ours.
            foreach (var pod in failed.Created) pod.Connection.Dispose();
            var beside = Path.GetDirectoryName(Path.GetFullPath(connectionFile))!;
            foreach (var failure in failed.SignInFailures)
            {
                var saved = Path.Combine(beside, $"pod-{failure.PodId}.{SandboxConnectionFile.FileName}");
                new SandboxConnectionFile { BaseUrl = file.BaseUrl, OrgId = failure.Tenant.OrganizationId, ClientId = failure.Tenant.ClientId, ClientSecret = failure.Tenant.ClientSecret }.Write(saved);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(saved, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                Console.Error.WriteLine($"{failure.Message} Its connection was saved to {saved} (Connect-DigitalChannels -ConnectionFile).");
            }
            foreach (var error in failed.CreationFailures) Console.Error.WriteLine($"A pod's tenant could not be created: {error.Message}");
            return ExitFailed;
        }
        try
        {
            output.WriteLine(reused
                ? $"Using the {pods.Count} pod(s) saved in {Path.Combine(dataFolder, SavedPods.FileName)}: " + string.Join(", ", pods.Take(5).Select(p => p.ToString())) + (pods.Count > 5 ? ", …" : "")
                : $"Created {pods.Count} sandbox tenant(s), one per pod, in {total.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", pods.Take(5).Select(p => p.ToString())) + (pods.Count > 5 ? ", …" : ""));
            return options.Command switch
            {
                Verify => RunVerify(host, output, pods, definition, options),
                Plan => RunPlan(host, output, pods, definition, options),
                Export => RunExport(host, output, pods, options),
                Drift => RunDrift(host, output, pods, definition, options),
                _ => RunApply(host, output, pods, definition, options, total),
            };
        }
        finally
        {
            foreach (var pod in pods) pod.Connection.Dispose();
        }
    }

    /// <summary>verify: reads every pod, changes nothing; 0 when every pod passes, 1 otherwise.</summary>
    private static int RunVerify(LabConsoleHost host, TextWriter output, IReadOnlyList<LabPod> pods, LabDefinition definition, LabMainJobOptions options)
    {
        output.WriteLine();
        output.WriteLine($"Verifying {pods.Count} pod(s), at most {options.ThrottleLimit} at a time (nothing is changed) ...");
        var checksByPod = new Dictionary<string, IReadOnlyList<LabCheck>>();
        var results = ApplyAll(host, pods, definition, options.ThrottleLimit, checksByPod, apply: false, out var time);
        if (pods.Count == 1) PrintChecks(output, checksByPod[pods[0].Id]);
        else foreach (var pod in pods) if (!results.First(r => r.Pod == pod.Id).Passed) { output.WriteLine($"Pod {pod.Id}:"); PrintChecks(output, checksByPod[pod.Id].Where(c => !c.Passed).ToList()); }
        output.WriteLine();
        PrintPods(output, results);
        WriteReport(output, options, definition, pods, checksByPod, null, "verification");
        var passed = results.Count(r => r.Passed);
        output.WriteLine($"{pods.Count} pod(s) verified in {time.TotalSeconds:0.0} s: {passed} passed, {pods.Count - passed} did not.");
        return passed == pods.Count ? ExitPassed : ExitFailed;
    }

    private static LabPod? FindPod(TextWriter output, IReadOnlyList<LabPod> pods, string? id)
    {
        var pod = id is null ? pods[0] : pods.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (pod is null) Console.Error.WriteLine($"There is no pod '{id}'; the pods are: {string.Join(", ", pods.Select(p => p.Id))}.");
        return pod;
    }

    /// <summary>
    /// export: one pod (--pod, default the first) into a definition file and its flows; 0 when written. Its id becomes
    /// {Pod} only with --placeholder: the runner's ids are 1, 2, … and "1" also occurs in values such as Team1.
    /// </summary>
    private static int RunExport(LabConsoleHost host, TextWriter output, IReadOnlyList<LabPod> pods, LabMainJobOptions options)
    {
        var pod = FindPod(output, pods, options.PodId);
        if (pod is null) return ExitUsage;
        output.WriteLine();
        output.WriteLine($"Exporting pod {pod.Id} to {options.ExportPath} ...");
        CommandRunner.Run(host, LabCommands.Noun, h => LabCommands.ExportAsync(h, pod.Connection, options.ExportPath!, options.Placeholder ? pod.Id : null, options.Force));
        return host.Errors.Count == 0 ? ExitPassed : ExitFailed;
    }

    /// <summary>drift: every pod against the definition. 0 when nothing differs, 2 when something does, 1 when a pod cannot be read.</summary>
    private static int RunDrift(LabConsoleHost host, TextWriter output, IReadOnlyList<LabPod> pods, LabDefinition definition, LabMainJobOptions options)
    {
        var rows = new List<LabDrift>();
        output.WriteLine();
        output.WriteLine($"Comparing {pods.Count} pod(s) with '{definition.Name}' ...");
        CommandRunner.Run(new CollectingHost(host, rows), LabCommands.Noun, h => LabCommands.CompareAsync(h, pods, definition, null, includeEqual: false));
        foreach (var row in rows) output.WriteLine($"    Pod {row.Pod}: {row}");
        output.WriteLine(rows.Count == 0 ? "No drift." : $"{rows.Count} difference(s).");
        return host.Errors.Count > 0 || rows.Any(r => r.Kind == LabDriftKind.NotRead) ? ExitFailed : rows.Count > 0 ? ExitChanges : ExitPassed;
    }

    /// <summary>Keeps the drift rows; everything else goes to the console host.</summary>
    private sealed class CollectingHost(LabConsoleHost inner, List<LabDrift> rows) : ICommandHost
    {
        public CancellationToken CancellationToken => inner.CancellationToken;
        public bool ShouldProcess(string target, string action) => inner.ShouldProcess(target, action);
        public void WriteObject(object item) { if (item is LabDrift drift) rows.Add(drift); else inner.WriteObject(item); }
        public void WriteVerbose(string message) => inner.WriteVerbose(message);
        public void WriteWarning(string message) => inner.WriteWarning(message);
        public void WriteProgress(ProgressUpdate progress) => inner.WriteProgress(progress);
        public void WriteError(CommandError error) => inner.WriteError(error);
    }

    /// <summary>plan: what apply would do on every pod; 0 when nothing would change, 2 when something would, 1 when a pod cannot be read.</summary>
    private static int RunPlan(LabConsoleHost host, TextWriter output, IReadOnlyList<LabPod> pods, LabDefinition definition, LabMainJobOptions options)
    {
        var changing = 0;
        var unreadable = 0;
        foreach (var pod in pods)
        {
            output.WriteLine();
            List<LabEngine.StepPlan> plan = new();
            Engine(host, async e => plan = await e.PlanAsync(pod, definition));
            foreach (var line in LabEngine.DescribePlan(pod.Id, plan)) output.WriteLine(line);
            if (plan.Any(p => p.Error != null)) unreadable++;
            else if (LabEngine.PlanChanges(plan)) changing++;
        }
        if (options.ReportPath is not null)
        {
            var checksByPod = new Dictionary<string, IReadOnlyList<LabCheck>>();
            ApplyAll(host, pods, definition, options.ThrottleLimit, checksByPod, apply: false, out _);
            WriteReport(output, options, definition, pods, checksByPod, null, "plan (the checks that differ are what apply would change)");
        }
        output.WriteLine();
        output.WriteLine(unreadable > 0 ? $"{unreadable} pod(s) could not be read; {changing} would change."
            : changing > 0 ? $"Apply would change {changing} of {pods.Count} pod(s)." : $"Nothing would change on the {pods.Count} pod(s).");
        return unreadable > 0 ? ExitFailed : changing > 0 ? ExitChanges : ExitPassed;
    }

    /// <summary>apply: the main job (plan, apply, verify, apply again, and --break-and-repair); 0 when every pod passes.</summary>
    private static int RunApply(LabConsoleHost host, TextWriter output, IReadOnlyList<LabPod> pods, LabDefinition definition, LabMainJobOptions options, Stopwatch total)
    {
        if (pods.Count == 1)
        {
            // The plan Invoke-DigitalChannelsLab shows first (many pods: the same plan on every fresh tenant).
            output.WriteLine();
            Engine(host, e => e.PlanAsync(pods[0], definition).ContinueWith(t =>
            {
                foreach (var line in LabEngine.DescribePlan(pods[0].Id, t.Result)) host.WriteInformation(line);
            }, TaskScheduler.Default));
        }

        output.WriteLine();
        output.WriteLine($"Applying to {pods.Count} pod(s) at once, at most {options.ThrottleLimit} HTTP requests in flight ...");
        var checksByPod = new Dictionary<string, IReadOnlyList<LabCheck>>();
        var traffic = Traffic.Of(pods);
        var first = ApplyAll(host, pods, definition, options.ThrottleLimit, checksByPod, apply: true, out var applyTime);
        output.WriteLine($"Applied and verified in {applyTime.TotalSeconds:0.0} s.");
        PrintPace(output, options, pods, applyTime, Traffic.Of(pods) - traffic);

        if (pods.Count == 1) PrintChecks(output, checksByPod[pods[0].Id]);
        output.WriteLine();
        PrintPods(output, first);

        output.WriteLine();
        output.WriteLine("Applying again (a second run must change nothing) ...");
        var second = ApplyAll(host, pods, definition, options.ThrottleLimit, checksByPod, apply: true, out var secondTime);
        var changedAgain = second.Where(r => r.Created + r.Changed > 0).ToList();
        output.WriteLine(changedAgain.Count == 0
            ? $"Second apply: nothing created or changed on any pod ({second.Sum(r => r.Unchanged)} unchanged, {secondTime.TotalSeconds:0.0} s)."
            : $"Second apply CHANGED something on {changedAgain.Count} pod(s): " + string.Join("; ", changedAgain.Select(r => $"pod {r.Pod}: {r.Created} created, {r.Changed} changed")));

        var repaired = true;
        if (options.BreakAndRepair) repaired = BreakAndRepair(host, output, pods[0], definition, checksByPod);
        WriteReport(output, options, definition, pods, checksByPod, first, "applied and verified");

        var passed = first.Count(r => r.Passed);
        output.WriteLine();
        output.WriteLine($"{pods.Count} pod(s) applied and verified in {total.Elapsed.TotalSeconds:0.0} s: {passed} passed, {pods.Count - passed} failed.");
        return passed == pods.Count && changedAgain.Count == 0 && second.All(r => r.Passed) && repaired ? ExitPassed : ExitFailed;
    }

    /// <summary>--report DIR: report.html, report.json and junit.xml of the pods' last verification.</summary>
    private static void WriteReport(TextWriter output, LabMainJobOptions options, LabDefinition definition, IReadOnlyList<LabPod> pods,
        Dictionary<string, IReadOnlyList<LabCheck>> checksByPod, IReadOnlyList<LabPodResult>? applied, string what)
    {
        if (options.ReportPath is null) return;
        var report = LabReport.From(definition, pods.SelectMany(p => checksByPod[p.Id]), applied, $"{definition.Name}: {what}");
        var files = LabReportWriter.Write(report, options.ReportPath);
        output.WriteLine($"Report written: {string.Join(", ", files)}");
    }

    /// <summary>Runs engine work as a cmdlet would: every host call on this thread, failures as error records.</summary>
    private static void Engine(LabConsoleHost host, Func<LabEngine, Task> work) =>
        CommandRunner.Run(host, LabEngine.ErrorNoun, h => work(new LabEngine(h)));

    private static List<LabPodResult> ApplyAll(LabConsoleHost host, IReadOnlyList<LabPod> pods, LabDefinition definition, int throttle,
        Dictionary<string, IReadOnlyList<LabCheck>> checksByPod, bool apply, out TimeSpan elapsed)
    {
        var clock = Stopwatch.StartNew();
        List<LabPodResult> results = new();
        Engine(host, async engine => results = await engine.ApplyManyAsync(pods, definition, throttle, apply, (pod, rows, checks) => checksByPod[pod.Id] = checks));
        elapsed = clock.Elapsed;
        return results;
    }

    private static bool BreakAndRepair(LabConsoleHost host, TextWriter output, LabPod pod, LabDefinition definition, Dictionary<string, IReadOnlyList<LabCheck>> lastChecks)
    {
        output.WriteLine();
        output.WriteLine($"Breaking pod {pod.Id} on purpose: {string.Join("; ", TenantBreaker.What)} ...");
        TenantBreaker.BreakAsync(pod.Connection, LabDefinitionReader.ForPod(definition, pod.Id), host.CancellationToken).GetAwaiter().GetResult();
        var checksByPod = new Dictionary<string, IReadOnlyList<LabCheck>>();
        var broken = ApplyAll(host, new[] { pod }, definition, 1, checksByPod, apply: false, out _);
        output.WriteLine($"Test-DigitalChannelsLab on pod {pod.Id}: {broken[0].ChecksFailed} check(s) failed:");
        PrintChecks(output, checksByPod[pod.Id].Where(c => !c.Passed).ToList());
        output.WriteLine();
        output.WriteLine($"Applying again to pod {pod.Id} ...");
        var repaired = ApplyAll(host, new[] { pod }, definition, 1, checksByPod, apply: true, out var time);
        lastChecks[pod.Id] = checksByPod[pod.Id];
        output.WriteLine($"Repaired in {time.TotalSeconds:0.0} s: {repaired[0].Created} created, {repaired[0].Changed} changed; " +
                         $"{repaired[0].ChecksPassed} checks passed, {repaired[0].ChecksFailed} failed.");
        return broken[0].ChecksFailed > 0 && repaired[0].Passed;
    }

    /// <summary>The benchmark's figures: the floor, the time against it, the requests and 429s, and the peak memory.</summary>
    private static void PrintPace(TextWriter output, LabMainJobOptions options, IReadOnlyList<LabPod> pods, TimeSpan elapsed, Traffic traffic)
    {
        using var process = Process.GetCurrentProcess();
        var floor = options.Floor is { } f && f > TimeSpan.Zero
            ? $"floor {f.TotalSeconds:0.0} s (the longest wait a pod must sit through), {elapsed.TotalSeconds / f.TotalSeconds:0.00} × the floor; "
            : "";
        output.WriteLine($"Pace: {pods.Count} pod(s), {elapsed.TotalSeconds:0.0} s; {floor}{traffic.Requests} requests sent, {traffic.Throttled} 429s met, " +
                         $"{traffic.Retries} retries; peak memory {process.PeakWorkingSet64 / (1024 * 1024)} MB.");
    }

    /// <summary>What the pods' pipelines sent (every attempt), summed.</summary>
    private readonly record struct Traffic(long Requests, long Throttled, long Retries)
    {
        public static Traffic Of(IEnumerable<LabPod> pods) => pods.Aggregate(new Traffic(), (t, p) =>
            new Traffic(t.Requests + p.Connection.Pipeline.RequestCount, t.Throttled + p.Connection.Pipeline.ThrottledCount, t.Retries + p.Connection.Pipeline.RetryCount));

        public static Traffic operator -(Traffic a, Traffic b) => new(a.Requests - b.Requests, a.Throttled - b.Throttled, a.Retries - b.Retries);
    }

    public static void PrintChecks(TextWriter output, IReadOnlyList<LabCheck> checks)
    {
        output.WriteLine();
        var targetWidth = Math.Min(48, checks.Select(c => c.Target.Length).DefaultIfEmpty(6).Max());
        output.WriteLine($"{"Lab",-5} {"Check".PadRight(targetWidth)}  {"Expected",-58}  Result");
        output.WriteLine($"{new string('-', 5)} {new string('-', targetWidth)}  {new string('-', 58)}  ------");
        foreach (var c in checks)
        {
            output.WriteLine($"{c.Lab,-5} {Fit(c.Target, targetWidth).PadRight(targetWidth)}  {Fit(c.Expectation, 58),-58}  " + (c.Passed ? "passed" : "FAILED"));
            if (c.Passed) continue;
            // A failure shows both values whole: they are what the proctor compares.
            output.WriteLine($"{"",5} {"",-1} expected: {c.Expectation}");
            output.WriteLine($"{"",5} {"",-1} found:    {c.Actual}" + (c.Reason is null ? "" : $" ({c.Reason})"));
        }
        output.WriteLine($"{checks.Count(c => c.Passed)} passed, {checks.Count(c => !c.Passed)} failed");
    }

    public static void PrintPods(TextWriter output, IReadOnlyList<LabPodResult> results)
    {
        output.WriteLine($"{"Pod",-5} {"Organization",-36} {"Created",7} {"Changed",7} {"Unchanged",9} {"Checks",7} {"Failed",6} {"Time",7}  Result");
        output.WriteLine($"{new string('-', 5)} {new string('-', 36)} {new string('-', 7)} {new string('-', 7)} {new string('-', 9)} {new string('-', 7)} {new string('-', 6)} {new string('-', 7)}  ------");
        foreach (var r in results)
            output.WriteLine($"{r.Pod,-5} {r.Organization,-36} {r.Created,7} {r.Changed,7} {r.Unchanged,9} {r.ChecksPassed,7} {r.ChecksFailed + r.Failed,6} {r.Duration.TotalSeconds,6:0.0}s  " +
                             (r.Passed ? "passed" : "FAILED: " + r.FirstProblem));
    }

    private static string Fit(string text, int width) => text.Length > width ? text[..(width - 1)] + "…" : text;

    /// <summary>../shared/fixtures/workflows/v2.1 beside the repository, searched upwards from here and from the runner.</summary>
    private static string? FindFixtureFlows()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, FixturesFlows);
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}

/// <summary>The console host of the main job: plan lines and errors are printed; every change is applied (no prompts).</summary>
public sealed class LabConsoleHost : ICommandHost, IInformationHost
{
    private readonly TextWriter _out;
    private readonly bool _verbose;

    public LabConsoleHost(TextWriter output, CancellationToken cancellationToken, bool verbose)
    {
        _out = output;
        _verbose = verbose;
        CancellationToken = cancellationToken;
    }

    public CancellationToken CancellationToken { get; }
    public List<CommandError> Errors { get; } = new();

    public bool ShouldProcess(string target, string action)
    {
        if (_verbose) _out.WriteLine($"    {action}: {target}");
        return true;
    }

    public void WriteObject(object item) => _out.WriteLine("    " + item);
    public void WriteVerbose(string message) { if (_verbose) _out.WriteLine("    VERBOSE: " + message); }
    public void WriteWarning(string message) => _out.WriteLine("    WARNING: " + message);
    public void WriteInformation(string message) => _out.WriteLine(message);

    public void WriteProgress(ProgressUpdate progress)
    {
        if (_verbose && !progress.Completed) _out.WriteLine($"    ... {progress.Activity}: {progress.Status}");
    }

    public void WriteError(CommandError error)
    {
        Errors.Add(error);
        _out.WriteLine($"    error {error.ErrorId}: {error.Message}");
    }
}
