using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Lab.Steps;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>
/// The engine's decisions with scripted steps (no server): order, ShouldProcess, dependants skipped after a failure,
/// a person's part, a change that does not take, the wait for the platform, Ctrl+C, and a live tenant.
/// </summary>
public sealed class LabEngineTests
{
    /// <summary>A step whose state is a script: each observation is (target, current, wanted); the fix sets current.</summary>
    private sealed class ScriptedStep : LabStep
    {
        public ScriptedStep(string id, params string[] dependsOn) : base(id, "12.9", "Step " + id, dependsOn) { }

        public Dictionary<string, (string Current, string Wanted)> State { get; } = new();
        public Exception? ObserveFailure { get; set; }
        public Exception? FixFailure { get; set; }
        public bool FixDoesNotTake { get; set; }
        public string? PersonReason { get; set; }
        public int Observed { get; private set; }
        public List<string> Fixed { get; } = new();

        public override bool AppliesTo(LabDefinition definition) => true;

        public override Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            Observed++;
            if (ObserveFailure != null) throw ObserveFailure;
            IReadOnlyList<LabObservation> list = State.Select(pair => pair.Value.Current == pair.Value.Wanted
                ? LabObservation.Matches(pair.Key, pair.Value.Wanted)
                : PersonReason != null
                    ? LabObservation.NeedsPerson(pair.Key, pair.Value.Wanted, pair.Value.Current, PersonReason)
                    : pair.Value.Current == "missing"
                        ? LabObservation.Missing(pair.Key, pair.Value.Wanted, ct => Fix(pair.Key))
                        : LabObservation.Differs(pair.Key, pair.Value.Wanted, pair.Value.Current, ct => Fix(pair.Key))).ToList();
            return Task.FromResult(list);
        }

        private Task Fix(string target)
        {
            if (FixFailure != null) throw FixFailure;
            Fixed.Add(target);
            if (!FixDoesNotTake) State[target] = (State[target].Wanted, State[target].Wanted);
            return Task.CompletedTask;
        }
    }

    private static async Task<LabPod> PodAsync(WebexEnvironment? environment = null, StubHandler? handler = null) =>
        new("7", await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = environment ?? WebexEnvironment.ForSandbox("http://sandbox.test"),
            OrganizationId = "org-1",
            AccessToken = "test-token-value",
            HttpMessageHandler = handler ?? new StubHandler((_, _, _) => throw new InvalidOperationException("no request expected")),
            RetryPolicy = DigitalChannels.Client.Http.RetryPolicy.None,
        }, CancellationToken.None));

    private static readonly LabDefinition Definition = new() { Name = "Scripted", Pod = "7" };

    private static List<LabChange> Apply(RecordingHost host, params LabStep[] steps) =>
        Apply(host, new LabTimings(), steps);

    private static List<LabChange> Apply(RecordingHost host, LabTimings timings, params LabStep[] steps)
    {
        List<LabChange> rows = new();
        CommandRunner.Run(host, "DigitalChannelsLab", async h =>
        {
            var pod = await PodAsync();
            rows = await new LabEngine(h, timings, steps).ApplyAsync(pod, Definition);
        });
        return rows;
    }

    [Fact]
    public void Changes_are_asked_for_one_by_one_and_what_matches_is_left_alone()
    {
        var a = new ScriptedStep("a");
        a.State["Team 'Team1'"] = ("missing", "site 'Site'");
        a.State["Team 'Team2'"] = ("site 'Site'", "site 'Site'");
        a.State["RONA timeouts"] = ("Chat 45 s", "Chat 60 s");
        var host = new RecordingHost();

        var rows = Apply(host, a);

        Assert.Equal([("Pod 7: Team 'Team1'", "Create: site 'Site'"), ("Pod 7: RONA timeouts", "Change: Chat 45 s → Chat 60 s")], host.ShouldProcessCalls);
        Assert.Equal([LabChangeResult.Created, LabChangeResult.Unchanged, LabChangeResult.Changed], rows.Select(r => r.Result));
        Assert.Equal("Chat 45 s", rows[2].Before);
        Assert.Equal(3, a.Observed); // the plan, the apply, the verification after the changes
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void WhatIf_changes_nothing_and_lists_the_dependants_changes_from_the_plan()
    {
        var a = new ScriptedStep("a");
        a.State["x"] = ("1", "2");
        var b = new ScriptedStep("b", "a");
        b.State["y"] = ("1", "2");
        var host = new RecordingHost { Answer = false };

        var rows = Apply(host, a, b);

        Assert.Empty(a.Fixed);
        Assert.Empty(b.Fixed);
        Assert.Equal((LabChangeResult.NotApplied, "x"), (rows[0].Result, rows[0].Target));
        Assert.Equal((LabChangeResult.NotApplied, "y", "1", "2"), (rows[1].Result, rows[1].Target, rows[1].Before, rows[1].Expected));
        Assert.Equal("not applied: step 'Step a' was not applied", rows[1].Message);
        Assert.Equal(1, b.Observed); // the plan only
    }

    /// <summary>A step that reads what an earlier step creates, and predicts what it will find on a fresh tenant.</summary>
    private sealed class PredictingStep(string id, params string[] dependsOn) : LabStep(id, "12.9", "Step " + id, dependsOn)
    {
        public override bool AppliesTo(LabDefinition definition) => true;
        public override Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context) => throw new InvalidOperationException("Connect is not provisioned.");
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            [LabObservation.Predict("Connect service 'A'", "exists"), LabObservation.Predict("Engage attachments", "attachments enabled", "attachments enabled")];
    }

    [Fact]
    public void The_plan_predicts_what_it_cannot_read_yet_and_WhatIf_lists_it()
    {
        var provisioning = new ScriptedStep("provisioning");
        provisioning.State["Provisioning"] = ("missing", "Provisioned");
        var services = new PredictingStep("services", "provisioning");
        var host = new RecordingHost { Answer = false };

        var rows = Apply(host, provisioning, services);

        Assert.Contains("Plan for pod 7: 2 to create, 0 to change, 1 unchanged, 0 needing a person (1 step(s) predicted from the definition: they are read once the steps before them are applied).", host.Verbose);
        Assert.Contains("  + [12.9] Step services (predicted): create Connect service 'A' (exists)", host.Verbose);
        Assert.Equal([("Provisioning", LabChangeResult.NotApplied), ("Connect service 'A'", LabChangeResult.NotApplied), ("Engage attachments", LabChangeResult.Unchanged)],
            rows.Select(r => (r.Target, r.Result)).ToArray());
        Assert.Equal("not applied: step 'Step provisioning' was not applied; predicted from the definition", rows[1].Message);
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void A_predicted_change_refuses_to_run()
    {
        var observation = LabObservation.Predict("Connect service 'A'", "exists");
        Assert.True(observation.Predicted);
        Assert.Equal(LabAction.Create, observation.Action);
        var error = Assert.Throws<InvalidOperationException>(() => observation.Fix(CancellationToken.None).GetAwaiter().GetResult());
        Assert.Contains("a predicted change is applied only after its step has been read", error.Message);
    }

    [Fact]
    public void A_failed_step_skips_its_dependants_but_not_the_others()
    {
        var a = new ScriptedStep("a") { FixFailure = new InvalidOperationException("The site 'Site' is in use.") };
        a.State["x"] = ("missing", "there");
        var b = new ScriptedStep("b", "a");
        b.State["y"] = ("1", "2");
        var c = new ScriptedStep("c", "b");
        c.State["z"] = ("1", "2");
        var independent = new ScriptedStep("d");
        independent.State["w"] = ("1", "2");
        var host = new RecordingHost();

        var rows = Apply(host, a, b, c, independent);

        Assert.Equal([LabChangeResult.Failed, LabChangeResult.Skipped, LabChangeResult.Skipped, LabChangeResult.Changed], rows.Select(r => r.Result));
        Assert.Equal("The site 'Site' is in use.", rows[0].Message);
        Assert.Contains("'Step b' did not complete (skipped)", rows[2].Message);
        Assert.Equal(["w"], independent.Fixed);
        var error = Assert.Single(host.Errors);
        Assert.Equal("DigitalChannelsLabFailed", error.ErrorId);
        Assert.Equal("pod 7: x", error.TargetObject);
    }

    [Fact]
    public void A_step_that_cannot_be_read_is_an_error_not_a_failure_and_the_plan_says_why()
    {
        var a = new ScriptedStep("a") { ObserveFailure = new TimeoutException("The server did not answer.") };
        var host = new RecordingHost();

        var rows = Apply(host, a);

        var row = Assert.Single(rows);
        Assert.Equal((LabChangeResult.Error, "Step a", "The server did not answer."), (row.Result, row.Target, row.Message));
        Assert.Contains("  ! [12.9] Step a: cannot be read: The server did not answer.", host.Verbose); // no IInformationHost: verbose
        Assert.Single(host.Errors);
    }

    private static List<LabCheck> Test(params LabStep[] steps)
    {
        List<LabCheck> checks = new();
        CommandRunner.Run(new RecordingHost(), "DigitalChannelsLab", async h => checks = await new LabEngine(h, new LabTimings(), steps).TestAsync(await PodAsync(), Definition));
        return checks;
    }

    [Fact]
    public void Test_keeps_the_five_results_apart()
    {
        var passed = new ScriptedStep("passed");
        passed.State["Site 'Site'"] = ("Site", "Site");
        var failed = new ScriptedStep("failed");
        failed.State["RONA timeouts"] = ("Chat 45 s", "Chat 60 s");
        var person = new ScriptedStep("person") { PersonReason = "only the Owner can grant Decrypt Logs" };
        person.State["Decrypt Logs"] = ("not granted", "granted");
        var error = new ScriptedStep("error") { ObserveFailure = new TimeoutException("The server did not answer.") };
        var skipped = new ScriptedStep("skipped", "error");
        skipped.State["Service"] = ("missing", "present");
        var readAfterFailure = new ScriptedStep("read", "failed");
        readAfterFailure.State["Team"] = ("missing", "present");

        var checks = Test(passed, failed, person, error, skipped, readAfterFailure);

        Assert.Equal(
            [("passed", LabResult.Passed), ("failed", LabResult.Failed), ("person", LabResult.NeedsPerson), ("error", LabResult.Error), ("skipped", LabResult.Skipped), ("read", LabResult.Failed)],
            checks.Select(c => (c.StepId, c.Result)).ToArray());
        Assert.Equal(("Chat 60 s", "Chat 45 s", (string?)null), (checks[1].Expectation, checks[1].Actual, checks[1].Reason));
        Assert.Equal("only the Owner can grant Decrypt Logs", checks[2].Reason);
        Assert.Equal("The server did not answer.", checks[3].Reason);
        Assert.Equal("not checked: step 'Step error' did not pass (Error)", checks[4].Reason);
        Assert.Equal(0, skipped.Observed); // a dependency that could not be checked is not followed by a reading
        Assert.Equal([true, false, false, false, false, false], checks.Select(c => c.Passed).ToArray());

        var summary = LabEngine.Summarize(PodAsync().GetAwaiter().GetResult(), [], checks, TimeSpan.Zero);
        Assert.Equal((1, 2, 1, 1, 1), (summary.ChecksPassed, summary.ChecksFailed, summary.ChecksNeedPerson, summary.ChecksSkipped, summary.ChecksError));
        Assert.Equal(LabResult.Error, summary.Result);
        Assert.False(summary.Passed);
    }

    [Fact]
    public void A_step_that_cannot_be_read_after_a_dependency_did_not_pass_is_skipped_naming_the_dependency()
    {
        var person = new ScriptedStep("provisioning") { PersonReason = "provisioning on a live tenant is started in Control Hub" };
        person.State["Provisioning"] = ("not provisioned", "provisioned");
        var connect = new ScriptedStep("services", "provisioning") { ObserveFailure = new InvalidOperationException("Connect is not provisioned.") };

        var checks = Test(person, connect);

        Assert.Equal([LabResult.NeedsPerson, LabResult.Skipped], checks.Select(c => c.Result).ToArray());
        Assert.Equal("not checked: step 'Step provisioning' needs a person (NeedsPerson): Connect is not provisioned.", checks[1].Reason);
    }

    [Fact]
    public void A_change_that_does_not_take_is_a_failure_now_not_a_surprise_next_run()
    {
        var a = new ScriptedStep("a") { FixDoesNotTake = true };
        a.State["RONA timeouts"] = ("Chat 45 s", "Chat 60 s");
        var host = new RecordingHost();

        var row = Assert.Single(Apply(host, a));

        Assert.Equal(LabChangeResult.Failed, row.Result);
        Assert.Equal("still differs after the change: expected Chat 60 s, found Chat 45 s", row.Message);
    }

    [Fact]
    public void What_only_a_person_can_do_is_reported_with_the_reason_and_blocks_the_dependants()
    {
        var a = new ScriptedStep("a") { PersonReason = "only Cisco support can change the Digital Channel setting" };
        a.State["Digital Channel"] = ("'Legacy'", "'IMI Digital'");
        var b = new ScriptedStep("b", "a");
        var host = new RecordingHost();

        var rows = Apply(host, a, b);

        Assert.Equal((LabChangeResult.NeedsPerson, "only Cisco support can change the Digital Channel setting"), (rows[0].Result, rows[0].Message));
        Assert.Equal(LabChangeResult.Skipped, rows[1].Result);
        Assert.Empty(host.ShouldProcessCalls);
    }

    [Fact]
    public async Task A_long_wait_reports_progress_and_stops_on_ctrl_c()
    {
        var host = new RecordingHost();
        var pod = await PodAsync();
        var polls = 0;
        var timings = new LabTimings
        {
            PollInterval = TimeSpan.FromSeconds(2),
            Delay = (_, ct) =>
            {
                if (++polls == 3) host.Cancel(); // Ctrl+C during the third pause
                ct.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            },
        };
        var pods = new ProgressActivity(host, 7, "Applying to pod 1");
        var context = new LabContext(pod.Connection, Definition, timings, host.CancellationToken, pods);
        var liveAt = DateTimeOffset.UtcNow.AddMinutes(2);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            context.WaitUntilAsync("Waiting for 'Task Close Flow' to be Live", _ => Task.FromResult("Publishing"), s => s == "Live", s => s, TimeSpan.FromMinutes(10),
                readyAt: _ => liveAt));
        var reports = host.Progress.Where(p => !p.Completed).ToList();
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(("Waiting for 'Task Close Flow' to be Live", "Publishing", 7), (r.Activity, r.Status, r.ParentActivityId)));
        Assert.All(reports, r => Assert.InRange(r.SecondsRemaining, 1, 120)); // from the announced end, not from the poll count
        // Cancelled, the wait still closes its bar, beneath the pod's, which stays open for the pod's next step.
        var closed = Assert.Single(host.Progress, p => p.Completed);
        Assert.Equal((reports[0].ActivityId, 7), (closed.ActivityId, closed.ParentActivityId));
        Assert.NotEqual(7, closed.ActivityId);

        var quick = new LabContext(pod.Connection, Definition, new LabTimings { PollInterval = TimeSpan.FromSeconds(1), Delay = (_, _) => Task.CompletedTask }, CancellationToken.None);
        var timeout = await Assert.ThrowsAsync<TimeoutException>(() =>
            quick.WaitUntilAsync("Provisioning Digital Channels", _ => Task.FromResult("Provisioning"), s => s == "Provisioned", s => s, TimeSpan.FromSeconds(3)));
        Assert.Equal("Provisioning Digital Channels: still Provisioning after 3 s.", timeout.Message);
    }

    [Fact]
    public async Task Against_a_live_tenant_the_provisioning_check_names_the_control_hub_page_and_never_pretends()
    {
        var handler = new StubHandler((_, _, _) => throw new InvalidOperationException("no request may reach a live tenant for this"));
        var pod = await PodAsync(WebexEnvironment.ForRegion("us1"), handler);
        var definition = new LabDefinition { Name = "Live", Pod = "7", Provisioning = new ProvisioningDefinition { Owner = "admin@example.com" } };
        var host = new RecordingHost();
        List<LabCheck> checks = new();

        CommandRunner.Run(host, "DigitalChannelsLab", async h => checks = await new LabEngine(h, null, [new ProvisioningStep()]).TestAsync(pod, definition));

        var check = Assert.Single(checks);
        Assert.False(check.Passed);
        Assert.Contains("Control Hub → Contact Center → Settings → Digital → Provision Digital Channels", check.Reason);
        Assert.Empty(handler.Requests);
    }

    /// <summary>A step whose fix waits until the test (or another step) lets it go, as provisioning waits for the platform.</summary>
    private sealed class WaitingStep : LabStep
    {
        public WaitingStep(string id, params string[] dependsOn) : base(id, "12.9", "Step " + id, dependsOn) { }

        public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool Done { get; private set; }
        public override bool AppliesTo(LabDefinition definition) => true;

        public override Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context) =>
            Task.FromResult<IReadOnlyList<LabObservation>>(Done
                ? [LabObservation.Matches("provisioning", "done")]
                : [LabObservation.Missing("provisioning", "done", async ct =>
                {
                    // A guard against a hang: were the steps run one after another, nobody would release this.
                    await Released.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
                    Done = true;
                })]);
    }

    /// <summary>A step whose fix lets the waiting step go: it can only run while that one waits.</summary>
    private sealed class ReleasingStep : LabStep
    {
        private readonly WaitingStep _waiting;
        public ReleasingStep(string id, WaitingStep waiting) : base(id, "12.9", "Step " + id) { _waiting = waiting; }
        public bool Done { get; private set; }
        public bool WaitingWasDone { get; private set; }
        public override bool AppliesTo(LabDefinition definition) => true;

        public override Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context) =>
            Task.FromResult<IReadOnlyList<LabObservation>>(Done
                ? [LabObservation.Matches("team", "there")]
                : [LabObservation.Missing("team", "there", ct =>
                {
                    WaitingWasDone = _waiting.Done;
                    Done = true;
                    _waiting.Released.TrySetResult();
                    return Task.CompletedTask;
                })]);
    }

    [Fact]
    public void A_step_runs_while_an_unrelated_step_waits_and_its_dependants_wait_for_it()
    {
        var provisioning = new WaitingStep("provisioning");
        var contactCenter = new ReleasingStep("contact-center", provisioning); // depends on nothing: runs during the wait
        var services = new ScriptedStep("services", "provisioning");
        services.State["service"] = ("missing", "there");
        var host = new RecordingHost();

        var rows = Apply(host, provisioning, contactCenter, services);

        Assert.False(contactCenter.WaitingWasDone, "the independent step ran while provisioning still waited");
        Assert.True(provisioning.Done);
        Assert.Equal(["service"], services.Fixed);
        // The rows keep the lab's order, whatever order the steps finished in.
        Assert.Equal(["Step provisioning", "Step contact-center", "Step services"], rows.Select(r => r.Step));
        Assert.All(rows, r => Assert.Equal(LabChangeResult.Created, r.Result));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public void A_wait_reads_again_when_the_platform_says_it_is_ready_not_every_poll_interval()
    {
        var now = DateTimeOffset.Parse("2026-12-03T08:00:00Z");
        var timings = new LabTimings { PollInterval = TimeSpan.FromSeconds(2), MaxPause = TimeSpan.FromSeconds(30), Now = () => now };

        Assert.Equal(TimeSpan.FromSeconds(2), timings.PauseUntil(null)); // no ready time: the poll interval
        Assert.Equal(TimeSpan.FromSeconds(2), timings.PauseUntil(now.AddSeconds(-5))); // past it and still not done
        var twelve = timings.PauseUntil(now.AddSeconds(12)); // Make Live: just after it
        Assert.InRange(twelve, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(13));
        Assert.Equal(TimeSpan.FromSeconds(30), timings.PauseUntil(now.AddMinutes(5))); // provisioning: at most MaxPause, so progress stays alive
    }

    [Fact]
    public async Task Waiting_for_a_ready_time_takes_two_reads_where_polling_took_seven()
    {
        var now = DateTimeOffset.Parse("2026-12-03T08:00:00Z");
        var ready = now.AddSeconds(12);
        var reads = 0;
        var timings = new LabTimings { PollInterval = TimeSpan.FromSeconds(2), Now = () => now, Delay = (d, _) => { now += d; return Task.CompletedTask; } };
        var pod = await PodAsync();
        var context = new LabContext(pod.Connection, Definition, timings, CancellationToken.None);

        await context.WaitUntilAsync("Make Live", _ => { reads++; return Task.FromResult(now >= ready ? "Live" : "Publishing"); },
            s => s == "Live", s => s, TimeSpan.FromMinutes(10), readyAt: _ => ready);
        Assert.Equal(2, reads);

        now = DateTimeOffset.Parse("2026-12-03T08:00:00Z");
        reads = 0;
        await context.WaitUntilAsync("Make Live", _ => { reads++; return Task.FromResult(now >= ready ? "Live" : "Publishing"); },
            s => s == "Live", s => s, TimeSpan.FromMinutes(10));
        Assert.Equal(7, reads); // 0, 2, 4, … 12 s
    }
}
