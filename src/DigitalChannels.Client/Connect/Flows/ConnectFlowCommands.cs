using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Assets;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>What New/Import/Get/Save/Publish/Wait/Remove-ConnectFlow do; the cmdlets only bind parameters and call these.</summary>
    public static class ConnectFlowCommands
    {
        public const string Noun = "ConnectFlow";

        /// <summary>How often Wait-ConnectFlow asks for the status.</summary>
        public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(2);

        /// <summary>Publishing takes about 2 minutes on the platform; waiting gives up after this by default.</summary>
        public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(10);

        /// <summary>Create Flow > Work Flow > New Flow: an empty flow of this kind.</summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service, string name, ConnectFlowKind kind)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The flow name is empty.", nameof(name));
            connection.ConnectFlows.RequireApi("Creating a Connect flow", ConnectFlowsClient.FlowsPage(service.ToString()) + " > CREATE FLOW");
            var resolved = await ReferenceNotFoundException.Resolve(service.ResolveAsync(connection.ConnectServices, host.CancellationToken));
            name = name.Trim();
            if (!host.ShouldProcess($"Connect flow '{name}' ({kind}) in service '{resolved.Name}'", "Create")) return;
            var created = await connection.ConnectFlows.CreateAsync(resolved.Id, name, kind, host.CancellationToken);
            host.WriteVerbose($"Created the empty {kind} flow '{created.Name}' (id {created.Id}) in service '{resolved.Name}'.");
            host.WriteObject(created);
        }

        /// <summary>Upload the flow (or every flow of a bundle) at <paramref name="path"/>; see the overload taking several paths.</summary>
        public static Task ImportAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service, string path,
            string name, ConnectFlowKind? kind) =>
            ImportAsync(host, connection, service, new[] { path }, name, kind, false, path);

        /// <summary>
        /// Upload flows: each of <paramref name="paths"/> is a .workflow, a .zip of one, or a bundle (a zip of several, each its own
        /// flow named after its file). Each flow is created, gets a new version, or is left alone when the payload is already its
        /// latest version's. The kind comes from <paramref name="kind"/>, else from the names (<see cref="WorkflowFile.KindHints"/>,
        /// then <paramref name="name"/>; <see cref="FlowKindInference"/>), else from the flow of that name if it exists.
        /// With <paramref name="skipExistingChannelAgnostic"/>, a channel-agnostic flow whose kind the tenant already has (in any
        /// service) is skipped, saying where it is. A file or flow that fails is an error of its own; the others go on.
        /// </summary>
        /// <remarks>requested: what the user asked for (a wildcard pattern), for the error when paths is empty.</remarks>
        public static async Task ImportAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service, IReadOnlyList<string> paths,
            string name, ConnectFlowKind? kind, bool skipExistingChannelAgnostic, string requested)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            connection.ConnectFlows.RequireApi("Importing a Connect flow", ConnectFlowsClient.FlowsPage(service.ToString()) + " > CREATE FLOW > Upload a flow");
            if (paths == null || paths.Count == 0) throw new FileNotFoundException($"No flow file matches '{requested}'.", requested);
            var token = host.CancellationToken;

            // Every file is read and checked first: a bad bundle changes nothing, and -Name is refused before anything changes.
            var files = new List<WorkflowFile>();
            foreach (var path in paths)
            {
                try
                {
                    files.AddRange(WorkflowFile.ReadAll(path));
                }
                catch (Exception ex) when (paths.Count > 1 && (ex is IOException || ex is InvalidDataException || ex is UnauthorizedAccessException || ex is ArgumentException))
                {
                    host.WriteError(CommandErrors.From(Noun, ex, path));
                }
            }
            if (files.Count == 0) return;
            if (!string.IsNullOrWhiteSpace(name) && files.Count > 1)
                throw new ArgumentException(
                    $"-Name names one flow, but {string.Join(", ", files.Select(f => f.DisplayName))} hold {files.Count} flows; leave -Name out and each flow is named after its file.",
                    nameof(name));

            var resolved = await ReferenceNotFoundException.Resolve(service.ResolveAsync(connection.ConnectServices, token));
            Dictionary<string, ConnectFlow> agnostic = null;
            foreach (var file in files)
            {
                try
                {
                    var flowName = string.IsNullOrWhiteSpace(name) ? file.SuggestedName : name.Trim();
                    var flowKind = kind;
                    var told = kind.HasValue ? "-Kind" : null;
                    if (!flowKind.HasValue)
                    {
                        var names = file.KindHints.Concat(new[] { name }).ToList();
                        if (FlowKindInference.TryInfer(names, out var inferred, out var source))
                        {
                            flowKind = inferred;
                            told = $"'{source}'";
                        }
                        else if (await connection.ConnectFlows.FindByNameAsync(resolved.Id, flowName, token) == null)
                            throw FlowKindInference.NoKind(names); // no flow of that name whose kind a new version would keep
                    }

                    if (skipExistingChannelAgnostic && flowKind.HasValue && IsChannelAgnostic(flowKind.Value))
                    {
                        agnostic = agnostic ?? await ChannelAgnosticFlowsAsync(connection, token);
                        if (agnostic.TryGetValue(flowKind.Value.ToString(), out var existing))
                        {
                            host.WriteInformation($"Skipped {file.DisplayName} ({flowKind}): the tenant has the {flowKind} flow '{existing.Name}' in service '{existing.ServiceName}' already.");
                            continue;
                        }
                    }

                    var what = $"{file.DisplayName}, {file.DecodedLength} bytes, SHA-256 {file.Sha256.Substring(0, 12)}…" +
                               (flowKind.HasValue ? $", {flowKind} (from {told})" : ", the kind of the existing flow");
                    if (!host.ShouldProcess($"Connect flow '{flowName}' in service '{resolved.Name}'", $"Import {what}")) continue;
                    var flow = await connection.ConnectFlows.ImportAsync(resolved.Id, flowName, flowKind, file, token);
                    switch (flow.ImportResult)
                    {
                        case "Unchanged":
                            host.WriteVerbose($"'{flow.Name}' already has this payload as version {flow.Version} (SHA-256 {file.Sha256}); nothing was imported.");
                            break;
                        case "NewVersion":
                            host.WriteVerbose($"Imported {file.DisplayName} as version {flow.Version} of '{flow.Name}' (id {flow.Id}).");
                            break;
                        default:
                            host.WriteVerbose($"Imported {file.DisplayName} as the new {flow.Kind} flow '{flow.Name}' (id {flow.Id}) in service '{resolved.Name}'.");
                            break;
                    }
                    host.WriteObject(flow);
                }
                catch (Exception ex) when (files.Count > 1 && !CommandErrors.EndsCommand(ex) && !(ex is OperationCanceledException))
                {
                    // One flow of several failed (a second Task Routed flow, say): said, and the rest of the bundle goes on.
                    host.WriteError(CommandErrors.From(Noun, ex, file.DisplayName));
                }
            }
        }

        private static bool IsChannelAgnostic(ConnectFlowKind kind) =>
            kind == ConnectFlowKind.TaskRouted || kind == ConnectFlowKind.TaskModified || kind == ConnectFlowKind.TaskClose;

        /// <summary>The tenant's channel-agnostic flows by kind: there is at most one of each, in whichever service.</summary>
        private static async Task<Dictionary<string, ConnectFlow>> ChannelAgnosticFlowsAsync(DigitalChannelsConnection connection, CancellationToken token)
        {
            var found = new Dictionary<string, ConnectFlow>(StringComparer.OrdinalIgnoreCase);
            await foreach (var service in connection.ConnectServices.ListAsync(null, ConnectServicesClient.MaxPageSize, token))
            {
                await foreach (var flow in connection.ConnectFlows.ListAsync(service.Id, null, token))
                {
                    if (flow.Kind != null && Enum.TryParse(flow.Kind, true, out ConnectFlowKind parsed) && IsChannelAgnostic(parsed) && !found.ContainsKey(flow.Kind))
                        found[flow.Kind] = flow;
                }
            }
            return found;
        }

        /// <summary>
        /// Flows by name (wildcards select), or all: of the service, of every service a wildcard -Service matches, or of the
        /// whole tenant when no service is given. A plain name that matches nothing is an error (as Get-Item).
        /// </summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service, string name)
        {
            connection.ConnectFlows.RequireApi("Listing Connect flows", ConnectFlowsClient.FlowsPage(service?.ToString() ?? "(service)"));
            var token = host.CancellationToken;
            if (service != null && !service.IsPattern && !string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                var resolved = await service.ResolveAsync(connection.ConnectServices, token);
                var identity = new ConnectFlowIdentity(name);
                host.WriteObject(await identity.ResolveAsync(connection, new ConnectServiceIdentity(resolved), token));
                return;
            }

            var services = service != null
                ? await service.ResolveAllAsync(connection.ConnectServices, token)
                : null;
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            var found = false;
            if (services == null)
            {
                // The whole tenant: service by service, each written as its page arrives.
                await foreach (var each in connection.ConnectServices.ListAsync(null, ConnectServicesClient.MaxPageSize, token))
                    found |= await WriteFlowsAsync(host, connection, each.Id, pattern, token);
            }
            else
            {
                foreach (var each in services) found |= await WriteFlowsAsync(host, connection, each.Id, pattern, token);
            }
            if (!found && pattern != null && !Wildcard.ContainsWildcard(name))
                throw new IdentityNotFoundException(service == null
                    ? $"No Connect flow is named '{name}' in any service."
                    : $"No Connect flow is named '{name}' in the services matching '{service}'.", name);
        }

        private static async Task<bool> WriteFlowsAsync(ICommandHost host, DigitalChannelsConnection connection, string serviceId, Wildcard pattern, CancellationToken token)
        {
            var any = false;
            await foreach (var flow in connection.ConnectFlows.ListAsync(serviceId, null, token))
            {
                if (pattern != null && !pattern.IsMatch(flow.Name)) continue;
                host.WriteObject(flow);
                any = true;
            }
            return any;
        }

        /// <summary>Save: each finding (what Make Live would refuse on) becomes a warning; the saved flow is written.</summary>
        public static async Task SaveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectFlowIdentity flow, ConnectServiceIdentity service)
        {
            if (flow == null) throw new ArgumentNullException(nameof(flow));
            connection.ConnectFlows.RequireApi("Saving a Connect flow", ConnectFlowsClient.FlowsPage(service?.ToString() ?? flow.Flow?.ServiceName ?? "(service)") + " > (flow) > SAVE");
            var current = await flow.ResolveAsync(connection, service, host.CancellationToken);
            if (!host.ShouldProcess($"Connect flow '{current.Name}' (version {current.Version}) in service '{current.ServiceName}'", "Save")) return;
            var saved = await connection.ConnectFlows.SaveAsync(current.ServiceId, current.Id, host.CancellationToken);
            foreach (var finding in saved.Findings ?? Enumerable.Empty<string>()) host.WriteWarning($"{saved.Name}: {finding}");
            host.WriteVerbose($"Saved version {saved.Version} of '{saved.Name}' with {saved.Findings?.Count ?? 0} finding(s).");
            host.WriteObject(saved);
        }

        /// <summary>Make Live with the triggering asset (name or id, for channel flows) and an optional comment.</summary>
        public static async Task PublishAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectFlowIdentity flow, ConnectServiceIdentity service,
            string asset, string comment)
        {
            if (flow == null) throw new ArgumentNullException(nameof(flow));
            connection.ConnectFlows.RequireApi("Making a Connect flow live", ConnectFlowsClient.FlowsPage(service?.ToString() ?? flow.Flow?.ServiceName ?? "(service)") + " > (flow) > MAKE LIVE");
            var token = host.CancellationToken;
            var current = await flow.ResolveAsync(connection, service, token);
            ConnectAsset trigger = null;
            if (!string.IsNullOrWhiteSpace(asset)) trigger = await ConnectAssetCommands.FindAsync(connection, asset, token);
            var action = trigger == null ? "Make Live" : $"Make Live, triggered by {trigger.Type.ToLowerInvariant()} '{trigger.Name}'";
            if (!host.ShouldProcess($"Connect flow '{current.Name}' (version {current.Version}) in service '{current.ServiceName}'", action)) return;
            var published = await connection.ConnectFlows.PublishAsync(current.ServiceId, current.Id, trigger?.Id, comment, token);
            host.WriteVerbose(published.Status == ConnectFlow.PublishingStatus
                ? $"Version {published.Version} of '{published.Name}' is Publishing until {published.PublishingUntil:u}."
                : $"Version {published.Version} of '{published.Name}' is {published.Status}.");
            host.WriteObject(published);
        }

        /// <summary>Waits until one flow's latest version is Live; see the overload for many.</summary>
        public static Task WaitAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectFlowIdentity flow, ConnectServiceIdentity service,
            TimeSpan timeout, TimeSpan pollInterval, Func<TimeSpan, CancellationToken, Task> delay = null)
        {
            if (flow == null) throw new ArgumentNullException(nameof(flow));
            return WaitAsync(host, connection, new[] { flow }, service, timeout, pollInterval, delay);
        }

        /// <summary>
        /// Waits until every flow's latest version is Live, all at once (as Wait-Job): each round polls every flow still
        /// Publishing, each is written when Live, one progress bar covers them all, and <paramref name="timeout"/> bounds
        /// the whole wait. A flow that is not Publishing (so will never go Live by waiting) is its own error.
        /// Ctrl+C cancels the host's token and ends the wait. <paramref name="delay"/> is the test hook for the pause between polls.
        /// </summary>
        public static Task WaitAsync(ICommandHost host, DigitalChannelsConnection connection, IReadOnlyList<ConnectFlowIdentity> flows, ConnectServiceIdentity service,
            TimeSpan timeout, TimeSpan pollInterval, Func<TimeSpan, CancellationToken, Task> delay = null)
        {
            if (flows == null) throw new ArgumentNullException(nameof(flows));
            if (flows.Any(f => f == null)) throw new ArgumentException("A flow to wait for is null.", nameof(flows));
            if (flows.Count == 0) return Task.CompletedTask;
            connection.ConnectFlows.RequireApi("Waiting for a Connect flow", ConnectFlowsClient.FlowsPage(service?.ToString() ?? flows[0].Flow?.ServiceName ?? "(service)"));
            var activity = flows.Count == 1 ? $"Waiting for Connect flow '{flows[0]}' to be Live" : $"Waiting for {flows.Count} Connect flows to be Live";
            return PollingWait.AllAsync(host, Noun, activity, flows, async (flow, token) =>
            {
                var current = await flow.ResolveAsync(connection, service, token);
                if (current.Status == ConnectFlow.LiveStatus)
                {
                    host.WriteVerbose($"Version {current.Version} of '{current.Name}' is Live.");
                    return WaitState.Done(current);
                }
                if (current.Status != ConnectFlow.PublishingStatus)
                    throw new InvalidOperationException(
                        $"Flow '{current.Name}' will not become Live by waiting: version {current.Version} is {current.Status}" +
                        (current.LiveVersion.HasValue ? $" (version {current.LiveVersion} is Live)" : "") + ". Save it and Make Live first (Publish-ConnectFlow).");
                var version = current.Versions?.FirstOrDefault(v => v.Number == current.Version);
                TimeSpan? expected = null;
                if (version?.PublishedTime != null && version.LiveTime != null && current.PublishingUntil.HasValue)
                    expected = version.LiveTime.Value - version.PublishedTime.Value;
                return WaitState.Pending($"Publishing version {current.Version}; Live at {current.PublishingUntil:u}", expected,
                    t => $"Flow '{current.Name}' was still Publishing after {t.TotalSeconds:0} s (until {current.PublishingUntil:u}, sandbox time).", current.PublishingUntil);
            }, timeout, pollInterval, delay);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectFlowIdentity flow, ConnectServiceIdentity service)
        {
            if (flow == null) throw new ArgumentNullException(nameof(flow));
            connection.ConnectFlows.RequireApi("Deleting a Connect flow", ConnectFlowsClient.FlowsPage(service?.ToString() ?? flow.Flow?.ServiceName ?? "(service)") + " > (flow) > Delete");
            var current = await flow.ResolveAsync(connection, service, host.CancellationToken);
            if (!host.ShouldProcess($"Connect flow '{current.Name}' (id {current.Id}) in service '{current.ServiceName}'", "Remove")) return;
            await connection.ConnectFlows.DeleteAsync(current.ServiceId, current.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Connect flow '{current.Name}' (id {current.Id}).");
        }
    }

    /// <summary>What Get-/Set-ConnectRule do: a service's RULES tab.</summary>
    public static class ConnectRuleCommands
    {
        public const string Noun = "ConnectRule";

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            connection.ConnectFlows.RequireApi("Listing Connect rules", ConnectFlowsClient.RulesPage(service.ToString()));
            var resolved = await ReferenceNotFoundException.Resolve(service.ResolveAsync(connection.ConnectServices, host.CancellationToken));
            foreach (var rule in await connection.ConnectFlows.ListRulesAsync(resolved.Id, host.CancellationToken)) host.WriteObject(rule);
        }

        /// <summary>Makes <paramref name="asset"/> (name or id) trigger the flow; the asset's previous rule is replaced.</summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity service, ConnectFlowIdentity flow, string asset)
        {
            if (flow == null) throw new ArgumentNullException(nameof(flow));
            if (string.IsNullOrWhiteSpace(asset)) throw new ArgumentException("The asset (an app or number, by name or id) is empty.", nameof(asset));
            connection.ConnectFlows.RequireApi("Setting a Connect rule", ConnectFlowsClient.RulesPage(service?.ToString() ?? flow.Flow?.ServiceName ?? "(service)"));
            var token = host.CancellationToken;
            var current = await flow.ResolveAsync(connection, service, token);
            var trigger = await ConnectAssetCommands.FindAsync(connection, asset, token);
            var target = $"Rule of {trigger.Type.ToLowerInvariant()} '{trigger.Name}' in service '{current.ServiceName}'";
            if (!host.ShouldProcess(target, $"Trigger flow '{current.Name}'")) return;
            var rule = await connection.ConnectFlows.SetRuleAsync(current.ServiceId, trigger.Id, current.Id, token);
            host.WriteVerbose($"{trigger.Name} now triggers '{current.Name}'.");
            host.WriteObject(rule);
        }
    }
}
