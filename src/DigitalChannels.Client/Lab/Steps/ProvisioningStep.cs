using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.Lab.Definition;
using DigitalChannels.Client.Provisioning;

namespace DigitalChannels.Client.Lab.Steps
{
    /// <summary>
    /// Lab 12.1 "2. Webex Connect Provisioning": the Digital Channel setting reads IMI Digital, Digital Channels are
    /// provisioned with the Owner, and the Owner has activated the account from the JOIN THE TEAM mail.
    /// </summary>
    public sealed class ProvisioningStep : LabStep
    {
        public const string StepId = "12.1-provisioning";
        public const string ActivationMailKind = "DigitalChannelsActivation";

        public ProvisioningStep() : base(StepId, "12.1", "2. Webex Connect Provisioning") { }

        public override bool AppliesTo(LabDefinition definition) => definition.Provisioning != null;

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var wanted = context.Definition.Provisioning;
            var client = context.Connection.Provisioning;
            var state = await client.GetAsync(context.CancellationToken).ConfigureAwait(false);
            var observations = new List<LabObservation>();

            const string setting = "Service Details > Digital Channel";
            if (string.Equals(state.DigitalChannel, wanted.DigitalChannel, StringComparison.OrdinalIgnoreCase))
                observations.Add(LabObservation.Matches(setting, $"'{wanted.DigitalChannel}'"));
            else
            {
                observations.Add(LabObservation.NeedsPerson(setting, $"'{wanted.DigitalChannel}'", $"'{state.DigitalChannel}'",
                    "only Cisco support can change the Digital Channel setting (lab 12.1)"));
                return observations; // provisioning is refused until it is corrected
            }

            var target = "Digital Channels provisioning";
            var expectation = $"{DigitalChannelsProvisioning.Provisioned}, Owner {wanted.Owner}";
            var actual = state.State == DigitalChannelsProvisioning.NotProvisioned ? state.State : $"{state.State}, Owner {state.OwnerEmail}";
            if (state.State != DigitalChannelsProvisioning.NotProvisioned && !string.Equals(state.OwnerEmail, wanted.Owner, StringComparison.OrdinalIgnoreCase))
                observations.Add(LabObservation.NeedsPerson(target, expectation, actual,
                    "a tenant has one Owner, chosen when provisioning starts; only Cisco's Partner Success team can change it (lab 12.4)"));
            else if (state.State == DigitalChannelsProvisioning.Provisioned)
                observations.Add(LabObservation.Matches(target, expectation));
            else if (state.State == DigitalChannelsProvisioning.AwaitingActivation && !context.IsSandbox)
                observations.Add(LabObservation.NeedsPerson(target, expectation, actual,
                    $"{wanted.Owner} must open the activation mail and click JOIN THE TEAM within 24 hours of {state.ActivationSentTime:u}"));
            else
                observations.Add(state.State == DigitalChannelsProvisioning.NotProvisioned
                    ? LabObservation.Missing(target, expectation, ct => ProvisionAsync(context, ct))
                    : LabObservation.Differs(target, expectation, actual, ct => ProvisionAsync(context, ct)));
            return observations;
        }

        /// <summary>Starts provisioning if needed, waits for it (about 5 minutes on the platform), then activates in the sandbox.</summary>
        private static async Task ProvisionAsync(LabContext context, CancellationToken cancellationToken)
        {
            var wanted = context.Definition.Provisioning;
            var client = context.Connection.Provisioning;
            var state = await client.GetAsync(cancellationToken).ConfigureAwait(false);
            if (state.State == DigitalChannelsProvisioning.NotProvisioned)
                state = await client.StartAsync(wanted.Owner, cancellationToken).ConfigureAwait(false);
            if (state.State == DigitalChannelsProvisioning.Provisioning)
            {
                state = await context.WaitUntilAsync("Provisioning Digital Channels",
                    ct => client.GetAsync(ct),
                    s => s.State != DigitalChannelsProvisioning.Provisioning,
                    s => s.FinishTime.HasValue ? $"{s.State} (ready at {s.FinishTime:u})" : s.State,
                    context.Timings.ProvisioningTimeout,
                    s => Percent(s),
                    s => s.FinishTime).ConfigureAwait(false);
            }
            if (state.State == DigitalChannelsProvisioning.AwaitingActivation)
            {
                if (!context.IsSandbox)
                    throw new InvalidOperationException($"Provisioning is done; {wanted.Owner} must now open the activation mail and click JOIN THE TEAM. Run the lab again afterwards.");
                await ActivateInSandboxAsync(context, wanted, cancellationToken).ConfigureAwait(false);
            }
        }

        private static int Percent(DigitalChannelsProvisioning state)
        {
            if (!state.StartedTime.HasValue || !state.FinishTime.HasValue) return -1;
            var total = (state.FinishTime.Value - state.StartedTime.Value).TotalSeconds;
            var elapsed = (DateTimeOffset.UtcNow - state.StartedTime.Value).TotalSeconds;
            return total <= 0 ? -1 : (int)Math.Max(0, Math.Min(99, 100 * elapsed / total));
        }

        /// <summary>The sandbox's outbox holds the mail the Owner would receive; the engine follows its link as the Owner would.</summary>
        private static async Task ActivateInSandboxAsync(LabContext context, ProvisioningDefinition wanted, CancellationToken cancellationToken)
        {
            var mails = await context.Connection.SandboxMail.ListAsync(wanted.Owner, ActivationMailKind, cancellationToken).ConfigureAwait(false);
            var mail = mails.FirstOrDefault()
                       ?? throw new InvalidOperationException($"The sandbox sent no activation mail to {wanted.Owner}.");
            await context.Connection.ConnectTeammates.AcceptInvitationAsync(ConnectTeammateCommands.TokenOf(mail.Link), wanted.OwnerName,
                LabContext.NewSandboxPassword(), cancellationToken).ConfigureAwait(false);
        }
    }
}
