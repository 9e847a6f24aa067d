using System.Globalization;
using DigitalChannels.Client.Environments;

namespace DigitalChannels.Sandbox.Hosting;

/// <summary>What the command line decides.</summary>
public sealed record SandboxOptions(string Urls, string DataDirectory, TimeSpan TokenLifetime)
{
    public const int DefaultTokenLifetimeSeconds = 3600;
    public const int MaximumTokenLifetimeSeconds = 30 * 24 * 3600;
}

public sealed record CommandLineResult(SandboxOptions? Options, bool ShowHelp, string? Error);

/// <summary>Parses <c>--urls URL --data DIR --token-lifetime SECONDS</c> (also in the <c>--name=value</c> form).</summary>
public static class SandboxCommandLine
{
    public const int UsageExitCode = 2;

    public static string Usage => $"""
        DigitalChannels sandbox: a local tenant that serves the Webex identity and Connect administration APIs.

        Usage: dotnet run --project src/DigitalChannels.Sandbox -- [options]
               dotnet DigitalChannels.Sandbox.dll [options]

        Options:
          --urls URL                 Address to listen on (default {SandboxConnectionFile.DefaultBaseUrl}); port 0 picks a free port.
          --data DIR                 Data folder for sandbox.db and connection.json
                                     (default {SandboxConnectionFile.DefaultDataDirectory}; env {SandboxConnectionFile.DataDirectoryVariable}).
          --token-lifetime SECONDS   Access token lifetime, 1 to {SandboxOptions.MaximumTokenLifetimeSeconds} (default {SandboxOptions.DefaultTokenLifetimeSeconds}).
          --help                     Show this text.
        """;

    public static CommandLineResult Parse(IReadOnlyList<string> args)
    {
        string urls = SandboxConnectionFile.DefaultBaseUrl;
        string data = SandboxConnectionFile.DefaultDataDirectory;
        var lifetime = SandboxOptions.DefaultTokenLifetimeSeconds;

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
            else if (name is "--urls" or "--data" or "--token-lifetime")
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
                case "--data":
                    if (string.IsNullOrWhiteSpace(value)) return Fail($"The value '{value}' of --data is not a folder path.");
                    data = value;
                    break;
                case "--token-lifetime":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out lifetime)
                        || lifetime < 1 || lifetime > SandboxOptions.MaximumTokenLifetimeSeconds)
                        return Fail($"The value '{value}' of --token-lifetime is not a number of seconds from 1 to {SandboxOptions.MaximumTokenLifetimeSeconds}.");
                    break;
                default:
                    return Fail($"Unknown argument '{name}' (with value '{value}').");
            }
        }

        return new CommandLineResult(new SandboxOptions(urls, Path.GetFullPath(data), TimeSpan.FromSeconds(lifetime)), false, null);
    }

    private static CommandLineResult Fail(string message) => new(null, false, message);
}
