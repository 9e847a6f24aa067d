using System.IO.Compression;
using System.Net;
using System.Text;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Connect;

/// <summary>
/// Import-ConnectFlow's logic over HTTP to a real sandbox with the shapes Cisco's releases come in: bundles, camel-case,
/// abbreviated and numbered-inside names, and Google Business Messages, all built at test time from the fixtures' payloads.
/// Each test owns its sandbox: the channel-agnostic flows exist once per tenant.
/// </summary>
public sealed class FlowBundleImportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-bundle-import", Guid.NewGuid().ToString("N"));

    public FlowBundleImportTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] Release =
    [
        "Email Inbound Flow", "Facebook Inbound Flow", "Live Chat Close Flow", "Live Chat Inbound Flow", "SMS Inbound Flow",
        "Task Close Flow", "Task Modified Flow", "Task Routed Flow", "WAB Inbound Flow",
    ];

    private sealed class Host(bool confirm = true) : ICommandHost, IInformationHost
    {
        public CancellationToken CancellationToken => CancellationToken.None;
        public List<ConnectFlow> Flows { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<string> Information { get; } = new();
        public List<(string Target, string Action)> Asked { get; } = new();
        public bool ShouldProcess(string target, string action) { Asked.Add((target, action)); return confirm; }
        public void WriteObject(object item) { if (item is ConnectFlow flow) Flows.Add(flow); }
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) { }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
        public void WriteInformation(string message) => Information.Add(message);
    }

    private static string Payload(string fixture) => SharedFixtures.Payload("v2.1", fixture + ".workflow");

    private string Zip(string relative, params (string Entry, string Content)[] entries)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var writer = new StreamWriter(archive.CreateEntry(entry).Open(), Encoding.ASCII);
            writer.Write(content);
        }
        return path;
    }

    private string Plain(string relative, string fixture)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Payload(fixture), Encoding.ASCII);
        return path;
    }

    private string Bundle() => Zip("Webex-Connect-Flows-v2.0.zip", Release.Select(n => ($"Webex-Connect-Flows-v2.0/{n}.workflow", Payload(n)))
        .Append(("Webex-Connect-Flows-v2.0/.DS_Store", "\0\0\0\u0001Bud1")).Append(("__MACOSX/Webex-Connect-Flows-v2.0/._Task Routed Flow.workflow", "AppleDouble")).ToArray());

    private static async Task<(SandboxProcess Sandbox, DigitalChannelsConnection Connection)> StartAsync()
    {
        var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl),
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
        }, CancellationToken.None);
        return (sandbox, connection);
    }

    private static Host Import(DigitalChannelsConnection connection, string service, IReadOnlyList<string> paths, bool skip = false, bool confirm = true,
        string? name = null, ConnectFlowKind? kind = null)
    {
        var host = new Host(confirm);
        CommandRunner.Run(host, ConnectFlowCommands.Noun, h => ConnectFlowCommands.ImportAsync(h, connection, new ConnectServiceIdentity(service), paths, name, kind, skip, "(test)"));
        return host;
    }

    private static void NewService(DigitalChannelsConnection connection, string name)
    {
        var host = new Host();
        CommandRunner.Run(host, ConnectServiceCommands.Noun, h => ConnectServiceCommands.NewAsync(h, connection, name, null));
        Assert.Empty(host.Errors);
    }

    [Fact]
    public async Task A_bundle_imports_each_flow_and_with_the_switch_skips_the_channel_agnostic_flows_the_tenant_has()
    {
        var (sandbox, connection) = await StartAsync();
        using var _ = sandbox;
        using var __ = connection;
        var bundle = Bundle();
        foreach (var service in new[] { "Release", "Second", "Third" }) NewService(connection, service);

        // One object per flow, named from its file, with the kind its name tells.
        var first = Import(connection, "Release", [bundle]);
        Assert.Empty(first.Errors);
        Assert.Equal(Release, first.Flows.Select(f => f.Name));
        Assert.All(first.Flows, f => Assert.Equal("Created", f.ImportResult));
        Assert.Equal(new[] { "Email", "FacebookMessenger", "LiveChat", "LiveChat", "Sms", "TaskClose", "TaskModified", "TaskRouted", "WhatsApp" },
            first.Flows.Select(f => f.Kind));

        // -WhatIf: each flow listed with what it would become, the agnostic ones said to be skipped; nothing changes.
        var plan = Import(connection, "Second", [bundle], skip: true, confirm: false);
        Assert.Empty(plan.Flows);
        Assert.Equal(Release.Where(n => !n.StartsWith("Task")).Select(n => $"Connect flow '{n}' in service 'Second'"), plan.Asked.Select(a => a.Target));
        Assert.Contains(plan.Asked, a => a.Action.StartsWith("Import Webex-Connect-Flows-v2.0.zip (Webex-Connect-Flows-v2.0/WAB Inbound Flow.workflow), ") &&
                                          a.Action.EndsWith(", WhatsApp (from 'WAB Inbound Flow.workflow')"));
        Assert.Equal(3, plan.Information.Count);
        Assert.Contains("Skipped Webex-Connect-Flows-v2.0.zip (Webex-Connect-Flows-v2.0/Task Routed Flow.workflow) (TaskRouted): " +
                        "the tenant has the TaskRouted flow 'Task Routed Flow' in service 'Release' already.", plan.Information);
        Assert.Empty(Import(connection, "Second", [bundle], confirm: false).Flows);

        var second = Import(connection, "Second", [bundle], skip: true);
        Assert.Empty(second.Errors);
        Assert.Equal(6, second.Flows.Count);
        Assert.All(second.Flows, f => Assert.Equal("Channel", f.Category));

        // Without the switch, each agnostic flow is refused on its own and the channel flows still import.
        var third = Import(connection, "Third", [bundle]);
        Assert.Equal(6, third.Flows.Count);
        Assert.Equal(3, third.Errors.Count);
        Assert.All(third.Errors, e => Assert.Equal("ConnectFlowAlreadyExists", e.ErrorId));
        Assert.Contains(third.Errors, e => e.Message.Contains("already has a Task Routed flow: 'Task Routed Flow'"));

        // -Name names one flow: a bundle with it is refused before anything changes.
        var named = Import(connection, "Third", [bundle], name: "One name");
        Assert.Equal("ConnectFlowInvalidArgument", Assert.Single(named.Errors).ErrorId);
        Assert.Contains("-Name names one flow", named.Errors[0].Message);
        Assert.Empty(named.Flows);
    }

    [Fact]
    public async Task Camel_case_abbreviated_numbered_and_new_channel_names_import_with_the_right_kind()
    {
        var (sandbox, connection) = await StartAsync();
        using var _ = sandbox;
        using var __ = connection;
        NewService(connection, "Styles");
        var files = new (string Path, string Name, string Kind)[]
        {
            (Zip("SmsQABotInboundFlow.workflow.zip", ("SmsQABotInboundFlow.workflow", Payload("SMS Inbound Flow")), ("__MACOSX/._SmsQABotInboundFlow.workflow", "x")),
                "SmsQABotInboundFlow", "Sms"),
            (Plain("FBM_Inbound_Message_ANZ.workflow", "Facebook Inbound Flow"), "FBM_Inbound_Message_ANZ", "FacebookMessenger"),
            (Plain("LC Close Flow.workflow", "Live Chat Close Flow"), "LC Close Flow", "LiveChat"),
            (Zip("AMB Simplified Flow.zip", ("AMB Simplified Flow/AMB Simplified Flow.workflow", Payload("WAB Inbound Flow"))), "AMB Simplified Flow", "AppleMessagesForBusiness"),
            (Zip("Email Inbound Flow.workflow.zip", ("1680000000.workflow", Payload("Email Inbound Flow"))), "Email Inbound Flow", "Email"),
            (Zip(Path.Combine("Google Business Messages", "Basic Inbound Flow.workflow.zip"), ("Basic Inbound Flow.workflow", Payload("Live Chat Inbound Flow"))),
                "Basic Inbound Flow", "GoogleBusinessMessages"),
        };

        var host = Import(connection, "Styles", files.Select(f => f.Path).ToList());
        Assert.Empty(host.Errors);
        Assert.Equal(files.Select(f => (f.Name, f.Kind)), host.Flows.Select(f => (f.Name, f.Kind)));

        // A Google Business Messages flow imports, but nothing can trigger it: Save says why.
        var gbm = host.Flows.Single(f => f.Kind == "GoogleBusinessMessages");
        var saved = new Host();
        CommandRunner.Run(saved, ConnectFlowCommands.Noun, h => ConnectFlowCommands.SaveAsync(h, connection, new ConnectFlowIdentity(gbm), null));
        Assert.Contains(Assert.Single(saved.Flows).Findings!, f => f.Contains("none can be created: Google ended Business Messages on 31 July 2024"));

        // A name that tells nothing stops with the error that asks for -Kind; a missing file is an error of its own, the rest go on.
        var unknown = Import(connection, "Styles", [Plain(Path.Combine("Downloads", "Orders.workflow"), "Task Routed Flow"), Path.Combine(_folder, "Missing.workflow"),
            Plain("RCS Inbound Flow.workflow", "SMS Inbound Flow")]);
        Assert.Equal(new[] { "ConnectFlowFileNotFound", "ConnectFlowInvalidArgument" }, unknown.Errors.Select(e => e.ErrorId).Order());
        Assert.Contains(unknown.Errors, e => e.Message.StartsWith("The flow kind cannot be told from 'Orders.workflow' or 'Downloads' or") && e.Message.Contains("Pass -Kind"));
        Assert.Equal("Rcs", Assert.Single(unknown.Flows).Kind);

        // -Kind says it outright.
        var told = Import(connection, "Styles", [Path.Combine(_folder, "Downloads", "Orders.workflow")], kind: ConnectFlowKind.InboundWebhook);
        Assert.Equal("InboundWebhook", Assert.Single(told.Flows).Kind);
    }

    [Fact]
    public async Task Every_fixture_file_still_imports_through_the_client_with_the_kind_its_name_tells()
    {
        var (sandbox, connection) = await StartAsync();
        using var _ = sandbox;
        using var __ = connection;
        NewService(connection, "Fixtures");
        var files = SharedFixtures.AllWorkflowFiles();
        Assert.Equal(23, files.Count);

        var host = Import(connection, "Fixtures", files);
        Assert.Empty(host.Errors);
        Assert.Equal(23, host.Flows.Count);
        // v2.1 as .workflow and as .zip: the second Unchanged, but Cisco's Email zip holds a later export than the plain file;
        // then the v3.5 Task flows as new versions of the v2.1 ones.
        Assert.Equal("Created=11 NewVersion=4 Unchanged=8", string.Join(" ", host.Flows.GroupBy(f => f.ImportResult).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
        Assert.All(host.Flows, f => Assert.Equal(FlowKindInference.Infer(f.Name), Enum.Parse<ConnectFlowKind>(f.Kind!)));
    }

    [Fact]
    public async Task The_sandbox_refuses_Google_Business_Messages_apps_with_the_reason_and_takes_Apple_ones()
    {
        var (sandbox, connection) = await StartAsync();
        using var _ = sandbox;
        using var __ = connection;
        using var api = new SandboxApi(sandbox);
        var token = await api.OwnerTokenAsync();
        var apps = $"/connect/v1/organization/{sandbox.OrgId}/assets/apps";
        using (var gbm = await api.SendAsync(HttpMethod.Post, apps, token, new { name = "Maps chat", channel = "GoogleBusinessMessages" }))
            await SandboxApi.ExpectProblemAsync(gbm, HttpStatusCode.BadRequest, "request.invalid_field",
                "No GoogleBusinessMessages app can be created: Google ended Business Messages on 31 July 2024", "Its flows still import");
        using (var amb = await api.SendAsync(HttpMethod.Post, apps, token, new { name = "Business chat", channel = "AppleMessagesForBusiness" }))
            Assert.Equal("AppleMessagesForBusiness", (await SandboxApi.ExpectJsonAsync(amb, HttpStatusCode.Created)).GetProperty("channel").GetString());
        using (var list = await api.SendAsync(HttpMethod.Get, $"/connect/v1/organization/{sandbox.OrgId}/assets?channel=GoogleBusinessMessages", token))
            Assert.Empty((await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
    }
}
