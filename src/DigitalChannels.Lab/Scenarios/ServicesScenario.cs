using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;

namespace DigitalChannels.Lab.Scenarios;

/// <summary>
/// Lab 12.2 "1. Services" and the service of lab 12.5 step 2, end to end: create, find with wildcards, lock through the
/// pipeline, the lock refusing changes, unlock, the API tab's secret, duplicate names refused, remove.
/// </summary>
public static class ServicesScenario
{
    public const string AgnosticService = "Agnostic Flows DO NOT MODIFY";

    public static void Run(ScenarioRun run, DigitalChannelsConnection connection)
    {
        const string noun = ConnectServiceCommands.Noun;
        var prefix = "Lab Service " + DateTime.UtcNow.ToString("HHmmss") + " ";
        string a = prefix + "A", b = prefix + "B";

        run.Run($"New-ConnectService -Name '{AgnosticService}' -Description 'Task Routed, Modified and Close'", noun,
            h => ConnectServiceCommands.NewAsync(h, connection, AgnosticService, "Task Routed, Modified and Close"),
            expectedErrorId: Exists(connection, AgnosticService) ? "ConnectServiceAlreadyExists" : null);
        run.Run($"New-ConnectService -Name '{a}'", noun, h => ConnectServiceCommands.NewAsync(h, connection, a, null));
        run.Run($"New-ConnectService -Name '{b}'", noun, h => ConnectServiceCommands.NewAsync(h, connection, b, null));
        run.Run($"New-ConnectService -Name '{a.ToUpperInvariant()}'", noun,
            h => ConnectServiceCommands.NewAsync(h, connection, a.ToUpperInvariant(), null), expectedErrorId: "ConnectServiceAlreadyExists");

        var found = run.Run($"Get-ConnectService '{prefix}*'", noun, h => ConnectServiceCommands.GetAsync(h, connection, null, prefix + "*", false));
        run.Check("Get-ConnectService with a wildcard", $"2 services: {a}, {b}", $"{found.Count} services: {Names(found)}");

        // Get-ConnectService 'Lab*' | Set-ConnectService -Locked: one Set per piped object, as the pipeline does.
        run.Run($"Get-ConnectService '{prefix}*' | Set-ConnectService -Locked -PassThru", noun, async h =>
        {
            foreach (var service in found.Cast<ConnectService>())
                await ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(service), new ConnectServiceChanges { Locked = true }, passThru: true);
        });
        run.Check("Both services locked", "locked: True, True", "locked: " + string.Join(", ", Read(connection, a, b).Select(s => s.Locked)));

        run.Run($"Set-ConnectService '{a}' -Description 'changed while locked'", noun,
            h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(a), new ConnectServiceChanges { Description = "changed while locked" }, false),
            expectedErrorId: "ConnectServiceLocked");
        run.Run($"Remove-ConnectService '{b}' -Confirm:$false", noun,
            h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity(b)), expectedErrorId: "ConnectServiceLocked");

        run.Run($"Set-ConnectService '{a}' -Locked:$false -Description 'unlocked and described' -PassThru", noun,
            h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(a), new ConnectServiceChanges { Locked = false, Description = "unlocked and described" }, true));

        var withSecret = run.Run($"Get-ConnectService '{a}' -IncludeSecret", noun, h => ConnectServiceCommands.GetAsync(h, connection, null, a, includeSecret: true));
        run.Check("The API tab's Service Secret, only when asked", "a secret", withSecret.Cast<ConnectService>().SingleOrDefault()?.ServiceSecret is { Length: > 0 } ? "a secret" : "no secret");

        run.Run($"Set-ConnectService '{b}' -Locked:$false", noun,
            h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(b), new ConnectServiceChanges { Locked = false }, false));
        run.Run($"Remove-ConnectService '{b}' -Confirm:$false", noun, h => ConnectServiceCommands.RemoveAsync(h, connection, new ConnectServiceIdentity(b)));
        run.Run($"Set-ConnectService '{AgnosticService}' -Locked", noun,
            h => ConnectServiceCommands.SetAsync(h, connection, new ConnectServiceIdentity(AgnosticService), new ConnectServiceChanges { Locked = true }, false));

        var all = run.Run("Get-ConnectService", noun, h => ConnectServiceCommands.GetAsync(h, connection, null, null, false));
        var names = all.Cast<ConnectService>().Select(s => s.Name).ToList();
        run.Check("Remaining services", $"{AgnosticService} and {a}, without {b}",
            names.Contains(AgnosticService) && names.Contains(a) && !names.Contains(b) ? $"{AgnosticService} and {a}, without {b}" : Names(all));
    }

    private static bool Exists(DigitalChannelsConnection connection, string name) =>
        connection.ConnectServices.FindByNameAsync(name, CancellationToken.None).GetAwaiter().GetResult() != null;

    private static IEnumerable<ConnectService> Read(DigitalChannelsConnection connection, params string[] names) =>
        names.Select(n => connection.ConnectServices.FindByNameAsync(n, CancellationToken.None).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"The service '{n}' is missing."));

    private static string Names(IEnumerable<object> services) => string.Join(", ", services.Cast<ConnectService>().Select(s => s.Name));
}
