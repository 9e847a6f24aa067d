using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Provisioning
{
    /// <summary>What Start-, Get- and Wait-DigitalChannelsProvisioning and New-DigitalChannelsSandboxTenant do.</summary>
    public static class ProvisioningCommands
    {
        public const string Noun = "DigitalChannelsProvisioning";
        public const string TenantNoun = "DigitalChannelsSandboxTenant";
        public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(15);
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection)
        {
            host.WriteObject(await connection.Provisioning.GetAsync(host.CancellationToken));
        }

        /// <summary>Starts provisioning with <paramref name="ownerEmail"/> as Owner; with <paramref name="wait"/>, waits until the activation mail is sent.</summary>
        public static async Task StartAsync(ICommandHost host, DigitalChannelsConnection connection, string ownerEmail, bool wait, TimeSpan timeout,
            TimeSpan pollInterval, Func<TimeSpan, CancellationToken, Task> delay = null)
        {
            if (string.IsNullOrWhiteSpace(ownerEmail)) throw new ArgumentException("The Owner's email is empty.", nameof(ownerEmail));
            connection.Provisioning.RequireApi("Provisioning Digital Channels");
            if (!host.ShouldProcess($"Digital Channels of organization {connection.OrganizationId}", $"Provision with the Owner '{ownerEmail.Trim()}' (irreversible)")) return;
            var started = await connection.Provisioning.StartAsync(ownerEmail, host.CancellationToken);
            host.WriteVerbose($"Digital Channels provisioning: {started.State}, ready at {started.FinishTime:u}.");
            if (!wait)
            {
                host.WriteObject(started);
                return;
            }
            await WaitAsync(host, connection, timeout, pollInterval, delay);
        }

        /// <summary>Waits for the provisioning of one tenant; see the overload for many.</summary>
        public static Task WaitAsync(ICommandHost host, DigitalChannelsConnection connection, TimeSpan timeout, TimeSpan pollInterval,
            Func<TimeSpan, CancellationToken, Task> delay = null) =>
            WaitAsync(host, new[] { connection ?? throw new ArgumentNullException(nameof(connection)) }, timeout, pollInterval, delay);

        /// <summary>
        /// Polls every tenant (one connection each, e.g. the lab pods') until its Connect side exists (AwaitingActivation
        /// or Provisioned), all at once with one progress bar against the finish times (as Wait-Job); Ctrl+C cancels
        /// the wait (not the provisioning). A tenant that is NotProvisioned has nothing to wait for and is its own error.
        /// </summary>
        public static Task WaitAsync(ICommandHost host, IReadOnlyList<DigitalChannelsConnection> connections, TimeSpan timeout, TimeSpan pollInterval,
            Func<TimeSpan, CancellationToken, Task> delay = null)
        {
            if (connections == null) throw new ArgumentNullException(nameof(connections));
            if (connections.Any(c => c == null)) throw new ArgumentException("A tenant to wait for has no connection.", nameof(connections));
            foreach (var connection in connections) connection.Provisioning.RequireApi("Waiting for Digital Channels provisioning");
            var activity = connections.Count == 1 ? "Waiting for Digital Channels provisioning" : $"Waiting for Digital Channels provisioning of {connections.Count} tenants";
            return PollingWait.AllAsync(host, Noun, activity, connections, async (connection, token) =>
            {
                var current = await connection.Provisioning.GetAsync(token);
                if (current.State == DigitalChannelsProvisioning.AwaitingActivation || current.State == DigitalChannelsProvisioning.Provisioned)
                {
                    if (current.State == DigitalChannelsProvisioning.AwaitingActivation)
                        host.WriteVerbose($"Provisioned; the activation mail (JOIN THE TEAM) went to '{current.OwnerEmail}', valid until {current.ActivationExpiresTime:u}.");
                    return WaitState.Done(current);
                }
                if (current.State != DigitalChannelsProvisioning.Provisioning)
                    throw new InvalidOperationException(
                        $"Digital Channels of organization {current.OrganizationId} are {current.State}: nothing to wait for. Start it with Start-DigitalChannelsProvisioning -Owner <administrator email>.");
                TimeSpan? expected = null;
                if (current.StartedTime.HasValue && current.FinishTime.HasValue) expected = current.FinishTime.Value - current.StartedTime.Value;
                return WaitState.Pending($"Provisioning; ready at {current.FinishTime:u}", expected,
                    t => $"Digital Channels provisioning was still running after {t.TotalSeconds:0} s (ready at {current.FinishTime:u}, sandbox time).", current.FinishTime);
            }, timeout, pollInterval, delay, c => $"organization {c.OrganizationId}");
        }

        public static async Task NewSandboxTenantAsync(ICommandHost host, DigitalChannelsConnection connection, string name, string administratorEmail,
            string administratorDisplayName, string digitalChannel)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The tenant name is empty.", nameof(name));
            if (string.IsNullOrWhiteSpace(administratorEmail)) throw new ArgumentException("The administrator's email is empty.", nameof(administratorEmail));
            connection.RequireSandbox("Creating a tenant", ProvisioningClient.SandboxOnly);
            if (!host.ShouldProcess($"sandbox at {connection.Environment}", $"Create the tenant '{name}' administered by '{administratorEmail}'")) return;
            var tenant = await connection.Provisioning.CreateSandboxTenantAsync(name.Trim(), administratorEmail.Trim(),
                string.IsNullOrWhiteSpace(administratorDisplayName) ? administratorEmail.Trim() : administratorDisplayName.Trim(), digitalChannel, host.CancellationToken);
            host.WriteVerbose($"Created the tenant '{tenant.Name}' ({tenant.OrganizationId}); its client secret is shown only now.");
            host.WriteObject(tenant);
        }
    }
}
