using DigitalChannels.Sandbox.Connect.Assets;
using DigitalChannels.Sandbox.Connect.Integrations;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Connect.Flows;

/// <summary>
/// The portal's lifecycle (lab rules 53–55), computed from stored times against the clock, never by a timer:
/// a version that was never made live is the Working Draft (or Superseded once a newer one exists); Make Live stores the
/// time Publishing ends; from then on the newest version whose time has come is Live and older live ones are Retired.
/// </summary>
public static class FlowLifecycle
{
    public const string WorkingDraft = "WorkingDraft";
    public const string Superseded = "Superseded";
    public const string Publishing = "Publishing";
    public const string Live = "Live";
    public const string Retired = "Retired";

    /// <summary>The version that handles messages now: the newest whose publishing has ended; null when there is none.</summary>
    public static FlowVersion? LiveVersion(IReadOnlyList<FlowVersion> versions, DateTimeOffset now)
    {
        var instant = Timestamps.Format(now);
        return versions.Where(v => v.LiveTime is not null && string.CompareOrdinal(v.LiveTime, instant) <= 0).MaxBy(v => v.Number);
    }

    public static string StatusOf(FlowVersion version, IReadOnlyList<FlowVersion> versions, DateTimeOffset now)
    {
        if (version.LiveTime is null) return version.Number == versions.Max(v => v.Number) ? WorkingDraft : Superseded;
        if (string.CompareOrdinal(version.LiveTime, Timestamps.Format(now)) > 0) return Publishing;
        return LiveVersion(versions, now)?.Number == version.Number ? Live : Retired;
    }

    /// <summary>
    /// What Save reports and Make Live refuses on: the missing or incorrect connections the sandbox can know (lab rule 53).
    /// It cannot read the encrypted payload, so misconfigured nodes inside a flow go unnoticed, as in the portal.
    /// </summary>
    public static List<string> Findings(DbSession session, ConnectFlow flow, FlowVersion latest)
    {
        var findings = new List<string>();
        if (latest.Sha256 is null)
            findings.Add("The flow has no nodes: it was created with New Flow and no .workflow was uploaded, so its start node connects to nothing.");

        if (FlowKinds.RequiredIntegration(flow.Kind) is { } integrationKind)
        {
            var integrations = new IntegrationRepository(session);
            var integration = integrations.FindByKind(flow.OrganizationId, integrationKind);
            if (integration is not null && integrations.Authorizations(integration.Id).Count == 0)
                findings.Add($"A {FlowKinds.DisplayName(flow.Kind)} flow runs its nodes under the integration '{integration.Name}', which is Authorization Pending: " +
                    $"add a node authorization (Assets > Integrations > {integration.Name} > Manage > Add Authorization).");
        }

        if (FlowKinds.IsChannel(flow.Kind) && new RuleRepository(session).ListForFlow(flow.Id).Count == 0
            && !new AssetRepository(session).AnyOfChannel(flow.OrganizationId, flow.Kind))
        {
            var what = flow.Kind == "Sms" ? "number" : "app";
            findings.Add(Client.Connect.Flows.ConnectChannels.DiscontinuedReason(flow.Kind) is { } discontinued
                ? $"Nothing can trigger this {flow.Kind} flow: the tenant has no {flow.Kind} app, and none can be created: {discontinued}."
                : $"Nothing can trigger this {flow.Kind} flow: the tenant has no {flow.Kind} {what}. Create one (Assets > Apps) and select it at Make Live.");
        }
        return findings;
    }
}
