using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Lab.Steps
{
    /// <summary>Lab 12.2 "1. Services": the definition's services exist, with their descriptions.</summary>
    public sealed class ServicesStep : LabStep
    {
        public const string StepId = "12.2-services";

        public ServicesStep() : base(StepId, "12.2", "1. Services", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Connect?.Services.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.ConnectServices;
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.Connect.Services)
            {
                var (target, expectation) = (Target(wanted), Expectation(wanted));
                var current = await client.FindByNameAsync(wanted.Name, context.CancellationToken).ConfigureAwait(false);
                if (current == null)
                {
                    observations.Add(LabObservation.Missing(target, expectation, ct => client.CreateAsync(wanted.Name, wanted.Description, ct)));
                    continue;
                }
                var actual = wanted.Description == null ? "exists" : $"exists, description '{current.Description}'";
                observations.Add(LabObservation.Compare(target, expectation, actual,
                    ct => ServiceLock.WhileUnlockedAsync(client, current.Id, c => client.UpdateAsync(current.Id, new ConnectServiceChanges { Description = wanted.Description }, c), ct)));
            }
            return observations;
        }

        private static string Target(ConnectServiceDefinition wanted) => $"Connect service '{wanted.Name}'";
        private static string Expectation(ConnectServiceDefinition wanted) => wanted.Description == null ? "exists" : $"exists, description '{wanted.Description}'";

        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context)
        {
            var names = new List<string>();
            var services = context.Connection.ConnectServices.ListAsync(cancellationToken: context.CancellationToken).GetAsyncEnumerator(context.CancellationToken);
            try { while (await services.MoveNextAsync().ConfigureAwait(false)) names.Add(services.Current.Name); }
            finally { await services.DisposeAsync().ConfigureAwait(false); }
            return Extra(names, context.Definition.Connect.Services.Select(w => w.Name), n => $"Connect service '{n}'");
        }

        /// <summary>Before provisioning: every service is to be created.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Connect.Services.Select(w => LabObservation.Predict(Target(w), Expectation(w))).ToList();
    }

    /// <summary>
    /// A locked service refuses every change (423). The engine unlocks it for its own change and locks it again, as an
    /// administrator would in the portal; the lock itself is the definition's <c>Locked</c>.
    /// </summary>
    internal static class ServiceLock
    {
        public static async Task WhileUnlockedAsync(ConnectServicesClient client, string serviceId, Func<CancellationToken, Task> change, CancellationToken ct)
        {
            var service = await client.GetAsync(serviceId, ct).ConfigureAwait(false);
            if (service == null || !service.Locked)
            {
                await change(ct).ConfigureAwait(false);
                return;
            }
            await client.UpdateAsync(serviceId, new ConnectServiceChanges { Locked = false }, ct).ConfigureAwait(false);
            try
            {
                await change(ct).ConfigureAwait(false);
            }
            finally
            {
                // Lock again even when the change failed: the service must not be left open to accidental edits.
                await client.UpdateAsync(serviceId, new ConnectServiceChanges { Locked = true }, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lab 12.5 step 1 "Node Authorization for Webex CC Task and Engage nodes".</summary>
    public sealed class NodeAuthorizationsStep : LabStep
    {
        public const string StepId = "12.5-node-authorizations";

        public NodeAuthorizationsStep() : base(StepId, "12.5", "Step 1. Node Authorization for Webex CC Task and Engage nodes", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Connect?.NodeAuthorizations.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.ConnectIntegrations;
            var integrations = await client.ListAsync(context.CancellationToken).ConfigureAwait(false);
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.Connect.NodeAuthorizations)
            {
                var (target, expectation) = (Target(wanted), Expectation(wanted));
                var integration = integrations.FirstOrDefault(i => string.Equals(i.Name, wanted.Integration, StringComparison.OrdinalIgnoreCase));
                if (integration == null)
                {
                    observations.Add(LabObservation.NeedsPerson(target, expectation, "missing",
                        "every Connect tenant has this pre-built integration; its absence means provisioning did not complete: contact Cisco support"));
                    continue;
                }
                var authorization = integration.Authorizations.FirstOrDefault(a => string.Equals(a.Name, wanted.Name, StringComparison.OrdinalIgnoreCase));
                var actual = authorization == null
                    ? $"{integration.Status}, " + (integration.Authorizations.Count == 0 ? "no node authorization" : "node authorizations " + string.Join(", ", integration.Authorizations.Select(a => "'" + a.Name + "'")))
                    : $"{integration.Status}, node authorization '{authorization.Name}'";
                observations.Add(LabObservation.Compare(target, expectation, actual,
                    ct => client.AddAuthorizationAsync(integration.Id, wanted.Name, true, wanted.Account, ct)));
            }
            return observations;
        }

        private static string Target(NodeAuthorizationDefinition wanted) => $"Integration '{wanted.Integration}'";
        private static string Expectation(NodeAuthorizationDefinition wanted) => $"Authorized, node authorization '{wanted.Name}'";

        /// <summary>A new Connect tenant has both pre-built integrations, AuthorizationPending without a node authorization.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Connect.NodeAuthorizations.Select(w => LabObservation.Predict(Target(w), Expectation(w), "AuthorizationPending, no node authorization")).ToList();
    }

    /// <summary>
    /// Lab 12.5 step 2 "Download and upload CA flows in Connect" (and the Flow Builder overview's advice to lock the
    /// service): each flow is uploaded from its file, saved and made live; the service's lock is as defined.
    /// </summary>
    public sealed class FlowsStep : LabStep
    {
        public const string StepId = "12.5-flows";
        public const string LiveComment = "Applied by Invoke-DigitalChannelsLab";

        // Make Live refuses a flow whose nodes run under an integration without a node authorization: step 1 first.
        public FlowsStep() : base(StepId, "12.5", "Step 2. Download and upload CA flows in Connect", ServicesStep.StepId, NodeAuthorizationsStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) =>
            definition.Connect?.Services.Any(s => s.Flows.Count > 0 || s.Locked.HasValue) == true;

        private static string Short(string sha) => sha == null ? "none" : sha.Substring(0, Math.Min(12, sha.Length)) + "…";

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var services = context.Connection.ConnectServices;
            var flows = context.Connection.ConnectFlows;
            var token = context.CancellationToken;
            var observations = new List<LabObservation>();
            foreach (var wantedService in context.Definition.Connect.Services.Where(s => s.Flows.Count > 0 || s.Locked.HasValue))
            {
                var service = await services.FindByNameAsync(wantedService.Name, token).ConfigureAwait(false);
                if (service == null)
                    throw new InvalidOperationException($"The Connect service '{wantedService.Name}' does not exist (step {ServicesStep.StepId} creates it).");
                foreach (var wanted in wantedService.Flows)
                {
                    var file = context.WorkflowFiles.Read(wanted.FilePath);
                    var (target, expectation) = (Target(wanted, service.Name), Expectation(file));
                    var current = await flows.FindByNameAsync(service.Id, wanted.Name, token).ConfigureAwait(false);
                    Func<CancellationToken, Task> makeLive = ct => ServiceLock.WhileUnlockedAsync(services, service.Id, c => MakeLiveAsync(context, service.Id, wanted, file, c), ct);
                    if (current == null)
                    {
                        observations.Add(LabObservation.Missing(target, expectation, makeLive));
                        continue;
                    }
                    var latest = current.Versions?.FirstOrDefault(v => v.Number == current.Version);
                    var samePayload = string.Equals(latest?.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase);
                    // Publishing on its way to Live with the right payload needs no change, only waiting (SettleAsync).
                    var onItsWay = current.Status == ConnectFlow.PublishingStatus;
                    var actual = $"{current.Status} (version {current.Version}" + (current.LiveVersion.HasValue && current.LiveVersion != current.Version ? $", version {current.LiveVersion} Live" : "") +
                                 $"), payload SHA-256 {Short(latest?.Sha256)}";
                    if (samePayload && current.IsLive)
                        observations.Add(LabObservation.Matches(target, expectation));
                    else if (samePayload && onItsWay)
                        observations.Add(LabObservation.WaitingFor(target, expectation, actual));
                    else
                        observations.Add(LabObservation.Differs(target, expectation, actual, makeLive));
                }
                if (wantedService.Locked.HasValue)
                {
                    var locked = wantedService.Locked.Value;
                    observations.Add(LabObservation.Compare($"Connect service '{service.Name}'", LockWords(locked), LockWords(service.Locked),
                        ct => services.UpdateAsync(service.Id, new ConnectServiceChanges { Locked = locked }, ct)));
                }
            }
            return observations;
        }

        private static string Target(ConnectFlowDefinition wanted, string serviceName) => $"Flow '{wanted.Name}' in '{serviceName}'";
        private static string Expectation(WorkflowFile file) => $"Live, payload of '{file.FileName}' (SHA-256 {Short(file.Sha256)})";
        private static string LockWords(bool locked) => locked ? "locked" : "unlocked";

        /// <summary>Before the service exists: every flow is to be uploaded and made live, and a new service is unlocked.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context)
        {
            var observations = new List<LabObservation>();
            foreach (var wantedService in context.Definition.Connect.Services.Where(s => s.Flows.Count > 0 || s.Locked.HasValue))
            {
                observations.AddRange(wantedService.Flows.Select(w => LabObservation.Predict(Target(w, wantedService.Name), Expectation(context.WorkflowFiles.Read(w.FilePath)))));
                if (wantedService.Locked.HasValue)
                    observations.Add(LabObservation.Predict($"Connect service '{wantedService.Name}'", LockWords(wantedService.Locked.Value), LockWords(false)));
            }
            return observations;
        }

        /// <summary>Upload (a new flow, a new version, or nothing when the payload is the latest already), SAVE, MAKE LIVE.</summary>
        private static async Task MakeLiveAsync(LabContext context, string serviceId, ConnectFlowDefinition wanted, WorkflowFile file, CancellationToken ct)
        {
            var flows = context.Connection.ConnectFlows;
            var flow = await flows.ImportAsync(serviceId, wanted.Name, wanted.Kind, file, ct).ConfigureAwait(false);
            if (flow.Status == ConnectFlow.LiveStatus || flow.Status == ConnectFlow.PublishingStatus) return;
            var saved = await flows.SaveAsync(serviceId, flow.Id, ct).ConfigureAwait(false);
            if (saved.Findings != null && saved.Findings.Count > 0)
                throw new InvalidOperationException($"Flow '{wanted.Name}' was saved with findings, so it cannot be made live: {string.Join("; ", saved.Findings)}");
            string assetId = null;
            if (!string.IsNullOrWhiteSpace(wanted.Asset)) assetId = (await ConnectAssetCommands.FindAsync(context.Connection, wanted.Asset, ct).ConfigureAwait(false)).Id;
            await flows.PublishAsync(serviceId, flow.Id, assetId, LiveComment, ct).ConfigureAwait(false);
        }

        /// <summary>Make Live takes about two minutes (Publishing); waits until every defined flow is Live.</summary>
        public override async Task SettleAsync(LabContext context)
        {
            var services = context.Connection.ConnectServices;
            var flows = context.Connection.ConnectFlows;
            foreach (var wantedService in context.Definition.Connect.Services.Where(s => s.Flows.Count > 0))
            {
                var service = await services.FindByNameAsync(wantedService.Name, context.CancellationToken).ConfigureAwait(false);
                if (service == null) continue;
                await context.WaitUntilAsync($"Waiting for the flows of '{service.Name}' to be Live",
                    async ct =>
                    {
                        // One read of the service's flows serves every flow waited for.
                        var wantedNames = new HashSet<string>(wantedService.Flows.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
                        var all = new List<ConnectFlow>();
                        var list = flows.ListAsync(service.Id, null, ct).GetAsyncEnumerator(ct);
                        try
                        {
                            while (await list.MoveNextAsync().ConfigureAwait(false))
                                if (wantedNames.Contains(list.Current.Name)) all.Add(list.Current);
                        }
                        finally
                        {
                            await list.DisposeAsync().ConfigureAwait(false);
                        }
                        return all;
                    },
                    all => all.All(f => f.Status != ConnectFlow.PublishingStatus),
                    all => string.Join(", ", all.Where(f => f.Status == ConnectFlow.PublishingStatus).Select(f => $"'{f.Name}' Publishing until {f.PublishingUntil:u}")),
                    context.Timings.FlowLiveTimeout,
                    all => all.Count == 0 ? -1 : 100 * all.Count(f => f.IsLive) / all.Count,
                    all => all.Where(f => f.Status == ConnectFlow.PublishingStatus).Max(f => f.PublishingUntil)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Lab 12.4 "4. Add new users with administrator role": each teammate is invited with its role.</summary>
    public sealed class TeammatesStep : LabStep
    {
        public const string StepId = "12.4-teammates";

        public TeammatesStep() : base(StepId, "12.4", "4. Add new users with administrator role", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Connect?.Teammates.Count > 0;

        /// <summary>The invited teammate, for the steps after this one; an error naming this step when it is not there.</summary>
        internal static async Task<ConnectTeammate> InvitedAsync(ConnectTeammatesClient client, ConnectTeammateDefinition wanted, CancellationToken ct) =>
            await client.FindByEmailAsync(wanted.Email, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The teammate {wanted.Email} was not invited (step {StepId}).");

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.ConnectTeammates;
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.Connect.Teammates)
            {
                var (target, expectation) = (Target(wanted), $"role {wanted.Role}");
                var current = await client.FindByEmailAsync(wanted.Email, context.CancellationToken).ConfigureAwait(false);
                if (current == null)
                    observations.Add(LabObservation.Missing(target, expectation, ct => client.InviteAsync(wanted.Email, wanted.Role, null, null, ct)));
                else
                    observations.Add(LabObservation.Compare(target, expectation, $"role {current.Role}", ct => client.SetRoleAsync(current.Id, wanted.Role, ct)));
            }
            return observations;
        }

        internal static string Target(ConnectTeammateDefinition wanted) => $"Connect teammate {wanted.Email}";

        /// <summary>Teammates the definition does not name; the Owner is Provisioning's, not a teammate the lab invites.</summary>
        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context)
        {
            var all = await context.Connection.ConnectTeammates.ListAsync(context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false);
            return Extra(all.Where(t => t.Role != ConnectTeammateRole.Owner).Select(t => t.Email), context.Definition.Connect.Teammates.Select(t => t.Email), e => $"Connect teammate {e}");
        }

        /// <summary>Before provisioning: every teammate is to be invited.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Connect.Teammates.Select(w => LabObservation.Predict(Target(w), $"role {w.Role}")).ToList();
    }

    /// <summary>
    /// Lab 12.4 "5. New user activation": each invited teammate has joined. In the sandbox the engine follows the
    /// JOIN THE TEAM link from the outbox as the teammate would (sending a new invitation when the old one expired);
    /// against a live tenant only the teammate can.
    /// </summary>
    public sealed class TeammateActivationStep : LabStep
    {
        public const string StepId = "12.4-activation";
        public const string InvitationMailKind = "TeammateInvitation";

        public TeammateActivationStep() : base(StepId, "12.4", "5. New user activation", TeammatesStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Connect?.Teammates.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.ConnectTeammates;
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.Connect.Teammates)
            {
                var target = TeammatesStep.Target(wanted);
                var current = await TeammatesStep.InvitedAsync(client, wanted, context.CancellationToken).ConfigureAwait(false);
                if (current.Status == "Active")
                    observations.Add(LabObservation.Matches(target, "joined (Active)"));
                else if (!context.IsSandbox)
                    observations.Add(LabObservation.NeedsPerson(target, Joined, current.Status, JoinReason(wanted) + $" (valid until {current.InvitationExpiresTime:u})"));
                else
                    observations.Add(LabObservation.Differs(target, "joined (Active)", current.Status, ct => JoinInSandboxAsync(context, current, wanted, ct)));
            }
            return observations;
        }

        private const string Joined = "joined (Active)";
        private static string JoinReason(ConnectTeammateDefinition wanted) => $"{wanted.Email} must click JOIN THE TEAM in the invitation mail";

        /// <summary>A new invitation is Invited: the sandbox follows the link itself, a live tenant needs the teammate.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Connect.Teammates.Select(w => LabObservation.Predict(TeammatesStep.Target(w), Joined, "Invited", context.IsSandbox ? null : JoinReason(w))).ToList();

        private static async Task JoinInSandboxAsync(LabContext context, ConnectTeammate teammate, ConnectTeammateDefinition wanted, CancellationToken ct)
        {
            var connection = context.Connection;
            var mail = (await connection.SandboxMail.ListAsync(wanted.Email, InvitationMailKind, ct).ConfigureAwait(false)).FirstOrDefault();
            if (mail == null || (mail.ExpiresTime.HasValue && mail.ExpiresTime <= DateTimeOffset.UtcNow))
            {
                await connection.ConnectTeammates.ResendInvitationAsync(teammate.Id, ct).ConfigureAwait(false);
                mail = (await connection.SandboxMail.ListAsync(wanted.Email, InvitationMailKind, ct).ConfigureAwait(false)).First();
            }
            await connection.ConnectTeammates.AcceptInvitationAsync(ConnectTeammateCommands.TokenOf(mail.Link), wanted.Name, LabContext.NewSandboxPassword(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Lab 12.4 "5. New user activation" (the Owner's part): Decrypt Logs as defined, granted by the Owner.</summary>
    public sealed class DecryptLogsStep : LabStep
    {
        public const string StepId = "12.4-decrypt-logs";

        public DecryptLogsStep() : base(StepId, "12.4", "5. Decrypt Logs granted by the Owner", TeammateActivationStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Connect?.Teammates.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.ConnectTeammates;
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.Connect.Teammates)
            {
                var current = await TeammatesStep.InvitedAsync(client, wanted, context.CancellationToken).ConfigureAwait(false);
                observations.Add(LabObservation.Compare(TeammatesStep.Target(wanted), Words(wanted.DecryptLogs), Words(current.DecryptLogs),
                    ct => client.SetDecryptLogsAsync(current.Id, wanted.DecryptLogs, ct)));
            }
            return observations;
        }

        private static string Words(bool on) => on ? "Decrypt Logs granted" : "no Decrypt Logs";

        /// <summary>A new teammate has no Decrypt Logs.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Connect.Teammates.Select(w => LabObservation.Predict(TeammatesStep.Target(w), Words(w.DecryptLogs), Words(false))).ToList();
    }
}
