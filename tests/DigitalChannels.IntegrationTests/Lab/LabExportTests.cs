using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Engage;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.IntegrationTests.Infrastructure;
using DigitalChannels.Lab.MainJob;

namespace DigitalChannels.IntegrationTests.Lab;

/// <summary>
/// Issue 14 through the command layer Export- and Compare-DigitalChannelsLab call → client → HTTP → sandbox: a tenant
/// exported, applied to a fresh tenant, passes every check there, and exports to the same bytes; secrets stay out;
/// drift between two tenants names exactly what was broken.
/// </summary>
public sealed class LabExportTests : IClassFixture<QuickLabSandbox>
{
    private readonly SandboxProcess _sandbox;

    public LabExportTests(QuickLabSandbox sandbox) => _sandbox = sandbox;

    private sealed class Host : ICommandHost
    {
        public bool Answer { get; init; } = true;
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public bool ShouldProcess(string target, string action) => Answer;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    private static LabDefinition Shipped() => LabDefinitionFile.Load(LabDefinitionFile.ShippedPath(), SharedFixtures.Workflow("v2.1"));

    private static int _podCounter;

    private readonly List<SandboxTenant> _tenants = new();

    private async Task<LabPod> NewPodAsync()
    {
        using var sandboxOperator = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(_sandbox.BaseUrl),
            ClientId = _sandbox.ClientId,
            ClientSecret = _sandbox.ClientSecret,
            Scopes = DigitalChannels.Client.Auth.Scopes.All,
        }, CancellationToken.None);
        // Pod ids that cannot occur by chance in any other value, since every occurrence becomes {Pod}.
        var id = "xp" + Interlocked.Increment(ref _podCounter) + "q";
        return (await SandboxPods.CreateAsync(sandboxOperator, Shipped(), [id], 1, CancellationToken.None, (_, tenant) => _tenants.Add(tenant)))[0];
    }

    private static Host Run(Func<ICommandHost, Task> command)
    {
        var host = new Host();
        CommandRunner.Run(host, LabCommands.Noun, command);
        Assert.True(host.Errors.Count == 0, string.Join("\n", host.Errors.Select(e => e.Message)));
        return host;
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("lab-export-").FullName;

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes);

    [Fact]
    public async Task A_tenant_exported_with_its_pod_id_applies_to_a_fresh_tenant_passes_every_check_and_exports_to_the_same_bytes()
    {
        var a = await NewPodAsync();
        using var _a = a.Connection;
        Run(h => LabCommands.InvokeAsync(h, a.Connection, Shipped(), null, a.Id));
        // Engage objects beyond the shipped definition, so that the export carries them too.
        await a.Connection.Engage.Templates.CreateAsync($"Pod {a.Id} greeting", [EngageChannels.Chat, EngageChannels.Email], "Hello, this is pod " + a.Id, "Greetings", CancellationToken.None);
        await a.Connection.Engage.Blocklist.AddAsync("lab-blocked-word", CancellationToken.None);

        var exportA = NewFolder();
        Run(h => LabCommands.ExportAsync(h, a.Connection, Path.Combine(exportA, "lab.psd1"), a.Id, force: false));
        Run(h => LabCommands.ExportAsync(h, a.Connection, Path.Combine(exportA, "lab.json"), a.Id, force: false));
        var filesA = Files(exportA);
        Assert.Equal(["flows/Task Close Flow.workflow", "flows/Task Modified Flow.workflow", "flows/Task Routed Flow.workflow", "lab.json", "lab.psd1"], filesA.Keys.Order(StringComparer.Ordinal));
        // The flows are the uploaded files, byte for byte.
        Assert.Equal(SharedFixtures.Payload("v2.1", "Task Close Flow.workflow").TrimEnd(), System.Text.Encoding.ASCII.GetString(filesA["flows/Task Close Flow.workflow"]));
        var psd1 = File.ReadAllText(Path.Combine(exportA, "lab.psd1"));
        Assert.DoesNotContain(a.Id, psd1);
        Assert.Contains("Owner          = 'cl1admin{Pod}@email.carehybrid.com'", psd1);
        Assert.Contains("'Hello, this is pod {Pod}'", psd1);
        // Both files read back as the same definition.
        var fromPsd1 = LabDefinitionFile.Load(Path.Combine(exportA, "lab.psd1"));
        var fromJson = LabDefinitionFile.Load(Path.Combine(exportA, "lab.json"));
        Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(fromPsd1).Replace(".psd1", ""), Newtonsoft.Json.JsonConvert.SerializeObject(fromJson).Replace(".json", ""));

        // No secret: neither the tenant's client secret nor any service's secret.
        var secrets = new List<string> { _tenants.Single(t => t.Name.Contains(a.Id)).ClientSecret };
        await foreach (var service in a.Connection.ConnectServices.ListAsync(cancellationToken: CancellationToken.None))
            secrets.Add(await a.Connection.ConnectServices.GetSecretAsync(service.Id, CancellationToken.None));
        foreach (var text in new[] { psd1, File.ReadAllText(Path.Combine(exportA, "lab.json")) })
        {
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
            Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("password", text, StringComparison.OrdinalIgnoreCase);
        }

        var b = await NewPodAsync();
        using var _b = b.Connection;
        Run(h => LabCommands.InvokeAsync(h, b.Connection, Path.Combine(exportA, "lab.psd1"), null, b.Id));
        var checks = Run(h => LabCommands.TestAsync(h, [b], Path.Combine(exportA, "lab.json"), null, 1)).Objects.OfType<LabCheck>().ToList();
        Assert.True(checks.All(c => c.Passed), string.Join("\n", checks.Where(c => !c.Passed).Select(c => $"{c.Target}: expected {c.Expectation}, found {c.Actual} {c.Reason}")));
        Assert.Contains(checks, c => c.Target == $"Engage template 'Pod {b.Id} greeting'");

        var exportB = NewFolder();
        Run(h => LabCommands.ExportAsync(h, b.Connection, Path.Combine(exportB, "lab.psd1"), b.Id, force: false));
        Run(h => LabCommands.ExportAsync(h, b.Connection, Path.Combine(exportB, "lab.json"), b.Id, force: false));
        var filesB = Files(exportB);
        Assert.Equal(filesA.Keys.Order(), filesB.Keys.Order());
        foreach (var name in filesA.Keys)
            Assert.True(filesA[name].SequenceEqual(filesB[name]), $"{name} differs:\n{System.Text.Encoding.UTF8.GetString(filesA[name])}\n---\n{System.Text.Encoding.UTF8.GetString(filesB[name])}");

        // An existing file is not replaced without -Force, and nothing is written under -WhatIf.
        var refused = new Host();
        CommandRunner.Run(refused, LabCommands.Noun, h => LabCommands.ExportAsync(h, b.Connection, Path.Combine(exportB, "lab.psd1"), b.Id, force: false));
        Assert.Contains("already exists; use -Force", Assert.Single(refused.Errors).Message);
        var whatIf = new Host { Answer = false };
        CommandRunner.Run(whatIf, LabCommands.Noun, h => LabCommands.ExportAsync(h, b.Connection, Path.Combine(exportB, "other.json"), b.Id, force: false));
        Assert.Empty(whatIf.Errors);
        Assert.False(File.Exists(Path.Combine(exportB, "other.json")));
    }

    [Fact]
    public async Task Drift_between_two_tenants_names_exactly_what_was_broken_on_purpose()
    {
        var definition = Shipped();
        var a = await NewPodAsync();
        var b = await NewPodAsync();
        using var _a = a.Connection;
        using var _b = b.Connection;
        Run(h => LabCommands.InvokeAsync(h, a.Connection, definition, null, a.Id));
        Run(h => LabCommands.InvokeAsync(h, b.Connection, definition, null, b.Id));
        Assert.Empty(Run(h => LabCommands.CompareWithTenantAsync(h, [b], a, includeEqual: false)).Objects);

        await TenantBreaker.BreakAsync(b.Connection, LabDefinitionReader.ForPod(definition, b.Id), CancellationToken.None);
        // Objects B has and A does not: reported as not in the definition (A's template is on both).
        foreach (var pod in new[] { a, b })
            await pod.Connection.Engage.Templates.CreateAsync("Shared greeting", [EngageChannels.Chat], "Hello", null, CancellationToken.None);
        await b.Connection.Engage.Templates.CreateAsync("Stray template", [EngageChannels.Chat], "Hi", null, CancellationToken.None);
        await b.Connection.ConnectTeammates.InviteAsync($"stray{b.Id}@email.carehybrid.com", DigitalChannels.Client.Connect.Teammates.ConnectTeammateRole.ReadOnly, null, null, CancellationToken.None);
        var drift = Run(h => LabCommands.CompareWithTenantAsync(h, [b], a, includeEqual: false)).Objects.Cast<LabDrift>().ToList();
        var lines = drift.Select(d => $"{d.Kind} | {d.Object} | {d.Property} | {d.Expected} | {d.Actual}").ToList();
        Assert.Contains("Differs | RONA timeouts | Chat | 60 s | 45 s", lines);
        Assert.Contains(lines, l => l.StartsWith("Missing | Team 'Team2' |", StringComparison.Ordinal));
        Assert.Contains($"Differs | User cl1agent{b.Id}@email.carehybrid.com | teams | 'Team1', 'Team2' | 'Team1'", lines);
        Assert.Contains($"Differs | User cl1sup{b.Id}@email.carehybrid.com | teams | 'Team1', 'Team2' | 'Team1'", lines);
        Assert.Single(drift, d => d.Object == "Flow 'Task Close Flow' in 'Agnostic Flows DO NOT MODIFY'" && d.Kind == LabDriftKind.Differs);
        Assert.Contains("NotInDefinition | Engage template 'Stray template' |  |  | exists, not in the definition", lines);
        Assert.Contains($"NotInDefinition | Connect teammate stray{b.Id}@email.carehybrid.com |  |  | exists, not in the definition", lines);
        Assert.True(drift.Count == 7, string.Join("\n", lines)); // nothing else: exactly what was broken
        Assert.All(drift, d => Assert.Equal(b.Id, d.Pod));
    }
}
