using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Lab
{
    /// <summary>
    /// Lab pods in the sandbox: one new tenant per pod, created by the sandbox operator (the default tenant's
    /// credentials), whose administrator is the definition's Owner for that pod, as Cisco's lab tenants come.
    /// </summary>
    public static class SandboxPods
    {
        /// <summary>
        /// Creates the tenants (at most <paramref name="throttleLimit"/> at a time) and connects to each;
        /// <paramref name="created"/> receives each new tenant (its credentials: the runner keeps them to verify later).
        /// </summary>
        public static async Task<List<LabPod>> CreateAsync(DigitalChannelsConnection sandboxOperator, LabDefinition definition, IReadOnlyList<string> podIds,
            int throttleLimit, CancellationToken cancellationToken, Action<string, Provisioning.SandboxTenant> created = null)
        {
            if (sandboxOperator == null) throw new ArgumentNullException(nameof(sandboxOperator));
            if (podIds == null || podIds.Count == 0) throw new ArgumentException("No pod ids were given.", nameof(podIds));
            var pods = new LabPod[podIds.Count];
            using (var gate = new SemaphoreSlim(Math.Max(1, throttleLimit)))
            {
                await Task.WhenAll(podIds.Select(async (id, index) =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var forPod = LabDefinitionReader.ForPod(definition, id);
                        var administrator = forPod.Provisioning?.Owner ?? $"admin{id}@pod.example";
                        var tenant = await sandboxOperator.Provisioning.CreateSandboxTenantAsync($"Lab pod {id}", administrator, $"Pod {id} Administrator",
                            forPod.Provisioning?.DigitalChannel, cancellationToken).ConfigureAwait(false);
                        created?.Invoke(id, tenant);
                        pods[index] = await ConnectAsync(sandboxOperator, id, tenant.ClientId, tenant.ClientSecret, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
            return pods.ToList();
        }

        /// <summary>Connects to a pod's sandbox tenant again, with the credentials it was created with.</summary>
        public static async Task<LabPod> ConnectAsync(DigitalChannelsConnection sandboxOperator, string podId, string clientId, string clientSecret, CancellationToken cancellationToken)
        {
            var connection = await DigitalChannelsConnection.ConnectAsync(new ConnectionOptions
            {
                Environment = sandboxOperator.Environment,
                ClientId = clientId,
                ClientSecret = clientSecret,
                Scopes = Auth.Scopes.All,
            }, cancellationToken).ConfigureAwait(false);
            return new LabPod(podId, connection);
        }
    }
}
