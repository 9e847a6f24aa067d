using System.Collections;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Steps;
using DigitalChannels.Client.Provisioning;
using DigitalChannels.IntegrationTests.Infrastructure;
using DigitalChannels.Lab.MainJob;

namespace DigitalChannels.IntegrationTests.Lab;

/// <summary>A sandbox where Make Live and provisioning take one second, so that whole labs run in seconds.</summary>
public sealed class QuickLabSandbox : SandboxProcess
{
    public QuickLabSandbox() => ExtraArguments = ["--flow-publish-seconds", "1", "--provisioning-seconds", "1"];
}

/// <summary>
/// Issue 6 through the command layer Invoke- and Test-DigitalChannelsLab call → client → HTTP → sandbox: the shipped
/// definition of labs 12.1–12.5 on fresh tenants (one per test, created by the sandbox operator), idempotence, -WhatIf,
/// a broken tenant reported and repaired, a failed step's dependants skipped, and twenty pods in parallel.
/// </summary>
public sealed class LabEngineTests : IClassFixture<QuickLabSandbox>
{
    private readonly SandboxProcess _sandbox;

    public LabEngineTests(QuickLabSandbox sandbox) => _sandbox = sandbox;

    private sealed class Host : ICommandHost, IInformationHost
    {
        public bool Answer { get; init; } = true;
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<string> Information { get; } = new();
        public List<string> ShouldProcessCalls { get; } = new();
        public List<ProgressUpdate> Progress { get; } = new();
        public bool ShouldProcess(string target, string action) { ShouldProcessCalls.Add($"{action}: {target}"); return Answer; }
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) => Progress.Add(progress);
        public void WriteError(CommandError error) => Errors.Add(error);
        public void WriteInformation(string message) => Information.Add(message);
        public List<T> Of<T>() => Objects.OfType<T>().ToList();
    }

    private static string Flows => SharedFixtures.Workflow("v2.1");

    private static LabDefinition Shipped() => LabDefinitionFile.Load(LabDefinitionFile.ShippedPath(), Flows);

    private Task<DigitalChannelsConnection> OperatorAsync() =>
        DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(_sandbox.BaseUrl),
            ClientId = _sandbox.ClientId,
            ClientSecret = _sandbox.ClientSecret,
            Scopes = DigitalChannels.Client.Auth.Scopes.All,
        }, CancellationToken.None);

    private static int _podCounter = 100;

    private async Task<List<LabPod>> NewPodsAsync(LabDefinition definition, int count)
    {
        using var sandboxOperator = await OperatorAsync();
        var ids = Enumerable.Range(0, count).Select(_ => Interlocked.Increment(ref _podCounter).ToString()).ToList();
        return await SandboxPods.CreateAsync(sandboxOperator, definition, ids, 8, CancellationToken.None);
    }

    private static Host Invoke(LabPod pod, object definition, bool answer = true)
    {
        var host = new Host { Answer = answer };
        CommandRunner.Run(host, LabCommands.Noun, h => LabCommands.InvokeAsync(h, pod.Connection, definition, null, pod.Id));
        return host;
    }

    private static List<LabCheck> Test(LabPod pod, object definition)
    {
        var host = new Host();
        CommandRunner.Run(host, LabCommands.Noun, h => LabCommands.TestAsync(h, [pod], definition, null, 1));
        Assert.Empty(host.Errors);
        return host.Of<LabCheck>();
    }

    private static string Describe(IEnumerable<LabCheck> checks) =>
        string.Join("\n", checks.Select(c => $"[{c.Lab}] {c.Target}: expected {c.Expectation}, found {c.Actual} {c.Reason}"));

    [Fact]
    public async Task Labs_12_1_to_12_5_apply_to_a_fresh_tenant_every_check_passes_and_a_second_apply_changes_nothing()
    {
        var definition = Shipped();
        var pod = (await NewPodsAsync(definition, 1))[0];
        using var _ = pod.Connection;
        Assert.Equal(DigitalChannelsProvisioning.NotProvisioned, (await pod.Connection.Provisioning.GetAsync(CancellationToken.None)).State);

        var first = Invoke(pod, definition);
        Assert.True(first.Errors.Count == 0, string.Join("\n", first.Errors.Select(e => e.Message)));
        // The plan came first, and named what would be created.
        Assert.StartsWith($"Plan for pod {pod.Id}: ", first.Information[0]);
        Assert.Contains(first.Information, line => line.Contains("+ [12.5] Step 3.3 Create new Teams: create Team 'Team1'"));
        Assert.Contains(first.Information, line => line.Contains("+ [12.5] Step 2. Download and upload CA flows in Connect (predicted): create Flow 'Task Close Flow'"));
        var rows = first.Of<LabChange>();
        Assert.DoesNotContain(rows, r => r.Result is LabChangeResult.Failed or LabChangeResult.Skipped or LabChangeResult.NeedsPerson or LabChangeResult.NotApplied);
        // Everything the fresh tenant lacks is created. The Engage users are the one timing-dependent part: the
        // Contact Center steps run while Digital Channels provision, so provisioning may already bring the new agents
        // into Engage (Unchanged) or the Engage step synchronizes them afterwards (Created).
        Assert.Equal(13, rows.Count(r => r.Result == LabChangeResult.Created && r.StepId != "12.1-engage-users"));
        Assert.All(rows.Where(r => r.StepId == "12.1-engage-users"), r => Assert.Contains(r.Result, new[] { LabChangeResult.Created, LabChangeResult.Unchanged }));
        Assert.Contains(rows, r => r is { Target: "RONA timeouts", Result: LabChangeResult.Changed, Before: "Telephony 30 s, Chat 300 s, Email 600 s, Social 300 s" });
        Assert.Equal(rows.Count(r => r.Result is LabChangeResult.Created or LabChangeResult.Changed), first.ShouldProcessCalls.Count);
        // Progress per step, closed at the end.
        Assert.Contains(first.Progress, p => p.Status.StartsWith("[12.5] Step 3.3 Create new Teams (", StringComparison.Ordinal));
        Assert.True(first.Progress.Last(p => p.ActivityId == 1).Completed);

        var checks = Test(pod, definition);
        Assert.True(checks.All(c => c.Passed), Describe(checks.Where(c => !c.Passed)));
        Assert.Equal(24, checks.Count);
        Assert.Equal(["12.1", "12.2", "12.3", "12.4", "12.5"], checks.Select(c => c.Lab).Distinct().Order());

        // Read back independently of the engine's own observations.
        var connection = pod.Connection;
        Assert.Equal(DigitalChannelsProvisioning.Provisioned, (await connection.Provisioning.GetAsync(CancellationToken.None)).State);
        var service = await connection.ConnectServices.FindByNameAsync("Agnostic Flows DO NOT MODIFY", CancellationToken.None);
        Assert.True(service!.Locked);
        foreach (var name in new[] { "Task Close Flow", "Task Routed Flow", "Task Modified Flow" })
        {
            var flow = await connection.ConnectFlows.FindByNameAsync(service.Id, name, CancellationToken.None);
            Assert.Equal(ConnectFlow.LiveStatus, flow!.Status);
            Assert.Equal(WorkflowFile.Read(Path.Combine(Flows, name + ".workflow")).Sha256, flow.Versions.Single(v => v.Number == flow.LiveVersion).Sha256);
        }
        var rona = await connection.ControlHub.GetRonaTimeoutsAsync(CancellationToken.None);
        Assert.Equal((18, 60, 90, 60), (rona.Telephony, rona.Chat, rona.Email, rona.Social));
        var teammate = await connection.ConnectTeammates.FindByEmailAsync($"cl1fulladmin{pod.Id}@email.carehybrid.com", CancellationToken.None);
        Assert.Equal(("Active", true), (teammate!.Status, teammate.DecryptLogs));
        var agent = await connection.ContactCenter.Users.FindByEmailAsync($"cl1agent{pod.Id}@email.carehybrid.com", CancellationToken.None);
        Assert.Equal(2, agent!.TeamIds.Count);

        var second = Invoke(pod, definition);
        Assert.Empty(second.Errors);
        Assert.All(second.Of<LabChange>(), r => Assert.Equal(LabChangeResult.Unchanged, r.Result));
        Assert.Equal(24, second.Of<LabChange>().Count);
        Assert.Empty(second.ShouldProcessCalls);
        Assert.StartsWith($"Plan for pod {pod.Id}: 0 to create, 0 to change, 24 unchanged", second.Information[0]);
    }

    [Fact]
    public async Task WhatIf_on_a_fresh_tenant_shows_every_change_that_applying_then_makes_and_changes_nothing()
    {
        var definition = Shipped();
        var pod = (await NewPodsAsync(definition, 1))[0];
        using var _ = pod.Connection;
        var rona = await pod.Connection.ControlHub.GetRonaTimeoutsAsync(CancellationToken.None);

        var host = Invoke(pod, definition, answer: false);

        Assert.Empty(host.Errors);
        Assert.Contains(host.ShouldProcessCalls, c => c == $"Change: Telephony 30 s, Chat 300 s, Email 600 s, Social 300 s → Telephony 18 s, Chat 60 s, Email 90 s, Social 60 s: Pod {pod.Id}: RONA timeouts");
        var rows = host.Of<LabChange>();
        Assert.Contains(rows, r => r is { StepId: "12.1-provisioning", Result: LabChangeResult.NotApplied });
        // Steps that cannot be read before provisioning are predicted from the definition, not "planned later".
        Assert.DoesNotContain(host.Information, line => line.Contains("planned later"));
        Assert.Contains("(9 step(s) predicted from the definition", host.Information[0]);
        var services = rows.Where(r => r.StepId == "12.2-services").ToList();
        Assert.Equal(2, services.Count);
        Assert.All(services, s => Assert.Equal((LabChangeResult.NotApplied, LabAction.Create), (s.Result, s.Action)));
        Assert.Contains("predicted from the definition", services[0].Message);
        Assert.DoesNotContain(rows, r => r.Result is LabChangeResult.Created or LabChangeResult.Changed or LabChangeResult.Failed or LabChangeResult.Skipped);
        Assert.Equal(DigitalChannelsProvisioning.NotProvisioned, (await pod.Connection.Provisioning.GetAsync(CancellationToken.None)).State);
        Assert.Equal(rona.Chat, (await pod.Connection.ControlHub.GetRonaTimeoutsAsync(CancellationToken.None)).Chat);
        Assert.Null(await pod.Connection.ContactCenter.Teams.FindByNameAsync("Team1", CancellationToken.None));

        // Applying makes exactly the changes -WhatIf listed: the prediction is the platform's behaviour, not a guess.
        var applied = Invoke(pod, definition).Of<LabChange>();
        // Except the Engage users: the Contact Center steps run while Digital Channels provision, so provisioning may
        // already bring the new agents into Engage (Unchanged) or the Engage step synchronizes them (Created).
        string Describe(IEnumerable<LabChange> changes) =>
            string.Join("\n", changes.Where(r => r.StepId != EngageUsersStep.StepId).Select(r => $"{r.StepId} {r.Target} {r.Action}").Order());
        Assert.Equal(Describe(rows.Where(r => r.Result == LabChangeResult.NotApplied)),
            Describe(applied.Where(r => r.Result is LabChangeResult.Created or LabChangeResult.Changed)));
    }

    private static Host InvokeWithPlan(LabPod pod, object definition, bool answer, string? planPath = null, string? applyPlan = null)
    {
        var host = new Host { Answer = answer };
        CommandRunner.Run(host, LabCommands.Noun, h => LabCommands.InvokeAsync(h, pod.Connection, definition, null, pod.Id, planPath: planPath, applyPlan: applyPlan));
        return host;
    }

    [Fact]
    public async Task A_saved_plan_is_applied_exactly_and_a_stale_plan_is_refused_naming_what_moved()
    {
        var definition = Shipped();
        var pod = (await NewPodsAsync(definition, 1))[0];
        using var _ = pod.Connection;
        var folder = Directory.CreateTempSubdirectory("dc-plan-").FullName;
        try
        {
            // -PlanPath X -WhatIf: the plan is saved, nothing changes.
            var stalePath = Path.Combine(folder, "stale.json");
            var planned = InvokeWithPlan(pod, definition, answer: false, planPath: stalePath);
            Assert.Empty(planned.Errors);
            var saved = LabPlanFile.Load(stalePath);
            Assert.Equal(24, saved.Pods.Single().Items.Count);
            Assert.Equal(21, saved.Pods.Single().Items.Count(i => i.Action is LabAction.Create or LabAction.Change));
            Assert.Equal(9, saved.Pods.Single().Items.Where(i => i.Predicted).Select(i => i.StepId).Distinct().Count());

            // Someone changes the tenant after the plan was made: -Plan refuses, naming what moved, and changes nothing.
            var rona = await pod.Connection.ControlHub.GetRonaTimeoutsAsync(CancellationToken.None);
            rona.Chat = 45;
            await pod.Connection.ControlHub.SetRonaTimeoutsAsync(rona, CancellationToken.None);
            // A terminating error: a refused plan ends the command.
            var error = Assert.Throws<CommandTerminatedException>(() => InvokeWithPlan(pod, definition, answer: true, applyPlan: stalePath)).Error;
            Assert.Equal("DigitalChannelsLabPlanStale", error.ErrorId);
            Assert.Equal($"The plan {stalePath} no longer holds for pod {pod.Id}, so nothing was applied: RONA timeouts (12.5-rona): planned as Change of " +
                         "'Telephony 30 s, Chat 300 s, Email 600 s, Social 300 s', now Change of 'Telephony 30 s, Chat 45 s, Email 600 s, Social 300 s'.", error.Message);
            Assert.Equal(DigitalChannelsProvisioning.NotProvisioned, (await pod.Connection.Provisioning.GetAsync(CancellationToken.None)).State);

            // Another definition cannot apply the plan either.
            var other = Shipped();
            other.ContactCenter!.RonaTimeouts!.Email = 91;
            Assert.Contains("the definition is not the one planned", Assert.Throws<CommandTerminatedException>(() => InvokeWithPlan(pod, other, answer: true, applyPlan: stalePath)).Message);

            // A fresh plan, applied: exactly its creates and changes are made, and the pod passes.
            var freshPath = Path.Combine(folder, "fresh.json");
            InvokeWithPlan(pod, definition, answer: false, planPath: freshPath);
            var applied = InvokeWithPlan(pod, definition, answer: true, applyPlan: freshPath);
            Assert.True(applied.Errors.Count == 0, string.Join("\n", applied.Errors.Select(e => e.Message)));
            Assert.Contains(applied.Information, line => line.StartsWith($"The plan {freshPath} of ", StringComparison.Ordinal) && line.EndsWith("still holds for 1 pod(s): applying exactly that plan.", StringComparison.Ordinal));
            // Except the Engage users, which provisioning may bring before the Engage step would (see the test above).
            string Describe(IEnumerable<string> items) => string.Join("\n", items.Where(i => !i.StartsWith(EngageUsersStep.StepId + " ", StringComparison.Ordinal)).Order());
            Assert.Equal(Describe(LabPlanFile.Load(freshPath).Pods.Single().Items.Where(i => i.Action is LabAction.Create or LabAction.Change).Select(i => $"{i.StepId} {i.Target} {i.Action}")),
                Describe(applied.Of<LabChange>().Where(r => r.Result is LabChangeResult.Created or LabChangeResult.Changed).Select(r => $"{r.StepId} {r.Target} {r.Action}")));
            Assert.All(Test(pod, definition), c => Assert.Equal(LabResult.Passed, c.Result));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Drift_names_exactly_what_was_broken_on_purpose_and_what_is_not_in_the_definition()
    {
        var definition = Shipped();
        var pod = (await NewPodsAsync(definition, 1))[0];
        using var _ = pod.Connection;
        Invoke(pod, definition);
        List<LabDrift> Drift(bool includeEqual)
        {
            List<LabDrift> rows = new();
            CommandRunner.Run(new Host(), LabCommands.Noun, async h => rows = await new LabEngine(h).DriftAsync(pod, definition, includeEqual));
            return rows;
        }
        Assert.Empty(Drift(false));
        Assert.True(Drift(true).Count >= 23);
        Assert.All(Drift(true), d => Assert.Equal(LabDriftKind.Same, d.Kind));

        await DigitalChannels.Lab.MainJob.TenantBreaker.BreakAsync(pod.Connection, LabDefinitionReader.ForPod(definition, pod.Id), CancellationToken.None);
        await pod.Connection.ConnectServices.CreateAsync("Somebody's own service", null, CancellationToken.None);
        var drift = Drift(false);

        string Line(LabDrift d) => $"{d.Kind} | {d.Object} | {d.Property} | {d.Expected} | {d.Actual}";
        var lines = drift.Select(Line).ToList();
        Assert.Contains("Differs | RONA timeouts | Chat | 60 s | 45 s", lines);
        Assert.Contains(lines, l => l.StartsWith("Missing | Team 'Team2' |  | site 'Site'", StringComparison.Ordinal) && l.EndsWith("| missing", StringComparison.Ordinal));
        Assert.Contains($"Differs | User cl1agent{pod.Id}@email.carehybrid.com | teams | 'Team1', 'Team2' | 'Team1'", lines);
        Assert.Contains($"Differs | User cl1sup{pod.Id}@email.carehybrid.com | teams | 'Team1', 'Team2' | 'Team1'", lines);
        Assert.Single(drift, d => d.Object.StartsWith("Flow '", StringComparison.Ordinal) && d.Kind == LabDriftKind.Differs);
        Assert.Contains("NotInDefinition | Connect service 'Somebody's own service' |  |  | exists, not in the definition", lines);
        Assert.True(drift.Count == 6, string.Join("\n", lines)); // nothing else: exactly what was broken
    }

    /// <summary>Lab 12.2 "8. Settings": the tenant settings are planned, applied, verified, compared and exported like any step.</summary>
    [Fact]
    public async Task Tenant_settings_of_lab_12_2_are_planned_applied_verified_compared_and_exported()
    {
        var definition = LabDefinitionFile.From(new Hashtable
        {
            ["SchemaVersion"] = 1,
            ["Provisioning"] = new Hashtable { ["Owner"] = "cl1admin{Pod}@email.carehybrid.com" },
            ["Connect"] = new Hashtable { ["TenantSettings"] = new Hashtable { ["TimeZone"] = "Europe/London", ["DateFormat"] = "DD/MM/YYYY HH:mm:ss" } },
        }, null);
        var pod = (await NewPodsAsync(definition, 1))[0];
        using var _ = pod.Connection;
        const string fresh = "time zone 'UTC', date format 'YYYY-MM-DD HH:mm:ss'";
        const string wanted = "time zone 'Europe/London', date format 'DD/MM/YYYY HH:mm:ss'";

        // The plan on a tenant not yet provisioned predicts the platform's defaults; applying changes exactly that.
        var plan = Invoke(pod, definition, answer: false).Of<LabChange>().Single(r => r.StepId == TenantSettingsStep.StepId);
        Assert.Equal((LabChangeResult.NotApplied, LabAction.Change, fresh, wanted), (plan.Result, plan.Action, plan.Before, plan.Expected));
        var applied = Invoke(pod, definition);
        Assert.Empty(applied.Errors);
        Assert.Contains(applied.Of<LabChange>(), r => r is { StepId: TenantSettingsStep.StepId, Result: LabChangeResult.Changed, Before: fresh });
        var settings = await pod.Connection.ConnectSettings.GetTenantSettingAsync(CancellationToken.None);
        Assert.Equal(("Europe/London", "DD/MM/YYYY HH:mm:ss"), (settings.TimeZone, settings.DateFormat));
        var check = Assert.Single(Test(pod, definition), c => c.StepId == TenantSettingsStep.StepId);
        Assert.True(check.Passed);
        Assert.Equal(("12.2", "Connect tenant settings", wanted), (check.Lab, check.Target, check.Actual));
        Assert.DoesNotContain(Invoke(pod, definition).Of<LabChange>(), r => r.StepId == TenantSettingsStep.StepId && r.Result == LabChangeResult.Changed);

        // Changed outside the definition: the check fails, drift names the one property, applying repairs it.
        await pod.Connection.ConnectSettings.SetTenantSettingAsync("Asia/Tokyo", null, CancellationToken.None);
        var failed = Assert.Single(Test(pod, definition), c => c.StepId == TenantSettingsStep.StepId);
        Assert.Equal((false, "time zone 'Asia/Tokyo', date format 'DD/MM/YYYY HH:mm:ss'"), (failed.Passed, failed.Actual));
        List<LabDrift> drift = new();
        CommandRunner.Run(new Host(), LabCommands.Noun, async h => drift = await new LabEngine(h).DriftAsync(pod, definition, false));
        var row = Assert.Single(drift);
        Assert.Equal((LabDriftKind.Differs, "Connect tenant settings", "time zone", "'Europe/London'", "'Asia/Tokyo'"), (row.Kind, row.Object, row.Property, row.Expected, row.Actual));

        // Export reads them into the definition, and the definition written reads back the same.
        var export = await DigitalChannels.Client.Lab.Export.LabExporter.ReadAsync(pod.Connection, pod.Id, null, CancellationToken.None);
        Assert.Equal(("Asia/Tokyo", "DD/MM/YYYY HH:mm:ss"), (export.Definition.Connect.TenantSettings.TimeZone, export.Definition.Connect.TenantSettings.DateFormat));
        var text = DigitalChannels.Client.Lab.Export.LabDefinitionWriter.ToPsd1(export.Definition);
        Assert.Contains("TenantSettings", text);
        Assert.Contains("TimeZone   = 'Asia/Tokyo'", text);

        Assert.Empty(Invoke(pod, definition).Errors);
        Assert.True(Assert.Single(Test(pod, definition), c => c.StepId == TenantSettingsStep.StepId).Passed);
    }

    [Fact]
    public async Task A_broken_tenant_is_reported_with_expected_and_actual_values_and_applying_again_repairs_it()
    {
        var definition = Shipped();
        var pod = (await NewPodsAsync(definition, 1))[0];
        using var _ = pod.Connection;
        Assert.Empty(Invoke(pod, definition).Errors);

        await TenantBreaker.BreakAsync(pod.Connection, LabDefinitionReader.ForPod(definition, pod.Id), CancellationToken.None);
        var failing = Test(pod, definition).Where(c => !c.Passed).ToList();

        var flow = Assert.Single(failing, c => c.StepId == "12.5-flows");
        Assert.Equal("Flow 'Task Close Flow' in 'Agnostic Flows DO NOT MODIFY'", flow.Target);
        Assert.StartsWith("Live, payload of 'Task Close Flow.workflow' (SHA-256 ", flow.Expectation);
        Assert.StartsWith("WorkingDraft (version 2, version 1 Live), payload SHA-256 ", flow.Actual);
        var rona = Assert.Single(failing, c => c.StepId == "12.5-rona");
        Assert.Equal(("Telephony 18 s, Chat 60 s, Email 90 s, Social 60 s", "Telephony 18 s, Chat 45 s, Email 90 s, Social 60 s"), (rona.Expectation, rona.Actual));
        var team = Assert.Single(failing, c => c.StepId == "12.5-teams");
        Assert.Equal(("Team 'Team2'", "missing"), (team.Target, team.Actual));
        Assert.Equal(2, failing.Count(c => c.StepId == "12.5-users" && c.Actual.Contains("teams 'Team1',") && !c.Actual.Contains("Team2")));
        Assert.Equal(5, failing.Count);

        var repair = Invoke(pod, definition);
        Assert.Empty(repair.Errors);
        var rows = repair.Of<LabChange>();
        Assert.Contains(rows, r => r is { Target: "Team 'Team2'", Result: LabChangeResult.Created });
        Assert.Contains(rows, r => r is { Target: "RONA timeouts", Result: LabChangeResult.Changed, Before: "Telephony 18 s, Chat 45 s, Email 90 s, Social 60 s" });
        Assert.Contains(rows, r => r.StepId == "12.5-flows" && r.Result == LabChangeResult.Changed);
        var after = Test(pod, definition);
        Assert.True(after.All(c => c.Passed), Describe(after.Where(c => !c.Passed)));
        // The repair went through the locked service and left it locked.
        Assert.True((await pod.Connection.ConnectServices.FindByNameAsync("Agnostic Flows DO NOT MODIFY", CancellationToken.None))!.Locked);
    }

    [Fact]
    public async Task A_failed_step_stops_its_dependants_reports_clearly_and_leaves_the_rest_applied()
    {
        // A desktop profile no tenant has: the definition cannot know the built-ins, so the platform refuses it at apply time.
        var path = Path.Combine(Path.GetTempPath(), $"lab-broken-{Guid.NewGuid():N}.psd1");
        File.WriteAllText(path, """
            @{
                SchemaVersion = 1
                Name = 'A lab with a wrong desktop profile'
                Provisioning = @{ Owner = 'owner{Pod}@pod.example' }
                ContactCenter = @{
                    MultimediaProfiles = @( @{ Name = 'MMP'; Telephony = 1; Chat = 3 } )
                    Sites = @( @{ Name = 'Site'; MultimediaProfile = 'MMP' } )
                    Teams = @( @{ Name = 'Team1'; Site = 'Site'; MultimediaProfile = 'MMP' } )
                    Users = @( @{ Email = 'agent{Pod}@pod.example'; UserProfile = 'Premium Agent User Profile'; Site = 'Site'; Teams = 'Team1'
                                  DesktopProfile = 'No Such Profile'; MultimediaProfile = 'MMP'; EngageRoleType = 'Customer Care' } )
                    RonaTimeouts = @{ Chat = 75 }
                }
            }
            """);
        try
        {
            var definition = LabDefinitionFile.Load(path);
            var pod = (await NewPodsAsync(definition, 1))[0];
            using var _ = pod.Connection;

            var host = Invoke(pod, definition);

            var rows = host.Of<LabChange>();
            var user = Assert.Single(rows, r => r.StepId == "12.5-users");
            Assert.Equal(LabChangeResult.Failed, user.Result);
            Assert.Contains("No desktop profile is named 'No Such Profile'", user.Message);
            var error = Assert.Single(host.Errors);
            Assert.StartsWith("DigitalChannelsLab", error.ErrorId);
            Assert.Contains("No such Profile".ToLowerInvariant(), error.Message.ToLowerInvariant());
            var engage = Assert.Single(rows, r => r.StepId == "12.1-engage-users");
            Assert.Equal(LabChangeResult.Skipped, engage.Result);
            Assert.Contains("'Step 3.4 User Configuration' did not complete", engage.Message);
            // Everything that does not depend on the failed step was applied.
            Assert.Contains(rows, r => r is { StepId: "12.5-teams", Result: LabChangeResult.Created });
            Assert.Contains(rows, r => r is { StepId: "12.5-rona", Result: LabChangeResult.Changed });
            Assert.Equal(75, (await pod.Connection.ControlHub.GetRonaTimeoutsAsync(CancellationToken.None)).Chat);
            Assert.Equal(DigitalChannelsProvisioning.Provisioned, (await pod.Connection.Provisioning.GetAsync(CancellationToken.None)).State);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Twenty_pods_are_applied_and_verified_in_one_run_with_bounded_concurrency()
    {
        var definition = Shipped();
        var pods = await NewPodsAsync(definition, 20);
        try
        {
            var host = new Host();
            CommandRunner.Run(host, LabCommands.Noun, h => LabCommands.InvokeManyAsync(h, pods, definition, null, 8));

            Assert.True(host.Errors.Count == 0, string.Join("\n", host.Errors.Select(e => e.Message)));
            var results = host.Of<LabPodResult>();
            Assert.Equal(pods.Select(p => p.Id), results.Select(r => r.Pod));
            Assert.All(results, r => Assert.True(r.Passed, $"pod {r.Pod}: {r.FirstProblem}"));
            // 13 objects are created, and the two Engage users once more unless provisioning already brought them (timing).
            Assert.All(results, r => Assert.Equal((true, 24, 0), (r.Created is >= 13 and <= 15, r.ChecksPassed, r.ChecksFailed)));
            Assert.Equal(20, results.Select(r => r.Organization).Distinct().Count());
            Assert.Matches(@"^20 of 20 pods passed in \d+\.\d s \(at most 8 requests in flight\)\.$", host.Information.Last());
            Assert.Contains(host.Progress, p => p.ActivityId == 1 && p.Status == "20 of 20 pods done" && p.Completed);
        }
        finally
        {
            foreach (var pod in pods) pod.Connection.Dispose();
        }
    }
}
