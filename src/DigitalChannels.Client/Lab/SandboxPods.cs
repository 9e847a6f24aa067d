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
        /// <summary>How many times signing in as a new tenant's administrator is tried (each with the retry policy) before the pod fails.</summary>
        public const int SignInAttempts = 3;

        /// <summary>
        /// Creates the tenants (at most <paramref name="throttleLimit"/> at a time) and connects to each. A tenant that was
        /// created but could not be signed in to is never lost: <paramref name="created"/> receives each new tenant as soon as
        /// it exists (its credentials: the runner keeps them), and they also travel on the
        /// <see cref="SandboxPodException"/>, and every pod that did connect travels on the <see cref="SandboxPodsException"/>.
        /// </summary>
        public static async Task<List<LabPod>> CreateAsync(DigitalChannelsConnection sandboxOperator, LabDefinition definition, IReadOnlyList<string> podIds,
            int throttleLimit, CancellationToken cancellationToken, Action<string, Provisioning.SandboxTenant> created = null)
        {
            if (sandboxOperator == null) throw new ArgumentNullException(nameof(sandboxOperator));
            if (podIds == null || podIds.Count == 0) throw new ArgumentException("No pod ids were given.", nameof(podIds));
            var pods = new LabPod[podIds.Count];
            var failures = new SandboxPodException[podIds.Count];
            var errors = new Exception[podIds.Count];
            using (var gate = new SemaphoreSlim(Math.Max(1, throttleLimit)))
            {
                await Task.WhenAll(podIds.Select(async (id, index) =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        var forPod = LabDefinitionReader.ForPod(definition, id);
                        var administrator = forPod.Provisioning?.Owner ?? $"admin{id}@pod.example";
                        Provisioning.SandboxTenant tenant;
                        try
                        {
                            tenant = await sandboxOperator.Provisioning.CreateSandboxTenantAsync($"Lab pod {id}", administrator, $"Pod {id} Administrator",
                                forPod.Provisioning?.DigitalChannel, cancellationToken).ConfigureAwait(false);
                        }
                        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                        {
                            errors[index] = ex; // nothing was created that could be lost
                            return;
                        }
                        created?.Invoke(id, tenant);
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                pods[index] = await ConnectAsync(sandboxOperator, id, tenant.ClientId, tenant.ClientSecret, cancellationToken).ConfigureAwait(false);
                                return;
                            }
                            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
                            {
                                if (attempt < SignInAttempts) continue;
                                failures[index] = new SandboxPodException(id, tenant, ex);
                                return;
                            }
                        }
                    }
                    finally
                    {
                        gate.Release();
                    }
                })).ConfigureAwait(false);
            }
            var ready = pods.Where(p => p != null).ToList();
            var failed = failures.Where(f => f != null).ToList();
            var other = errors.Where(e => e != null).ToList();
            if (failed.Count > 0 || other.Count > 0) throw new SandboxPodsException(ready, failed, other);
            return ready;
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
                RetryPolicy = sandboxOperator.Pipeline.Retry,
            }, cancellationToken).ConfigureAwait(false);
            return new LabPod(podId, connection);
        }
    }

    /// <summary>A pod whose tenant was created but could not be signed in to: <see cref="Tenant"/> keeps its one-time credentials.</summary>
    public sealed class SandboxPodException : Exception
    {
        public SandboxPodException(string podId, Provisioning.SandboxTenant tenant, Exception inner)
            : base($"Pod {podId}: tenant '{tenant.OrganizationId}' was created, but signing in as its administrator (client '{tenant.ClientId}') failed: {inner.Message}", inner)
        {
            PodId = podId;
            Tenant = tenant;
        }

        public string PodId { get; }

        /// <summary>The created tenant with its client id and one-time secret (never part of the message).</summary>
        public Provisioning.SandboxTenant Tenant { get; }
    }

    /// <summary>Some pods could not be made ready. The ones that were (<see cref="Created"/>, connected) are the caller's to use or dispose.</summary>
    public sealed class SandboxPodsException : Exception
    {
        public SandboxPodsException(IReadOnlyList<LabPod> created, IReadOnlyList<SandboxPodException> signInFailures, IReadOnlyList<Exception> creationFailures)
            : base($"{signInFailures.Count + creationFailures.Count} pod(s) could not be made ready: " +
                   string.Join("; ", signInFailures.Select(f => f.Message).Concat(creationFailures.Select(e => e.Message))),
                signInFailures.Cast<Exception>().Concat(creationFailures).FirstOrDefault())
        {
            Created = created;
            SignInFailures = signInFailures;
            CreationFailures = creationFailures;
        }

        public IReadOnlyList<LabPod> Created { get; }
        public IReadOnlyList<SandboxPodException> SignInFailures { get; }
        public IReadOnlyList<Exception> CreationFailures { get; }
    }
}
