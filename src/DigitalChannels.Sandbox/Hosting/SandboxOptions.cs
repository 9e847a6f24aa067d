using System.Globalization;
using DigitalChannels.Client.Environments;

namespace DigitalChannels.Sandbox.Hosting;

/// <summary>What the command line decides. Durations default to the platform's own (lab guide); tests shorten them.</summary>
public sealed record SandboxOptions(string Urls, string DataDirectory)
{
    public const int DefaultTokenLifetimeSeconds = 3600;
    public const int MaximumTokenLifetimeSeconds = 30 * 24 * 3600;
    public const int DefaultFlowPublishSeconds = 120;
    public const int DefaultProvisioningSeconds = 300;
    public const int DefaultLogExportSeconds = 5;
    public const int DefaultRateLimitPerMinute = 300;
    public const int DefaultRateLimitWindowSeconds = 60;
    public const int DefaultLicenseUnits = People.LicenseRepository.UnitsPerLicense;

    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromSeconds(DefaultTokenLifetimeSeconds);

    /// <summary>How long Make Live stays "Publishing" before the flow is Live (lab rule 55: about 2 minutes).</summary>
    public TimeSpan FlowPublishDuration { get; init; } = TimeSpan.FromSeconds(DefaultFlowPublishSeconds);

    /// <summary>How long Digital Channels provisioning takes before the activation mail goes out (lab rule 7: about 5 minutes).</summary>
    public TimeSpan ProvisioningDuration { get; init; } = TimeSpan.FromSeconds(DefaultProvisioningSeconds);

    /// <summary>How long an Export Logs job stays "In progress" before it is "Ready for download" (lab 12.2 §4: a few seconds).</summary>
    public TimeSpan LogExportDuration { get; init; } = TimeSpan.FromSeconds(DefaultLogExportSeconds);

    /// <summary>Contact Center API requests a minute per client id before 429 (platform facts §1.7: 300).</summary>
    public int RateLimitPerMinute { get; init; } = DefaultRateLimitPerMinute;

    /// <summary>
    /// How long the rate-limit window lasts (the platform's is a minute). A shorter window keeps the counts of a
    /// throttled run (requests, 429s) as they would be and shortens only the waiting: benchmarks use it.
    /// </summary>
    public TimeSpan RateLimitWindow { get; init; } = TimeSpan.FromSeconds(DefaultRateLimitWindowSeconds);

    /// <summary>
    /// URLs the sandbox is reached by besides the ones it listens on (a proxy in front of it): requests naming another
    /// Host are refused, so tokens are only ever issued for these and the listen addresses.
    /// </summary>
    public IReadOnlyList<string> PublicUrls { get; init; } = [];

    /// <summary>Units of each Contact Center licence a new organization gets (the seeded subscription).</summary>
    public int LicenseUnits { get; init; } = DefaultLicenseUnits;
}

public sealed record CommandLineResult(SandboxOptions? Options, bool ShowHelp, string? Error);

/// <summary>Parses <c>--urls URL --data DIR</c> and the numeric options below (also in the <c>--name=value</c> form).</summary>
public static class SandboxCommandLine
{
    public const int UsageExitCode = 2;

    /// <summary>The whole-number options: name, range, what it means, and how it lands in the options.</summary>
    private sealed record NumberOption(string Name, int Minimum, int Maximum, int Default, string Unit, string Meaning,
        Func<SandboxOptions, int, SandboxOptions> Apply);

    private static readonly NumberOption[] NumberOptions =
    [
        new("--token-lifetime", 1, SandboxOptions.MaximumTokenLifetimeSeconds, SandboxOptions.DefaultTokenLifetimeSeconds, "SECONDS",
            "Access token lifetime", (o, v) => o with { TokenLifetime = TimeSpan.FromSeconds(v) }),
        new("--flow-publish-seconds", 0, 3600, SandboxOptions.DefaultFlowPublishSeconds, "SECONDS",
            "How long Make Live shows Publishing", (o, v) => o with { FlowPublishDuration = TimeSpan.FromSeconds(v) }),
        new("--provisioning-seconds", 0, 3600, SandboxOptions.DefaultProvisioningSeconds, "SECONDS",
            "How long Digital Channels provisioning takes", (o, v) => o with { ProvisioningDuration = TimeSpan.FromSeconds(v) }),
        new("--log-export-seconds", 0, 3600, SandboxOptions.DefaultLogExportSeconds, "SECONDS",
            "How long an Export Logs job is In progress", (o, v) => o with { LogExportDuration = TimeSpan.FromSeconds(v) }),
        new("--rate-limit", 1, 1_000_000, SandboxOptions.DefaultRateLimitPerMinute, "N",
            "Contact Center API requests a minute per client", (o, v) => o with { RateLimitPerMinute = v }),
        new("--rate-limit-window", 1, 3600, SandboxOptions.DefaultRateLimitWindowSeconds, "SECONDS",
            "Length of that rate-limit \"minute\"", (o, v) => o with { RateLimitWindow = TimeSpan.FromSeconds(v) }),
        new("--license-units", 1, 1_000_000, SandboxOptions.DefaultLicenseUnits, "N",
            "Units of each Contact Center licence of a new organization", (o, v) => o with { LicenseUnits = v }),
    ];

    public static string Usage
    {
        get
        {
            var numbers = string.Join(Environment.NewLine, NumberOptions.Select(option =>
                $"  {(option.Name + " " + option.Unit),-28} {option.Meaning}, {option.Minimum} to {option.Maximum} (default {option.Default})."));
            return $"""
                DigitalChannels sandbox: a local tenant that serves the Webex identity, Contact Center and Connect administration APIs.

                Usage: dotnet run --project src/DigitalChannels.Sandbox -- [options]
                       dotnet DigitalChannels.Sandbox.dll [options]

                Options:
                  --urls URL                   Address to listen on (default {SandboxConnectionFile.DefaultBaseUrl}); port 0 picks a free port.
                  --public-url URL             Another URL clients reach the sandbox by (a proxy in front of it); ';' separates several.
                  --data DIR                   Data folder for sandbox.db and connection.json
                                               (default {SandboxConnectionFile.DefaultDataDirectory}; env {SandboxConnectionFile.DataDirectoryVariable}).
                {numbers}
                  --help                       Show this text.
                """;
        }
    }

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        string urls = SandboxConnectionFile.DefaultBaseUrl;
        string data = SandboxConnectionFile.DefaultDataDirectory;
        var numbers = new List<(NumberOption Option, int Value)>();
        var publicUrls = new List<string>();

        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument is "--help" or "-h" or "-?" or "/?") return new CommandLineResult(null, true, null);

            string name = argument, value;
            var equals = argument.IndexOf('=');
            if (argument.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = argument[..equals];
                value = argument[(equals + 1)..];
            }
            else if (name is "--urls" or "--data" or "--public-url" || NumberOptions.Any(option => option.Name == name))
            {
                if (i + 1 >= args.Count) return Fail($"The argument '{name}' needs a value.");
                value = args[++i];
            }
            else
            {
                var next = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? $" (with value '{args[i + 1]}')" : "";
                return Fail($"Unknown argument '{argument}'{next}.");
            }

            switch (name)
            {
                case "--urls":
                    foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri)
                            || uri.Scheme is not ("http" or "https"))
                            return Fail($"The value '{value}' of --urls is not an http(s) URL such as {SandboxConnectionFile.DefaultBaseUrl}.");
                    }
                    if (string.IsNullOrWhiteSpace(value)) return Fail("The value '' of --urls is not an http(s) URL.");
                    urls = value;
                    break;
                case "--public-url":
                    foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                            return Fail($"The value '{value}' of --public-url is not an http(s) URL such as http://127.0.0.1:8080.");
                        publicUrls.Add(url);
                    }
                    break;
                case "--data":
                    if (string.IsNullOrWhiteSpace(value)) return Fail($"The value '{value}' of --data is not a folder path.");
                    data = value;
                    break;
                default:
                    var option = NumberOptions.FirstOrDefault(candidate => candidate.Name == name);
                    if (option is null) return Fail($"Unknown argument '{name}' (with value '{value}').");
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                        || number < option.Minimum || number > option.Maximum)
                        return Fail($"The value '{value}' of {name} is not a whole number from {option.Minimum} to {option.Maximum}.");
                    numbers.Add((option, number));
                    break;
            }
        }

        var options = new SandboxOptions(urls, Path.GetFullPath(data)) { PublicUrls = publicUrls };
        foreach (var (option, value) in numbers) options = option.Apply(options, value);
        return new CommandLineResult(options, false, null);
    }

    private static CommandLineResult Fail(string message) => new(null, false, message);
}
