using DigitalChannels.Client;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.ContactCenter;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Lab.MainJob;

/// <summary>
/// Breaks a pod on purpose, the way an administrator might by hand, so that Test-DigitalChannelsLab has something to
/// report and Invoke-DigitalChannelsLab something to repair: a channel-agnostic flow is no longer Live (a new working
/// draft with another payload), the chat RONA timeout is wrong, and a team is gone (after taking it off its users).
/// </summary>
public static class TenantBreaker
{
    public const int WrongChatRona = 45;

    public static readonly IReadOnlyList<string> What =
        ["a flow not Live (a new working draft)", $"the chat RONA timeout {WrongChatRona} s", "the last team removed"];

    public static async Task BreakAsync(DigitalChannelsConnection connection, LabDefinition definition, CancellationToken token)
    {
        // A flow: a new version with another file's payload, left as a working draft. The service is locked, as the lab
        // leaves it, so it is unlocked for the edit and locked again.
        var service = definition.Connect!.Services.First(s => s.Flows.Count > 0);
        var flow = service.Flows[0];
        var other = Directory.GetFiles(Path.GetDirectoryName(flow.FilePath)!, "*" + WorkflowFile.Extension)
            .First(f => !string.Equals(Path.GetFileName(f), Path.GetFileName(flow.FilePath), StringComparison.OrdinalIgnoreCase));
        var services = connection.ConnectServices;
        var found = await services.FindByNameAsync(service.Name, token) ?? throw new InvalidOperationException($"No service '{service.Name}' to break.");
        await services.UpdateAsync(found.Id, new ConnectServiceChanges { Locked = false }, token);
        await connection.ConnectFlows.ImportAsync(found.Id, flow.Name, null, WorkflowFile.Read(other), token);
        await services.UpdateAsync(found.Id, new ConnectServiceChanges { Locked = true }, token);

        // RONA: chat out of line with the lab's value.
        var rona = await connection.ControlHub.GetRonaTimeoutsAsync(token);
        rona.Chat = WrongChatRona;
        await connection.ControlHub.SetRonaTimeoutsAsync(rona, token);

        // A team: taken off every user that has it (the platform refuses to delete a team in use), then removed.
        var cc = connection.ContactCenter;
        var teamName = definition.ContactCenter!.Teams[^1].Name;
        var team = await cc.Teams.FindByNameAsync(teamName, token) ?? throw new InvalidOperationException($"No team '{teamName}' to break.");
        await foreach (var user in cc.Users.ListAsync(cancellationToken: token))
        {
            if (user.TeamIds?.Contains(team.Id) != true) continue;
            var changed = user.Clone<ContactCenterUser>();
            changed.TeamIds = user.TeamIds.Where(id => id != team.Id).ToList();
            await cc.Users.UpdateAsync(changed, token);
        }
        await cc.Teams.DeleteAsync(team.Id, token);
    }
}
