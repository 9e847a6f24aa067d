using System.Diagnostics;
using System.Globalization;
using DigitalChannels.Benchmarks;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.ControlHub;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Http;
using DigitalChannels.Client.People;
using DigitalChannels.Sandbox.Hosting;

const string usage = """
    DigitalChannels benchmark: updates many Contact Center agents twice against a sandbox hosted in this process,
    once with one PUT per agent through the client and once through Set-WxccUser's bulk path (PATCH /user/bulk,
    50 users a request), and prints requests, 429s met, failures and time for each.

    Usage: dotnet run --project tests/DigitalChannels.Benchmarks -c Release -- [options]

    Options:
      --agents N                 Agents to create and update (default 1000).
      --rate-limit N             Requests per window and client before 429 (default 300, the platform's).
      --rate-limit-window SEC    Length of the sandbox's rate-limit window, 1 to 120 (default 60, the platform's
                                 minute). A shorter window keeps the requests and 429s as they would be and
                                 divides only the waiting: the client still sleeps for every Retry-After.
      --data DIR                 The sandbox's data folder (default: a new temporary folder, removed afterwards).
      --help                     Show this text.
    """;

int agents = 1000, rateLimit = SandboxOptions.DefaultRateLimitPerMinute, windowSeconds = SandboxOptions.DefaultRateLimitWindowSeconds;
string? data = null;
for (var i = 0; i < args.Length; i++)
{
    int Number(string name, int minimum, int maximum)
    {
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            throw new ArgumentException($"The value '{(i + 1 < args.Length ? args[i + 1] : "")}' of {name} is not a whole number from {minimum} to {maximum}.");
        i++;
        return value;
    }
    try
    {
        switch (args[i])
        {
            case "--help" or "-h": Console.WriteLine(usage); return 0;
            case "--agents": agents = Number("--agents", 2, 100_000); break;
            case "--rate-limit": rateLimit = Number("--rate-limit", 1, 1_000_000); break;
            // The pipeline gives up on a Retry-After above RetryPolicy.MaxRetryAfter (2 minutes): a longer window could only fail.
            case "--rate-limit-window": windowSeconds = Number("--rate-limit-window", 1, 120); break;
            case "--data" when i + 1 < args.Length: data = args[++i]; break;
            default: throw new ArgumentException($"Unknown argument '{args[i]}'. Run with --help for the options.");
        }
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var token = cancellation.Token;
var temporaryData = data is null;
data ??= Directory.CreateTempSubdirectory("digitalchannels-bench-").FullName;

Console.WriteLine($"Sandbox: {rateLimit} requests per {windowSeconds}-second window and client, data folder {data}.");
var sandbox = SandboxApplication.Build(new SandboxOptions("http://127.0.0.1:0", data)
{
    RateLimitPerMinute = rateLimit,
    RateLimitWindow = TimeSpan.FromSeconds(windowSeconds),
    LicenseUnits = agents + 100,
});
try
{
    await sandbox.StartAsync(token);
    var file = SandboxConnectionFile.Read(Path.Combine(data, SandboxConnectionFile.FileName));
    // The default retry policy: exactly what the cmdlets use.
    using var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
    {
        Environment = WebexEnvironment.ForSandbox(file.BaseUrl), ClientId = file.ClientId, ClientSecret = file.ClientSecret,
    }, token);
    var bench = new Bench(connection, token);

    // ---- Set-up (not measured, but it meets the same limit) ----
    var setup = await bench.MeasureAsync("set-up", agents, async () =>
    {
        var license = await connection.People.FindLicenseByNameAsync(ContactCenterLicenses.PremiumAgent, token)
            ?? throw new InvalidOperationException($"The sandbox has no '{ContactCenterLicenses.PremiumAgent}' licence.");
        var created = 0;
        await Parallel.ForEachAsync(Enumerable.Range(1, agents), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token }, async (n, ct) =>
        {
            var email = Bench.AgentEmail(n);
            try
            {
                await connection.People.CreateAsync(email, $"Bench Agent {n}", "Bench", $"Agent {n}", [license.Id], ct);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 409)
            {
                // A kept --data folder already has the person.
            }
            var done = Interlocked.Increment(ref created);
            if (done % 250 == 0) Console.WriteLine($"  {done} of {agents} people licensed ...");
        });
        bench.Run("Sync-WxccUser", UserSynchronizationCommands.Noun, h => UserSynchronizationCommands.SyncAsync(h, connection));
        bench.Run("New-WxccMultimediaProfile", MultimediaProfileCommands.Noun, h => MultimediaProfileCommands.NewAsync(h, connection,
            new MultimediaProfileSettings { Name = "MMP", BlendingMode = BlendingMode.Blended, Telephony = 1, Chat = 3, Email = 3, Social = 3 }));
        bench.Run("New-WxccSite", SiteCommands.Noun, h => SiteCommands.NewAsync(h, connection, new SiteSettings { Name = "Site", MultimediaProfile = "MMP" }));
        foreach (var team in new[] { "Team1", "Team2" })
            bench.Run("New-WxccTeam " + team, TeamCommands.Noun, h => TeamCommands.NewAsync(h, connection, new TeamSettings { Name = team, Site = "Site", MultimediaProfile = "MMP" }));
        return 0;
    });
    var users = await bench.ListAgentsAsync();
    if (users.Count != agents) throw new InvalidOperationException($"Synchronize Users made {users.Count} bench agents, not {agents}.");
    Console.WriteLine($"Set-up: {agents} licensed people synchronized into Contact Center users in {setup.Elapsed.TotalSeconds:0.0} s ({setup.Requests} requests, {setup.Throttled} 429s met).");

    // ---- (a) one PUT per agent, through the client ----
    var perAgentSettings = new WxccUserSettings { ContactCenterEnabled = true, Site = "Site", Teams = ["Team1"], DesktopProfile = "Agent Profile", MultimediaProfile = "MMP" };
    Console.WriteLine($"(a) {agents} agents, one PUT each ...");
    var perAgent = await bench.MeasureAsync("One PUT per agent", agents, async () =>
    {
        var current = await bench.ListAgentsAsync();
        var resolved = await ResolvedUserSettings.ResolveAsync(perAgentSettings, new ContactCenterNames(connection.ContactCenter), token);
        var failures = 0;
        foreach (var user in current)
        {
            var changed = user.Clone<ContactCenterUser>();
            resolved.ApplyTo(changed);
            try
            {
                await connection.ContactCenter.Users.UpdateAsync(changed, token);
            }
            catch (WebexApiException ex)
            {
                failures++;
                Console.Error.WriteLine($"  {user.Email}: {ex.Message}");
            }
        }
        return failures;
    });
    perAgent.Wrong = await bench.CountWrongAsync(perAgentSettings);

    // ---- (b) Set-WxccUser's bulk path ----
    var bulkSettings = new WxccUserSettings { ContactCenterEnabled = true, Site = "Site", Teams = ["Team1", "Team2"], DesktopProfile = "Agent Profile", MultimediaProfile = "MMP" };
    Console.WriteLine($"(b) {agents} agents through Set-WxccUser (bulk) ...");
    var bulk = await bench.MeasureAsync("Set-WxccUser (bulk)", agents, () =>
    {
        // Get-WxccUser 'bench-agent-*' | Set-WxccUser -ContactCenterEnabled -Site Site -Team Team1, Team2 -DesktopProfile 'Agent Profile' -MultimediaProfile MMP
        var listed = bench.Run("Get-WxccUser", WxccUserCommands.Noun, h => WxccUserCommands.GetAsync(h, connection, null, Bench.AgentPattern));
        var identities = listed.Objects.Cast<ContactCenterUser>().Select(u => new WxccUserIdentity(u)).ToList();
        var set = bench.Run("Set-WxccUser", WxccUserCommands.Noun, h => WxccUserCommands.SetAsync(h, connection, identities, bulkSettings, passThru: false), quiet: true);
        foreach (var error in set.Errors.Take(5)) Console.Error.WriteLine($"  {error.ErrorId}: {error.Message}");
        return Task.FromResult(set.Errors.Count + listed.Errors.Count);
    });
    bulk.Wrong = await bench.CountWrongAsync(bulkSettings);

    Console.WriteLine();
    Bench.PrintTable(Console.Out, [perAgent, bulk], rateLimit, windowSeconds);
    var ratio = (double)bulk.Requests / perAgent.Requests;
    Console.WriteLine($"The bulk path sent {bulk.Requests} requests, {ratio:P1} of the per-agent path's {perAgent.Requests}.");
    var ok = perAgent.Failures == 0 && perAgent.Wrong == 0 && bulk.Failures == 0 && bulk.Wrong == 0;
    Console.WriteLine(ok ? "Every agent was updated on both paths." : "Some agents were not updated: see the table.");
    return ok ? 0 : 1;
}
catch (OperationCanceledException) when (token.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped.");
    return 130;
}
finally
{
    await sandbox.StopAsync();
    await sandbox.DisposeAsync();
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (temporaryData)
    {
        try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
