using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;

namespace DigitalChannels.Client.Tests.Environments;

public class EnvironmentTests
{
    [Theory]
    [InlineData("us1")]
    [InlineData("eu1")]
    [InlineData("eu2")]
    [InlineData("anz1")]
    [InlineData("ca1")]
    [InlineData("jp1")]
    [InlineData("sg1")]
    [InlineData("in1")]
    public void Every_region_has_its_contact_center_host_and_the_shared_identity_host(string region)
    {
        var environment = WebexEnvironment.ForRegion(region.ToUpperInvariant());
        Assert.Equal($"https://api.wxcc-{region}.cisco.com/", environment.ContactCenterBaseUri.ToString());
        Assert.Equal("https://webexapis.com/v1/", environment.IdentityBaseUri.ToString());
        Assert.Null(environment.ConnectAdministrationBaseUri);
        Assert.False(environment.IsSandbox);
    }

    [Fact]
    public void An_unknown_region_is_refused_naming_it_and_the_valid_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => WebexEnvironment.ForRegion("us2"));
        Assert.Contains("'us2'", ex.Message);
        Assert.Contains("anz1", ex.Message);
    }

    [Fact]
    public void A_sandbox_serves_everything_under_one_base_url_with_an_https_authority_for_msal()
    {
        var environment = WebexEnvironment.ForSandbox("http://127.0.0.1:7800/");
        Assert.Equal("http://127.0.0.1:7800/v1/", environment.IdentityBaseUri.ToString());
        Assert.Equal("http://127.0.0.1:7800/", environment.ContactCenterBaseUri.ToString());
        Assert.Equal("http://127.0.0.1:7800/connect/v1/", environment.ConnectAdministrationBaseUri!.ToString());
        Assert.Equal("https://127.0.0.1:7800/v1/", environment.OidcAuthority.ToString());
        Assert.Equal("http://127.0.0.1:7800/", environment.SandboxBaseUri!.ToString());
    }

    [Fact]
    public void A_sandbox_url_that_is_not_http_is_refused_naming_it()
    {
        var ex = Assert.Throws<ArgumentException>(() => WebexEnvironment.ForSandbox("ftp://x"));
        Assert.Contains("'ftp://x'", ex.Message);
    }

    [Fact]
    public void Connection_file_problems_name_the_file_and_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("dc-file-").FullName;
        try
        {
            var path = Path.Combine(folder, SandboxConnectionFile.FileName);
            Assert.Contains(path, Assert.Throws<FileNotFoundException>(() => SandboxConnectionFile.Read(path)).Message);

            File.WriteAllText(path, "{\"baseUrl\":\"http://127.0.0.1:1\",\"orgId\":\"o\",\"clientId\":\"c\"}");
            var missing = Assert.Throws<InvalidDataException>(() => SandboxConnectionFile.Read(folder));
            Assert.Contains("'clientSecret'", missing.Message);
            Assert.Contains(path, missing.Message);

            File.WriteAllText(path, "{ not json");
            Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => SandboxConnectionFile.Read(path)).Message);

            new SandboxConnectionFile { BaseUrl = "http://127.0.0.1:5", OrgId = "o", ClientId = "c", ClientSecret = "s" }.Write(path);
            var read = SandboxConnectionFile.Read(folder);
            Assert.Equal(("http://127.0.0.1:5", "o", "c", "s"), (read.BaseUrl, read.OrgId, read.ClientId, read.ClientSecret));
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public void Connect_options_come_from_the_connection_file_and_explicit_values_win()
    {
        var folder = Directory.CreateTempSubdirectory("dc-file-").FullName;
        try
        {
            new SandboxConnectionFile { BaseUrl = "http://127.0.0.1:5", OrgId = "o", ClientId = "c", ClientSecret = "s" }.Write(Path.Combine(folder, SandboxConnectionFile.FileName));

            var fromFile = ConnectionCommands.ToOptions(new ConnectRequest { ConnectionFile = folder });
            Assert.Equal(("sandbox", "o", "c", "s"), (fromFile.Environment.Name, fromFile.OrganizationId, fromFile.ClientId, fromFile.ClientSecret));

            var withToken = ConnectionCommands.ToOptions(new ConnectRequest { ConnectionFile = folder, AccessToken = "t0ken-value" });
            Assert.Null(withToken.ClientSecret);

            Assert.Throws<ArgumentException>(() => ConnectionCommands.ToOptions(new ConnectRequest { Region = "eu1", SandboxUrl = new Uri("http://x") }));
            Assert.Contains("client id and secret", Assert.Throws<ArgumentException>(() => ConnectionCommands.ToOptions(new ConnectRequest { Region = "eu1" })).Message);
        }
        finally { Directory.Delete(folder, true); }
    }

    [Fact]
    public async Task The_current_connection_is_kept_per_runspace()
    {
        var runspaceA = new object();
        var runspaceB = new object();
        using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForSandbox("http://sandbox.test"), OrganizationId = "o", AccessToken = "token-value",
        }, CancellationToken.None);

        ConnectionRegistry.SetCurrent(runspaceA, connection);

        Assert.Same(connection, ConnectionRegistry.GetCurrent(runspaceA));
        Assert.Null(ConnectionRegistry.GetCurrent(runspaceB));
        Assert.Same(connection, ConnectionRegistry.Remove(runspaceA));
        Assert.Null(ConnectionRegistry.GetCurrent(runspaceA));
    }

    [Fact]
    public async Task A_connection_never_shows_its_token()
    {
        using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        {
            Environment = WebexEnvironment.ForRegion("us1"), OrganizationId = "o", AccessToken = "very-secret-token",
        }, CancellationToken.None);
        var shown = connection.ToString() + string.Join(" ", typeof(DigitalChannelsConnection).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => p.GetValue(connection)));
        Assert.DoesNotContain("very-secret-token", shown);
        Assert.Equal("AccessToken", connection.AuthenticationMethod);
    }

    [Fact]
    public async Task Live_regions_need_an_organization_id_and_refuse_client_credentials_with_a_reason()
    {
        var noOrg = await Assert.ThrowsAsync<ArgumentException>(() => DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        { Environment = WebexEnvironment.ForRegion("us1"), AccessToken = "token-value" }, CancellationToken.None));
        Assert.Contains("organization id", noOrg.Message);

        var credentials = await Assert.ThrowsAsync<NotSupportedException>(() => DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
        { Environment = WebexEnvironment.ForRegion("us1"), OrganizationId = "o", ClientId = "c", ClientSecret = "secret-value" }, CancellationToken.None));
        Assert.Contains("-AccessToken", credentials.Message);
    }
}
