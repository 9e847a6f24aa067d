using DigitalChannels.Sandbox.Administration;
using DigitalChannels.Sandbox.Connect;
using DigitalChannels.Sandbox.ContactCenter;
using DigitalChannels.Sandbox.ControlHub;
using DigitalChannels.Sandbox.Connect.Teammates;
using DigitalChannels.Sandbox.Connect.Assets;
using DigitalChannels.Sandbox.Connect.Flows;
using DigitalChannels.Sandbox.Connect.Integrations;
using DigitalChannels.Sandbox.Connect.LogExports;
using DigitalChannels.Sandbox.Connect.Scheduler;
using DigitalChannels.Sandbox.Connect.Traffic;
using DigitalChannels.Sandbox.Engage;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Mail;
using DigitalChannels.Sandbox.OpenApi;
using DigitalChannels.Sandbox.People;
using DigitalChannels.Sandbox.Provisioning;
using DigitalChannels.Sandbox.Storage;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Hosting;

/// <summary>Composition root: storage, identity, the APIs and the middleware, in the order requests meet them.</summary>
public static class SandboxApplication
{
    public static WebApplication Build(SandboxOptions options)
    {
        // No args: the command line is parsed by SandboxCommandLine, not the configuration system.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls);
        // Bodies are bounded for every route; the ones that take files (attachment checks) raise the cap for themselves.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestGuardMiddleware.MaximumBodyBytes);
        // Framework logs stay at Warning so that request details (and with them any Authorization header) never reach the console.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("System", LogLevel.Warning);
        // Program prints start-up failures (port in use…) as one line; the host would add the same error with a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        DataFolder.Prepare(options.DataDirectory, SandboxDatabase.FileName);
        StartupAnnouncement.DeleteStaleConnectionFile(options.DataDirectory);

        var time = new SandboxClock();
        var database = new SandboxDatabase(options.DataDirectory);
        database.Initialize(SchemaCatalog.All);
        DefaultTenant.EnsureCreated(database, time);
        SignInAccounts.EnsureOwnerPassword(database);
        var signingKeys = SigningKeyProvider.LoadOrCreate(database, time);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(signingKeys);
        builder.Services.AddSingleton<AccessTokenIssuer>();
        builder.Services.AddSingleton<AccessTokenValidator>();
        builder.Services.AddSingleton<ClientRateLimiter>();
        builder.Services.AddSingleton<SandboxHosts>();
        builder.Services.AddHostedService<Connect.Scheduler.ScheduledEventTicker>();

        var app = builder.Build();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseMiddleware<RequestGuardMiddleware>();
        app.UseMiddleware<IdempotentReplayMiddleware>();

        app.MapGet("/health", () => SandboxJson.Ok(new { status = "ok" }));
        app.MapIdentityEndpoints();
        app.MapSignInEndpoints();
        app.MapServiceAppEndpoints();
        app.MapOpenApiDocuments();
        app.MapServiceEndpoints();
        app.MapFlowEndpoints();
        app.MapAssetEndpoints();
        app.MapTrafficEndpoints();
        app.MapOnboardingEndpoints();
        app.MapIntegrationEndpoints();
        app.MapApplicationEndpoints();
        app.MapClockEndpoints();
        app.MapOutboxEndpoints();
        app.MapConfigurationEndpoints();
        app.MapPeopleEndpoints();
        app.MapControlHubEndpoints();
        app.MapTeammateEndpoints();
        app.MapContainerEndpoints();
        app.MapInvitationEndpoints();
        app.MapEngageEndpoints();
        app.MapProvisioningEndpoints();
        app.MapTenantEndpoints();
        Connect.Templates.ConnectTemplateEndpoints.MapConnectTemplateEndpoints(app);
        Connect.Settings.SettingsEndpoints.MapConnectSettingsEndpoints(app);
        app.MapLogExportEndpoints();
        app.MapScheduledEventEndpoints();

        app.Lifetime.ApplicationStarted.Register(() => StartupAnnouncement.Announce(app, options));
        return app;
    }
}
