using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Engage.Templates;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Lab.Steps
{
    /// <summary>
    /// Lab 12.1 "3. Webex Connect Provisioning verification" (and lab 12.3 "4. Users"): Engage lists the Contact
    /// Center users with their role types. A missing user is brought in by Synchronize Users in Control Hub followed by
    /// Engage's own synchronization, the remedy lab 12.3 gives.
    /// </summary>
    public sealed class EngageUsersStep : LabStep
    {
        public const string StepId = "12.1-engage-users";

        public EngageUsersStep() : base(StepId, "12.1", "3. Webex Connect Provisioning verification (Engage users)", ProvisioningStep.StepId, UsersStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.ContactCenter?.Users.Any(u => u.EngageRoleType != null) == true;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var connection = context.Connection;
            var users = await connection.Engage.Users.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false);
            // One synchronization brings in every missing user: the fixes of this reading share it.
            Task synchronization = null;
            Func<CancellationToken, Task> synchronize = ct => synchronization ?? (synchronization = SynchronizeAsync(connection, ct));
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.ContactCenter.Users.Where(u => u.EngageRoleType != null))
            {
                var (target, expectation) = (Target(wanted), Expectation(wanted));
                var user = users.FirstOrDefault(u => string.Equals(u.Email, wanted.Email, StringComparison.OrdinalIgnoreCase));
                observations.Add(user == null
                    ? LabObservation.Missing(target, expectation, synchronize, NotListed)
                    : LabObservation.Compare(target, expectation, $"{user.Status}, role type '{user.RoleType}'", synchronize));
            }
            return observations;
        }

        private const string NotListed = "not listed in Engage";
        private static string Target(ContactCenterUserDefinition wanted) => $"Engage user {wanted.Email}";
        private static string Expectation(ContactCenterUserDefinition wanted) => $"Active, role type '{wanted.EngageRoleType}'";

        /// <summary>Before provisioning Engage lists nobody: every user comes in with the synchronization.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.ContactCenter.Users.Where(u => u.EngageRoleType != null).Select(w => LabObservation.Predict(Target(w), Expectation(w), NotListed, create: true)).ToList();

        private static async Task SynchronizeAsync(DigitalChannelsConnection connection, CancellationToken ct)
        {
            await connection.ControlHub.SynchronizeUsersAsync(ct).ConfigureAwait(false);
            await connection.Engage.Users.SynchronizeAsync(ct).ConfigureAwait(false);
        }
    }

    /// <summary>Lab 12.3 "3. Settings": whether attachments may be exchanged at all.</summary>
    public sealed class EngageAttachmentsStep : LabStep
    {
        public const string StepId = "12.3-attachments";

        public EngageAttachmentsStep() : base(StepId, "12.3", "3. Settings (attachments)", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Engage?.AttachmentsEnabled != null;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var wanted = context.Definition.Engage.AttachmentsEnabled.Value;
            var client = context.Connection.Engage.Attachments;
            var current = await client.GetAsync(context.CancellationToken).ConfigureAwait(false);
            return new[] { LabObservation.Compare(Target, Words(wanted), Words(current.Enabled), ct => client.SetEnabledAsync(wanted, ct)) };
        }

        private const string Target = "Engage attachments";
        private static string Words(bool on) => on ? "attachments enabled" : "attachments disabled";

        /// <summary>A new Engage tenant has attachments enabled (the platform's default).</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            new[] { LabObservation.Predict(Target, Words(context.Definition.Engage.AttachmentsEnabled.Value), Words(true)) };
    }

    /// <summary>Lab 12.3 "5. Assets" → Templates: templated replies agents pick in their console.</summary>
    public sealed class EngageTemplatesStep : LabStep
    {
        public const string StepId = "12.3-templates";

        public EngageTemplatesStep() : base(StepId, "12.3", "5. Assets (templates)", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Engage?.Templates.Count > 0;

        private static string Describe(IEnumerable<string> channels, string text, string category) =>
            $"channels {string.Join(", ", channels.OrderBy(c => c, StringComparer.Ordinal))}; text '{text}'" + (category == null ? "" : $"; category '{category}'");

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.Engage.Templates;
            var observations = new List<LabObservation>();
            foreach (var wanted in context.Definition.Engage.Templates)
            {
                var (target, expectation) = (Target(wanted), Describe(wanted.Channels, wanted.Text, wanted.Category));
                var current = await client.FindByNameAsync(wanted.Name, context.CancellationToken).ConfigureAwait(false);
                if (current == null)
                {
                    observations.Add(LabObservation.Missing(target, expectation, ct => client.CreateAsync(wanted.Name, wanted.Channels, wanted.Text, wanted.Category, ct)));
                    continue;
                }
                var actual = Describe(current.Channels, current.Text, wanted.Category == null ? null : current.Category ?? "");
                observations.Add(LabObservation.Compare(target, expectation, actual, ct => client.UpdateAsync(current.Id, new EngageTemplateChanges
                {
                    Channels = wanted.Channels, Text = wanted.Text, Category = wanted.Category,
                }, ct)));
            }
            return observations;
        }

        private static string Target(EngageTemplateDefinition wanted) => $"Engage template '{wanted.Name}'";

        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context) =>
            Extra((await context.Connection.Engage.Templates.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false)).Select(t => t.Name),
                context.Definition.Engage.Templates.Select(t => t.Name), n => $"Engage template '{n}'");

        /// <summary>A new Engage tenant has none of the lab's templates.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Engage.Templates.Select(w => LabObservation.Predict(Target(w), Describe(w.Channels, w.Text, w.Category))).ToList();
    }

    /// <summary>Lab 12.3 "6.2 Settings" → Blocklist: words blocked from conversations.</summary>
    public sealed class EngageBlocklistStep : LabStep
    {
        public const string StepId = "12.3-blocklist";

        public EngageBlocklistStep() : base(StepId, "12.3", "6.2 Settings (blocklist)", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Engage?.BlockedWords.Count > 0;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var client = context.Connection.Engage.Blocklist;
            var words = await client.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false);
            return context.Definition.Engage.BlockedWords
                .Select(word => words.Any(w => string.Equals(w.Word, word, StringComparison.OrdinalIgnoreCase))
                    ? LabObservation.Matches(Target(word), Blocked)
                    : LabObservation.Missing(Target(word), Blocked, ct => client.AddAsync(word, ct), NotBlocked))
                .ToList();
        }

        private const string Blocked = "blocked", NotBlocked = "not blocked";
        private static string Target(string word) => $"Blocked word '{word}'";

        public override async Task<IReadOnlyList<string>> NotInDefinitionAsync(LabContext context) =>
            Extra((await context.Connection.Engage.Blocklist.ListAsync(cancellationToken: context.CancellationToken).ToListAsync(context.CancellationToken).ConfigureAwait(false)).Select(w => w.Word),
                context.Definition.Engage.BlockedWords, w => $"Blocked word '{w}'");

        /// <summary>A new Engage tenant blocks none of the lab's words.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context) =>
            context.Definition.Engage.BlockedWords.Select(w => LabObservation.Predict(Target(w), Blocked, NotBlocked, create: true)).ToList();
    }
}
