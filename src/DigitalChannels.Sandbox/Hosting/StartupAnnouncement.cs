using DigitalChannels.Client.Environments;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DigitalChannels.Sandbox.Hosting;

/// <summary>
/// Once the server accepts requests: writes connection.json (tests and the module wait for it, so it must not appear
/// earlier) and prints where the sandbox is and how to sign in.
/// </summary>
public static class StartupAnnouncement
{
    /// <summary>Removes the previous run's file at start-up, so nobody reads a stale port while the server starts.</summary>
    public static void DeleteStaleConnectionFile(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, SandboxConnectionFile.FileName);
        if (File.Exists(path)) File.Delete(path);
    }

    public static void Announce(WebApplication app, SandboxOptions options)
    {
        var baseUrl = BoundBaseUrl(app);
        var file = new SandboxConnectionFile
        {
            BaseUrl = baseUrl,
            OrgId = SandboxConnectionFile.WellKnown.OrganizationId,
            ClientId = SandboxConnectionFile.WellKnown.ClientId,
            ClientSecret = SandboxConnectionFile.WellKnown.ClientSecret,
            OwnerEmail = SandboxConnectionFile.WellKnown.OwnerEmail,
            OwnerPassword = SandboxConnectionFile.WellKnown.OwnerPassword,
        };
        var path = Path.Combine(options.DataDirectory, SandboxConnectionFile.FileName);
        file.Write(path);
        Storage.DataFolder.Protect(path);

        Console.Out.WriteLine($"""
            DigitalChannels sandbox is running.
              Base URL:       {file.BaseUrl}
              Org id:         {file.OrgId}
              Client id:      {file.ClientId}
              Client secret:  {file.ClientSecret}
              Owner sign-in:  {file.OwnerEmail} / {file.OwnerPassword}
              Data folder:    {options.DataDirectory}
              Connection:     {path}
              Warning: these are the well-known sandbox credentials, published in the docs; they protect nothing, never reuse them elsewhere.
            Press Ctrl+C to stop.
            """);
        Console.Out.Flush();
    }

    /// <summary>The first address Kestrel really bound (port 0 resolved), with wildcard hosts replaced by loopback so the URL is usable.</summary>
    private static string BoundBaseUrl(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The server reports no bound address.");
        var uri = new Uri(address.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"));
        var host = uri.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => uri.Host, // IPv6 hosts come with their brackets

        };
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
