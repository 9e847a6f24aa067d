using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>
/// The lab definition: the shipped Lab12.psd1 holds the lab guide's values (and equals Lab12.json), and a definition with
/// a mistake is refused before anything changes, naming the file, the key and the problem.
/// </summary>
public sealed class LabDefinitionReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lab-definition-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Flows => SharedFixtures.Workflow("v2.1");

    private static string ShippedFolder
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "DigitalChannels.sln"))) return Path.Combine(directory.FullName, "module", "Labs");
            throw new InvalidOperationException("No folder above the tests contains DigitalChannels.sln.");
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private LabDefinitionException Refused(string psd1Body)
    {
        var path = Write("broken.psd1", "@{\n    SchemaVersion = 1\n" + psd1Body + "\n}\n");
        var error = Assert.Throws<LabDefinitionException>(() => LabDefinitionFile.Load(path, Flows));
        Assert.Contains(path, error.Message);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.OrdinalIgnoreCase);
        return error;
    }

    [Fact]
    public void The_shipped_definition_holds_the_lab_guides_values()
    {
        var lab = LabDefinitionFile.Load(Path.Combine(ShippedFolder, "Lab12.psd1"), Flows);

        Assert.Equal(("IMI Digital", "cl1admin{Pod}@email.carehybrid.com"), (lab.Provisioning.DigitalChannel, lab.Provisioning.Owner));
        var agnostic = Assert.Single(lab.Connect.Services, s => s.Flows.Count > 0);
        Assert.Equal("Agnostic Flows DO NOT MODIFY", agnostic.Name);
        Assert.True(agnostic.Locked);
        Assert.Equal(["Task Close Flow", "Task Routed Flow", "Task Modified Flow"], agnostic.Flows.Select(f => f.Name));
        Assert.Equal([ConnectFlowKind.TaskClose, ConnectFlowKind.TaskRouted, ConnectFlowKind.TaskModified], agnostic.Flows.Select(f => f.Kind!.Value));
        Assert.All(agnostic.Flows, f => Assert.True(File.Exists(f.FilePath), f.FilePath));
        var teammate = Assert.Single(lab.Connect.Teammates);
        Assert.Equal((ConnectTeammateRole.FullAccess, true), (teammate.Role, teammate.DecryptLogs));
        Assert.Equal(["WxCC Engage Authorisation", "WxCC Authorisation"], lab.Connect.NodeAuthorizations.Select(a => a.Name));

        var mmp = Assert.Single(lab.ContactCenter.MultimediaProfiles);
        Assert.Equal(("MMP", BlendingMode.Blended, 1, 3, 3, 3), (mmp.Name, mmp.BlendingMode, mmp.Telephony, mmp.Chat, mmp.Email, mmp.Social));
        Assert.Equal(("Site", "MMP"), (lab.ContactCenter.Sites[0].Name, lab.ContactCenter.Sites[0].MultimediaProfile));
        Assert.Equal(["Team1", "Team2"], lab.ContactCenter.Teams.Select(t => t.Name));
        Assert.All(lab.ContactCenter.Teams, t => Assert.Equal(("Site", TeamType.AgentBased, "MMP", "Global Layout"), (t.Site, t.Type, t.MultimediaProfile, t.DesktopLayout)));
        Assert.Equal(["cl1agent{Pod}@email.carehybrid.com", "cl1sup{Pod}@email.carehybrid.com"], lab.ContactCenter.Users.Select(u => u.Email));
        Assert.All(lab.ContactCenter.Users, u =>
        {
            Assert.Equal(("Premium Agent User Profile", true, "Site", "Agent Profile", "MMP"), (u.UserProfile, u.ContactCenterEnabled, u.Site, u.DesktopProfile, u.MultimediaProfile));
            Assert.Equal(["Team1", "Team2"], u.Teams);
        });
        var rona = lab.ContactCenter.RonaTimeouts;
        Assert.Equal((18, 60, 90, 60), (rona.Telephony, rona.Chat, rona.Email, rona.Social));
        Assert.True(lab.Engage.AttachmentsEnabled);
        Assert.Equal(("UTC", "YYYY-MM-DD HH:mm:ss"), (lab.Connect.TenantSettings.TimeZone, lab.Connect.TenantSettings.DateFormat));
        Assert.Equal(17, LabEngine.Steps.Count);
        Assert.Equal(15, LabEngine.StepsFor(lab).Count); // everything but templates and the blocklist, which the lab does not set
        Assert.Contains("12.2-tenant-settings", LabEngine.StepsFor(lab).Select(s => s.Id));
    }

    [Fact]
    public void The_shipped_psd1_and_json_are_the_same_definition()
    {
        var psd1 = LabDefinitionFile.Load(Path.Combine(ShippedFolder, "Lab12.psd1"), Flows);
        var json = LabDefinitionFile.Load(Path.Combine(ShippedFolder, "Lab12.json"), Flows);
        psd1.Source = json.Source = null;
        Assert.Equal(JsonConvert.SerializeObject(psd1), JsonConvert.SerializeObject(json));
    }

    [Fact]
    public void A_pod_gets_its_own_values_and_the_original_is_left_alone()
    {
        var lab = LabDefinitionFile.Load(Path.Combine(ShippedFolder, "Lab12.psd1"), Flows);
        var pod = LabDefinitionReader.ForPod(lab, "12");
        Assert.Equal("cl1admin12@email.carehybrid.com", pod.Provisioning.Owner);
        Assert.Equal("cl1agent12@email.carehybrid.com", pod.ContactCenter.Users[0].Email);
        Assert.Equal("Pod 12 Service", pod.Connect.Services[0].Name);
        Assert.Equal("12", pod.Pod);
        Assert.Equal("cl1admin{Pod}@email.carehybrid.com", lab.Provisioning.Owner);
        Assert.Null(lab.Pod);
        Assert.DoesNotContain("{Pod}", JsonConvert.SerializeObject(pod));
        var bad = Assert.Throws<ArgumentException>(() => LabDefinitionReader.ForPod(lab, "12 b"));
        Assert.Contains("'12 b'", bad.Message);
    }

    [Fact]
    public void A_hashtable_from_powershell_reads_like_the_file()
    {
        var table = new System.Collections.Hashtable
        {
            ["SchemaVersion"] = 1,
            ["ContactCenter"] = new System.Collections.Hashtable
            {
                ["RonaTimeouts"] = new System.Collections.Hashtable { ["Telephony"] = 18, ["Chat"] = 60 },
            },
        };
        var lab = LabDefinitionFile.From(table, null);
        Assert.Equal((18, 60, (int?)null), (lab.ContactCenter.RonaTimeouts.Telephony, lab.ContactCenter.RonaTimeouts.Chat, lab.ContactCenter.RonaTimeouts.Email));
        Assert.Equal("(hashtable)", lab.Source);
        Assert.Equal([RonaTimeoutsStepId], LabEngine.StepsFor(lab).Select(s => s.Id));
    }

    private const string RonaTimeoutsStepId = "12.5-rona";

    [Fact]
    public void Every_mistake_is_reported_at_once_with_its_key()
    {
        var error = Refused("""
                ContactCenter = @{
                    MultimediaProfiles = @( @{ Name = 'MMP'; Telephony = 2; Chatt = 3 } )
                    Sites = @( @{ Name = 'Site'; MultimediaProfile = 'MPP' } )
                    Teams = @( @{ Name = 'Team1'; Site = 'Site' }, @{ Name = 'team1'; Site = 'Site'; Type = 'Squad' } )
                    Users = @( @{ Email = 'agent.example.com'; Teams = 'Team1', 'Team3' } )
                    RonaTimeouts = @{ Telephony = 121; Chat = 'sixty' }
                }
            """);
        var problems = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("ContactCenter.MultimediaProfiles[0].Telephony: 2 is out of range: allowed 0 to 1", problems);
        Assert.Contains(problems, p => p.StartsWith("ContactCenter.MultimediaProfiles[0].Chatt: is not a known key here (known: ", StringComparison.Ordinal));
        Assert.Contains("ContactCenter.Sites[0].MultimediaProfile: the multimedia profile 'MPP' is not defined in ContactCenter.MultimediaProfiles (defined: 'MMP')", problems);
        Assert.Contains("ContactCenter.Teams: the team 'Team1' is defined 2 times", problems);
        Assert.Contains(problems, p => p.StartsWith("ContactCenter.Teams[1].Type: 'Squad' is not one of AgentBased, CapacityBased", StringComparison.Ordinal));
        Assert.Contains("ContactCenter.Users[0].Email: 'agent.example.com' is not an email address", problems);
        Assert.Contains(problems, p => p.StartsWith("ContactCenter.Users[0].Teams[1]: the team 'Team3' is not defined in ContactCenter.Teams", StringComparison.Ordinal));
        Assert.Contains("ContactCenter.RonaTimeouts.Telephony: 121 is out of range: allowed 1 to 120", problems);
        Assert.Contains("ContactCenter.RonaTimeouts.Chat: expected a whole number, found the text 'sixty'", problems);
        Assert.Equal(9, problems.Count);
        Assert.Contains("(9 problems)", error.Message);
    }

    [Fact]
    public void Flows_whose_file_is_missing_or_whose_trigger_cannot_be_told_are_refused()
    {
        var error = Refused("""
                Connect = @{
                    Services = @(
                        @{ Name = 'CA'; Flows = @(
                            @{ Name = 'Task Close Flow'; File = 'No Such Flow.workflow' }
                            @{ Name = 'My flow'; File = 'Email Inbound Flow.workflow'; Kind = 'Carrier pigeon' }
                            @{ Name = 'Mystery'; File = 'Live Chat Close Flow.workflow' }
                        ) }
                    )
                }
            """);
        var problems = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith($"Connect.Services[0].Flows[0].File: the flow file '{Path.Combine(Flows, "No Such Flow.workflow")}' does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Connect.Services[0].Flows[1].Kind: 'Carrier pigeon' is not one of TaskRouted", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("Connect.Services[0].Flows[2]", StringComparison.Ordinal)); // "Live Chat" tells LiveChat
    }

    [Fact]
    public void A_flow_kind_comes_from_the_folders_as_in_Import_ConnectFlow_and_a_discontinued_channel_is_refused()
    {
        var payload = File.ReadAllText(Path.Combine(Flows, "Live Chat Inbound Flow.workflow"));
        var apple = Path.Combine(_folder, "Apple Messages for Business", "Unsubscribe Flow.workflow");
        var google = Path.Combine(_folder, "Google Business Messages", "Basic Inbound Flow.workflow");
        foreach (var file in new[] { apple, google })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, payload);
        }
        var path = Write("apple.psd1", $"@{{\n    SchemaVersion = 1\n    Connect = @{{ Services = @( @{{ Name = 'AMB'; Flows = @( @{{ Name = 'Unsubscribe'; File = '{apple}' }} ) }} ) }}\n}}\n");
        var flow = Assert.Single(Assert.Single(LabDefinitionFile.Load(path, Flows).Connect.Services).Flows);
        Assert.Equal(ConnectFlowKind.AppleMessagesForBusiness, flow.Kind);

        var error = Refused($"    Connect = @{{ Services = @( @{{ Name = 'GBM'; Flows = @( @{{ Name = 'Basic'; File = '{google}' }} ) }} ) }}");
        Assert.Contains(error.Problems.Select(p => p.ToString()), p => p.StartsWith(
            "Connect.Services[0].Flows[0].Kind: GoogleBusinessMessages flows import but can never be made live: no app of the channel can be created (Google ended", StringComparison.Ordinal));
    }

    [Fact]
    public void Placeholders_owners_integrations_and_types_are_checked()
    {
        var error = Refused("""
                Provisioning = @{ Owner = 'cl1admin{Pdo}@email.carehybrid.com' }
                Connect = @{
                    Teammates = @( @{ Email = 'second.owner@example.com'; Role = 'Owner' } )
                    NodeAuthorizations = @( @{ Integration = 'Webex CC Tasks'; Name = 'WxCC Authorisation' } )
                }
                Engage = @{ AttachmentsEnabled = 'yes'; Templates = @( @{ Name = 'Hi'; Channels = 'chat', 'fax'; Text = 'Hello' } ) }
                Colour = 'blue'
            """);
        var problems = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("Provisioning.Owner: '{Pdo}' in 'cl1admin{Pdo}@email.carehybrid.com' is not a placeholder; the only one is {Pod}", problems);
        Assert.Contains("Connect.Teammates[0].Role: 'Owner' cannot be invited: a tenant has exactly one Owner, the one named in Provisioning.Owner", problems);
        Assert.Contains("Connect.NodeAuthorizations[0].Integration: 'Webex CC Tasks' is not a pre-built integration; use one of: 'Webex CC Task', 'Webex CC Engage'", problems);
        Assert.Contains("Engage.AttachmentsEnabled: expected $true or $false, found the text 'yes'", problems);
        Assert.Contains(problems, p => p.StartsWith("Engage.Templates[0].Channels[1]: 'fax' is not an Engage channel", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Colour: is not a known key here", StringComparison.Ordinal));
    }

    [Fact]
    public void Tenant_settings_take_an_IANA_time_zone_and_a_date_format_the_portal_offers()
    {
        var error = Refused("""
                Connect = @{ TenantSettings = @{ TimeZone = 'GMT Standard Time'; DateFormat = 'dd.mm.yyyy'; Locale = 'en-GB' } }
            """);
        var problems = error.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("Connect.TenantSettings.TimeZone: 'GMT Standard Time' is not an IANA time zone id such as 'Europe/London', 'America/New_York' or 'UTC'", problems);
        Assert.Contains(problems, p => p.StartsWith("Connect.TenantSettings.DateFormat: 'dd.mm.yyyy' is not a date format the portal offers; use one of: 'YYYY-MM-DD HH:mm:ss', ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Connect.TenantSettings.Locale: is not a known key here (known: DateFormat, TimeZone)", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);

        var path = Write("zone.psd1", "@{\n    SchemaVersion = 1\n    Connect = @{ TenantSettings = @{ TimeZone = 'America/Argentina/Buenos_Aires' } }\n}\n");
        var lab = LabDefinitionFile.Load(path, Flows);
        Assert.Equal(("America/Argentina/Buenos_Aires", (string?)null), (lab.Connect.TenantSettings.TimeZone, lab.Connect.TenantSettings.DateFormat));
        Assert.Equal(["12.2-tenant-settings"], LabEngine.StepsFor(lab).Select(s => s.Id));
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column_and_a_missing_file_its_path()
    {
        var path = Write("syntax.psd1", "@{\n    SchemaVersion = 1\n    Name = 'unterminated\n}\n");
        var syntax = Assert.Throws<DefinitionSyntaxException>(() => LabDefinitionFile.Load(path));
        Assert.Equal(path, syntax.SourceName);
        Assert.Contains("opened at line 3", syntax.Message); // reported where the file ends, naming where the string began

        var json = Write("lab.json", "{ \"schemaVersion\": 2 }");
        var version = Assert.Throws<LabDefinitionException>(() => LabDefinitionFile.Load(json));
        Assert.Equal("SchemaVersion: 2 is out of range: allowed 1 to 1", Assert.Single(version.Problems).ToString());

        var missing = Assert.Throws<FileNotFoundException>(() => LabDefinitionFile.Load(Path.Combine(_folder, "nope.psd1")));
        Assert.Contains("nope.psd1", missing.Message);
        var text = Assert.Throws<ArgumentException>(() => LabDefinitionFile.Load(Write("lab.txt", "x")));
        Assert.Contains("neither a PowerShell data file (.psd1) nor JSON (.json)", text.Message);
    }
}
