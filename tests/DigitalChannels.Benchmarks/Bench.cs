using System.Diagnostics;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.ContactCenter;

namespace DigitalChannels.Benchmarks;

/// <summary>What one path cost: the pipeline's own counters (every HTTP attempt, every 429 met) and the wall clock.</summary>
public sealed class Measurement
{
    public required string Path { get; init; }
    public required int Agents { get; init; }
    public long Requests { get; init; }
    public long Throttled { get; init; }
    public long Retries { get; init; }
    public int Failures { get; init; }
    public TimeSpan Elapsed { get; init; }

    /// <summary>Agents that do not hold the path's settings when read back afterwards (-1 when not checked).</summary>
    public int Wrong { get; set; } = -1;
}

/// <summary>The measuring and checking around the two paths.</summary>
public sealed class Bench
{
    public const string AgentPattern = "bench-agent-*@bench.example.test";

    private readonly DigitalChannelsConnection _connection;
    private readonly CancellationToken _token;

    public Bench(DigitalChannelsConnection connection, CancellationToken token)
    {
        _connection = connection;
        _token = token;
    }

    public static string AgentEmail(int n) => $"bench-agent-{n:00000}@bench.example.test";

    private sealed class Host(CancellationToken token) : ICommandHost
    {
        public CancellationToken CancellationToken => token;
        public List<object> Objects { get; } = new();
        public List<CommandError> Errors { get; } = new();
        public bool ShouldProcess(string target, string action) => true;
        public void WriteObject(object item) => Objects.Add(item);
        public void WriteVerbose(string message) { }
        public void WriteWarning(string message) => Console.Error.WriteLine("  WARNING: " + message);
        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteError(CommandError error) => Errors.Add(error);
    }

    /// <summary>Runs one command as its cmdlet would; AlreadyExists is expected when a kept --data folder is reused.</summary>
    public (List<object> Objects, List<CommandError> Errors) Run(string command, string noun, Func<ICommandHost, Task> body, bool quiet = false)
    {
        var host = new Host(_token);
        CommandRunner.Run(host, noun, body);
        if (!quiet)
            foreach (var error in host.Errors.Where(e => !e.ErrorId.EndsWith("AlreadyExists", StringComparison.Ordinal)))
                Console.Error.WriteLine($"  {command}: {error.ErrorId}: {error.Message}");
        return (host.Objects, host.Errors);
    }

    public async Task<Measurement> MeasureAsync(string path, int agents, Func<Task<int>> body)
    {
        var pipeline = _connection.Pipeline;
        long requests = pipeline.RequestCount, throttled = pipeline.ThrottledCount, retries = pipeline.RetryCount;
        var clock = Stopwatch.StartNew();
        var failures = await body();
        clock.Stop();
        return new Measurement
        {
            Path = path, Agents = agents, Failures = failures, Elapsed = clock.Elapsed,
            Requests = pipeline.RequestCount - requests, Throttled = pipeline.ThrottledCount - throttled, Retries = pipeline.RetryCount - retries,
        };
    }

    /// <summary>Every bench agent, as stored now.</summary>
    public async Task<List<ContactCenterUser>> ListAgentsAsync()
    {
        var pattern = new Wildcard(AgentPattern);
        var users = new List<ContactCenterUser>();
        await foreach (var user in _connection.ContactCenter.Users.ListAsync(null, ContactCenterResourceClient<ContactCenterUser>.DefaultPageSize, _token))
            if (pattern.IsMatch(user.Email)) users.Add(user);
        return users;
    }

    /// <summary>Reads every agent back and counts those whose settings are not what the path set.</summary>
    public async Task<int> CountWrongAsync(WxccUserSettings expected)
    {
        var resolved = await ResolvedUserSettings.ResolveAsync(expected, new ContactCenterNames(_connection.ContactCenter), _token);
        var wrong = 0;
        foreach (var user in await ListAgentsAsync())
        {
            var teams = user.TeamIds ?? [];
            var right = user.ContactCenterEnabled == true && user.SiteId == resolved.SiteId && user.AgentProfileId == resolved.AgentProfileId
                        && user.MultimediaProfileId == resolved.MultimediaProfileId && teams.Order().SequenceEqual(resolved.TeamIds!.Order());
            if (!right) wrong++;
        }
        return wrong;
    }

    public static void PrintTable(TextWriter output, IReadOnlyList<Measurement> rows, int rateLimit, int windowSeconds)
    {
        output.WriteLine($"Rate limit: {rateLimit} requests per {windowSeconds} s window and client; Retry-After honoured by the pipeline's real delay.");
        var header = new[] { "Path", "Agents", "Requests", "429s met", "Retries", "Failures", "Not updated", "Elapsed" };
        var cells = rows.Select(r => new[]
        {
            r.Path, r.Agents.ToString(), r.Requests.ToString(), r.Throttled.ToString(), r.Retries.ToString(), r.Failures.ToString(),
            r.Wrong < 0 ? "-" : r.Wrong.ToString(), $"{r.Elapsed.TotalSeconds:0.0} s",
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Max(c => c[i].Length))).ToArray();
        string Line(string[] values) => "| " + string.Join(" | ", values.Select((v, i) => i == 0 ? v.PadRight(widths[i]) : v.PadLeft(widths[i]))) + " |";
        output.WriteLine(Line(header));
        output.WriteLine("|" + string.Join("|", widths.Select((w, i) => i == 0 ? new string('-', w + 2) : new string('-', w + 1) + ":")) + "|");
        foreach (var row in cells) output.WriteLine(Line(row));
    }
}
