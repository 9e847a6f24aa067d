using DigitalChannels.Client;
using DigitalChannels.Client.Lab;
using DigitalChannels.Client.Lab.Definition;
using Newtonsoft.Json;

namespace DigitalChannels.Lab.MainJob;

/// <summary>
/// The pods' sandbox tenants, kept in the sandbox's data folder (lab-pods.json beside connection.json) so that a later
/// `verify` or `plan` with the same --data reads the same tenants. The credentials are a sandbox's, as those of
/// connection.json beside it; they are never printed.
/// </summary>
public static class SavedPods
{
    public const string FileName = "lab-pods.json";

    private sealed record Saved(string Id, string OrganizationId, string ClientId, string ClientSecret);

    /// <summary>The saved pods reconnected, or new tenants (saved for next time) when none are saved.</summary>
    public static async Task<(List<LabPod> Pods, bool Reused)> OpenOrCreateAsync(DigitalChannelsConnection sandboxOperator, string folder, LabDefinition definition,
        int count, int throttleLimit, CancellationToken token)
    {
        var path = Path.Combine(folder, FileName);
        if (File.Exists(path))
        {
            var saved = JsonConvert.DeserializeObject<List<Saved>>(await File.ReadAllTextAsync(path, token)) ?? new List<Saved>();
            var pods = new List<LabPod>();
            foreach (var pod in saved) pods.Add(await SandboxPods.ConnectAsync(sandboxOperator, pod.Id, pod.ClientId, pod.ClientSecret, token));
            return (pods, true);
        }

        var created = new List<Saved>();
        var ids = Enumerable.Range(1, count).Select(i => i.ToString()).ToList();
        try
        {
            var made = await SandboxPods.CreateAsync(sandboxOperator, definition, ids, throttleLimit, token,
                (id, tenant) => { lock (created) created.Add(new Saved(id, tenant.OrganizationId, tenant.ClientId, tenant.ClientSecret)); });
            return (made, false);
        }
        finally
        {
            // Every tenant that was created is kept, whatever happened after: the next command signs in to it again.
            var ordered = ids.SelectMany(id => created.Where(c => c.Id == id)).ToList();
            if (ordered.Count > 0) await File.WriteAllTextAsync(path, JsonConvert.SerializeObject(ordered, Formatting.Indented), CancellationToken.None);
        }
    }
}
