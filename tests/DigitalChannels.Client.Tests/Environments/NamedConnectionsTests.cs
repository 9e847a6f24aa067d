using DigitalChannels.Client.Auth.Saved;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Environments;

/// <summary>Several tenants at once in one runspace: by name, one current, listed with the saved sign-ins, never a token.</summary>
public sealed class NamedConnectionsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dc-named-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, true);
    }

    private static ConnectRequest Tenant(string org, string? name, bool returnOnly = false) => new()
    {
        SandboxUrl = new Uri("http://sandbox.test"), OrganizationId = org, AccessToken = "token-of-" + org, Name = name, NotCurrent = returnOnly,
    };

    [Fact]
    public async Task Tenants_connected_by_name_stay_side_by_side_one_is_current_and_Select_switches_it()
    {
        var runspace = new object();
        var host = new RecordingHost();
        await ConnectionCommands.ConnectAsync(host, runspace, Tenant("org-a", "pod1"));
        await ConnectionCommands.ConnectAsync(host, runspace, Tenant("org-b", "pod2"));
        // Without -Name, the organization id names it.
        await ConnectionCommands.ConnectAsync(host, runspace, Tenant("org-c", null, returnOnly: true));
        await ConnectionCommands.ConnectAsync(host, runspace, Tenant("org-d", "pod4", returnOnly: true));

        Assert.Equal(new[] { "pod1", "pod2", "pod4" }, ConnectionRegistry.List(runspace).Select(c => c.Name));
        Assert.Equal("org-b", ConnectionRegistry.GetCurrent(runspace)!.OrganizationId);
        Assert.Equal("org-a", ConnectionRegistry.Find(runspace, "POD1")!.OrganizationId);
        Assert.Equal("org-c", ((DigitalChannelsConnection)host.Objects.First()).Name); // -ReturnConnection without -Name: returned, not listed

        ConnectionCommands.Select(new RecordingHost(), runspace, "pod1", passThru: false, new SavedSignInStore(_folder));
        Assert.Equal("org-a", ConnectionRegistry.GetCurrent(runspace)!.OrganizationId);
        Assert.Equal(3, ConnectionRegistry.List(runspace).Count); // pod2 still there, not disposed

        var unknown = Assert.Throws<IdentityNotFoundException>(() => ConnectionCommands.Select(new RecordingHost(), runspace, "pod9", false, new SavedSignInStore(_folder)));
        Assert.Contains("'pod9'", unknown.Message);

        // Disconnecting one by name leaves the others, and the current one if it was another.
        ConnectionCommands.Disconnect(new RecordingHost(), runspace, "pod2");
        Assert.Equal(new[] { "pod1", "pod4" }, ConnectionRegistry.List(runspace).Select(c => c.Name));
        Assert.Equal("pod1", ConnectionRegistry.GetCurrent(runspace)!.Name);
        foreach (var connection in ConnectionRegistry.RemoveAll(runspace)) connection.Dispose();
    }

    [Fact]
    public async Task Connecting_again_under_the_same_name_replaces_and_ends_the_old_connection()
    {
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, Tenant("org-a", "pod1"));
        var old = ConnectionRegistry.Find(runspace, "pod1")!;
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, Tenant("org-b", "pod1"));

        Assert.Equal("org-b", Assert.Single(ConnectionRegistry.List(runspace)).OrganizationId);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => old.Pipeline.SendAsync(HttpMethod.Get, new Uri("http://sandbox.test/x"), null, CancellationToken.None));
        foreach (var connection in ConnectionRegistry.RemoveAll(runspace)) connection.Dispose();
    }

    [Fact]
    public async Task ListAvailable_merges_the_session_and_the_saved_sign_ins_by_name_and_shows_no_token()
    {
        var runspace = new object();
        await ConnectionCommands.ConnectAsync(new RecordingHost(), runspace, Tenant("org-a", "pod1"));
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "pod1.json"), """{"Name":"pod1","Environment":"sandbox","SandboxUrl":"http://sandbox.test","OrganizationId":"org-a","ClientId":"C1","Protection":"Libsecret"}""");
        File.WriteAllText(Path.Combine(_folder, "partner.json"), """{"Name":"partner","Environment":"eu1","OrganizationId":"org-p","ClientId":"C2","Account":"admin@partner.test","Protection":"DPAPI"}""");
        var host = new RecordingHost();

        ConnectionCommands.List(host, runspace, new SavedSignInStore(_folder));

        var entries = host.Objects.Cast<DigitalChannelsConnectionInfo>().ToList();
        Assert.Equal(new[] { "partner", "pod1" }, entries.Select(e => e.Name));
        var partner = entries[0];
        Assert.Equal((false, false, true, "eu1", "org-p", "admin@partner.test"), (partner.Current, partner.Connected, partner.Saved, partner.Environment, partner.OrganizationId, partner.Account));
        Assert.Null(partner.Connection);
        var pod1 = entries[1];
        Assert.Equal((true, true, true, "Libsecret"), (pod1.Current, pod1.Connected, pod1.Saved, pod1.Protection));
        var shown = string.Join(" ", entries.SelectMany(e => typeof(DigitalChannelsConnectionInfo).GetProperties().Select(p => p.GetValue(e)?.ToString())));
        Assert.DoesNotContain("token-of-org-a", shown);
        foreach (var connection in ConnectionRegistry.RemoveAll(runspace)) connection.Dispose();
    }
}
