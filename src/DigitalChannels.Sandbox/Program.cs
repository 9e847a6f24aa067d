using DigitalChannels.Sandbox.Hosting;

var parsed = SandboxCommandLine.Parse(args);
if (parsed.ShowHelp)
{
    Console.WriteLine(SandboxCommandLine.Usage);
    return 0;
}
if (parsed.Error is not null)
{
    Console.Error.WriteLine(parsed.Error);
    Console.Error.WriteLine("Run with --help for the options.");
    return SandboxCommandLine.UsageExitCode;
}

try
{
    var app = SandboxApplication.Build(parsed.Options!);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
{
    // Start-up problems (port in use, unreadable data folder, newer schema) as one readable line, not a stack trace.
    Console.Error.WriteLine($"The sandbox could not start: {ex.Message}");
    return 1;
}
