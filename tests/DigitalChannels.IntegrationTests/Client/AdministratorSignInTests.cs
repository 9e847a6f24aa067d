using System.Net;
using DigitalChannels.Client;
using DigitalChannels.Client.Auth;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Environments;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Client;

/// <summary>
/// Issue 12: Connect-DigitalChannels's administrator sign-in (authorization code with PKCE through a loopback
/// redirect, device grant, refresh token) against the sandbox, with the browser steps done in headless Chromium over
/// WebDriver: the same pages an administrator sees. The class owns its sandbox because it moves the sandbox clock.
/// </summary>
public sealed class AdministratorSignInTests : IClassFixture<SandboxProcess>, IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public AdministratorSignInTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    public void Dispose() => api.Dispose();

    private sealed class Host : ICommandHost
    {
        public CancellationToken CancellationToken { get; init; } = CancellationToken.None;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public List<string> Warnings { get; } = new();
        public List<string> Verbose { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) => Verbose.Add(message);
        public void WriteWarning(string message) { lock (Warnings) Warnings.Add(message); }
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    /// <summary>Hands the sign-in URL to headless Chromium, which signs in as the Owner and answers the consent page.</summary>
    private sealed class ChromiumLauncher(HeadlessChromium browser, string email, string password, string decision) : IBrowserLauncher
    {
        public Task? Driving { get; private set; }
        public Uri? Opened { get; private set; }
        public string FinalPage { get; private set; } = "";

        // Not on the caller's thread: the last click lands on the caller's loopback listener, which must be accepting.
        public void Open(Uri url)
        {
            Opened = url;
            Driving = Task.Run(() =>
            {
                browser.Navigate(url.AbsoluteUri);
                browser.Type(browser.Find("input[name=email]"), email);
                browser.Type(browser.Find("input[name=password]"), password);
                browser.Click(browser.Find("button[type=submit]"));
                browser.Click(browser.Find($"button[value={decision}]"));
                // The decision redirects to the module's loopback page, which says signed in or why not.
                browser.WaitForUrl(u => u.Contains("/digitalchannels/", StringComparison.Ordinal));
                FinalPage = browser.PageText();
            });
        }
    }

    private ConnectRequest Request(SignInFlow flow, string? organizationId = null, IBrowserLauncher? browser = null) => new()
    {
        ConnectionFile = sandbox.ConnectionFilePath,
        SignIn = flow,
        RedirectPort = 0,
        OrganizationId = organizationId,
        Browser = browser,
        NotCurrent = true,
    };

    private static DigitalChannelsConnection Connect(Host host, ConnectRequest request, object? scope = null)
    {
        Run(host, ConnectionCommands.Noun, h => ConnectionCommands.ConnectAsync(h, scope ?? new object(), request));
        return host.Objects.OfType<DigitalChannelsConnection>().SingleOrDefault()!;
    }

    /// <summary>Runs a command as a cmdlet would; a terminating error lands in the host's errors like the others.</summary>
    private static void Run(Host host, string noun, Func<ICommandHost, Task> command)
    {
        try
        {
            CommandRunner.Run(host, noun, command);
        }
        catch (CommandTerminatedException ex)
        {
            host.Errors.Add(ex.Error);
        }
    }

    [Fact]
    public async Task Interactive_sign_in_in_a_browser_connects_and_the_connection_refreshes_after_the_sandbox_clock_passes_expiry()
    {
        using var browser = HeadlessChromium.Start();
        var launcher = new ChromiumLauncher(browser, sandbox.Connection.OwnerEmail, sandbox.Connection.OwnerPassword, "allow");
        var host = new Host();
        using var connection = Connect(host, Request(SignInFlow.Interactive, browser: launcher));
        await launcher.Driving!;

        Assert.Empty(host.Errors);
        Assert.Equal("RefreshToken", connection.AuthenticationMethod);
        Assert.Equal(sandbox.OrgId, connection.OrganizationId);
        // PKCE S256 with state, redirected to the loopback listener; the browser was told the outcome.
        var query = System.Web.HttpUtility.ParseQueryString(launcher.Opened!.Query);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(43, query["code_challenge"]!.Length);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.StartsWith("http://127.0.0.1:", query["redirect_uri"]);
        Assert.Null(query["prompt"]);
        Assert.Contains("Signed in", launcher.FinalPage);

        await connection.ConnectServices.ListAsync().ToListAsync();
        var firstExpiry = connection.TokenExpiresOn;

        // The sandbox's clock passes the 14-day access token; the client's does not, so the 401 makes the pipeline refresh.
        await AdvanceClockAsync(15 * 24 * 3600);
        await connection.ConnectServices.ListAsync().ToListAsync();
        Assert.NotEqual(firstExpiry, connection.TokenExpiresOn);

        // And after the 90-day refresh token, the sign-in ends for good with its own error id.
        await AdvanceClockAsync(91 * 24 * 3600);
        var ended = new Host();
        Run(ended, "ConnectService", async h => { await connection.ConnectServices.ListAsync().ToListAsync(); });
        var error = Assert.Single(ended.Errors);
        Assert.Equal("ConnectServiceSignInExpired", error.ErrorId);
        Assert.Contains("Sign in again", error.Message);
    }

    [Fact]
    public async Task Denied_consent_says_so_in_the_browser_and_in_the_error()
    {
        using var browser = HeadlessChromium.Start();
        var launcher = new ChromiumLauncher(browser, sandbox.Connection.OwnerEmail, sandbox.Connection.OwnerPassword, "deny");
        var host = new Host();
        var request = Request(SignInFlow.Interactive, browser: launcher);
        request.ForceLogin = true;
        Connect(host, request);
        await launcher.Driving!;

        Assert.Equal("login", System.Web.HttpUtility.ParseQueryString(launcher.Opened!.Query)["prompt"]);
        var error = Assert.Single(host.Errors);
        Assert.Equal("DigitalChannelsConnectionAccessDenied", error.ErrorId);
        Assert.Contains("access_denied", error.Message);
        Assert.Contains("Not signed in", launcher.FinalPage);
        Assert.Empty(host.Objects);
    }

    [Fact]
    public async Task Device_code_approved_in_the_browser_connects_and_a_call_works()
    {
        using var browser = HeadlessChromium.Start();
        var host = new Host();
        var approving = Task.Run(async () =>
        {
            // The code is shown as a warning (visible in a console, never a prompt): take the URL from it as a person would.
            string? warning = null;
            for (var i = 0; i < 600 && warning == null; i++)
            {
                lock (host.Warnings) warning = host.Warnings.FirstOrDefault();
                if (warning == null) await Task.Delay(100);
            }
            Assert.NotNull(warning);
            var url = System.Text.RegularExpressions.Regex.Match(warning!, @"\(or open (\S+)\)").Groups[1].Value.TrimEnd('.');
            browser.Navigate(url);
            browser.Type(browser.Find("input[name=email]"), sandbox.Connection.OwnerEmail);
            browser.Type(browser.Find("input[name=password]"), sandbox.Connection.OwnerPassword);
            browser.Click(browser.Find("button[type=submit]"));
            browser.Click(browser.Find("button[value=approve]"));
            return browser.WaitForText("Device approved");
        });
        using var connection = Connect(host, Request(SignInFlow.DeviceCode));
        var approvedPage = await approving;

        Assert.Empty(host.Errors);
        Assert.Contains("Device approved", approvedPage);
        Assert.Matches(@"enter the code \S+", host.Warnings.Single());
        Assert.Equal(sandbox.OrgId, connection.OrganizationId);
        Assert.Equal("RefreshToken", connection.AuthenticationMethod);
        await connection.ConnectServices.ListAsync().ToListAsync();
    }

    [Fact]
    public async Task Signing_in_as_the_owner_of_one_tenant_with_the_organization_id_of_another_refuses_to_connect()
    {
        using var browser = HeadlessChromium.Start();
        var launcher = new ChromiumLauncher(browser, sandbox.Connection.OwnerEmail, sandbox.Connection.OwnerPassword, "allow");
        var other = Guid.NewGuid().ToString();
        var host = new Host();
        var scope = new object();
        var request = Request(SignInFlow.Interactive, other, launcher);
        request.NotCurrent = false;
        Connect(host, request, scope);
        await launcher.Driving!;

        var error = Assert.Single(host.Errors);
        Assert.Equal("DigitalChannelsConnectionWrongOrganization", error.ErrorId);
        Assert.Contains(other, error.Message);
        Assert.Contains(sandbox.OrgId, error.Message);
        Assert.Null(ConnectionRegistry.GetCurrent(scope));
    }

    [Fact]
    public async Task A_runbooks_refresh_token_connects_without_a_browser_and_secrets_stay_out_of_messages()
    {
        using var browser = HeadlessChromium.Start();
        var launcher = new ChromiumLauncher(browser, sandbox.Connection.OwnerEmail, sandbox.Connection.OwnerPassword, "allow");
        var tokens = await InteractiveSignIn.SignInAsync(new SignInOptions
        {
            Environment = WebexEnvironment.ForSandbox(sandbox.BaseUrl), ClientId = sandbox.ClientId, ClientSecret = sandbox.ClientSecret,
            RedirectPort = 0, Browser = launcher,
        }, null, CancellationToken.None);
        await launcher.Driving!;

        var host = new Host();
        var request = Request(SignInFlow.RefreshToken);
        request.RefreshToken = tokens.RefreshToken;
        using (var connection = Connect(host, request))
        {
            Assert.Empty(host.Errors);
            await connection.ConnectServices.ListAsync().ToListAsync();
        }

        // The refresh token rotated at that connect: presenting it again is a replay, refused with the sign-in-again id.
        var replay = new Host();
        Connect(replay, request);
        var error = Assert.Single(replay.Errors);
        Assert.Equal("DigitalChannelsConnectionSignInExpired", error.ErrorId);
        Assert.DoesNotContain(tokens.RefreshToken, error.Message);
        Assert.DoesNotContain(sandbox.ClientSecret, error.Message + string.Join("\n", replay.Verbose));
    }

    private async Task AdvanceClockAsync(int seconds)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", await api.OwnerTokenAsync(), new { seconds });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
