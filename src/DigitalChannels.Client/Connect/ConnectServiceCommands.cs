using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Connect
{
    /// <summary>What New/Get/Set/Remove-ConnectService do; the cmdlets only bind parameters and call these.</summary>
    public static class ConnectServiceCommands
    {
        public const string Noun = "ConnectService";

        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, string name, string description)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The service name is empty.", nameof(name));
            name = name.Trim();
            if (!host.ShouldProcess($"Connect service '{name}' in organization {connection.OrganizationId}", "Create")) return;
            var created = await connection.ConnectServices.CreateAsync(name, description, host.CancellationToken);
            host.WriteVerbose($"Created Connect service '{created.Name}' (id {created.Id}).");
            host.WriteObject(created);
        }

        /// <summary>
        /// By id; by name, where wildcards select like the portal's search and a plain name that matches nothing is
        /// an error (as Get-Item); or all. Items are written as each page arrives.
        /// </summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name, bool includeSecret)
        {
            var services = connection.ConnectServices;
            var token = host.CancellationToken;
            if (!string.IsNullOrWhiteSpace(id))
            {
                var found = await services.GetAsync(id.Trim(), token)
                    ?? throw new IdentityNotFoundException($"No Connect service has the id '{id}'.", id);
                await WriteAsync(host, connection, found, includeSecret);
                return;
            }

            if (!string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                var exact = await services.FindByNameAsync(name, token)
                    ?? throw new IdentityNotFoundException($"No Connect service is named '{name}'.", name);
                await WriteAsync(host, connection, exact, includeSecret);
                return;
            }

            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            var search = pattern?.LongestLiteral();
            await foreach (var service in services.ListAsync(string.IsNullOrEmpty(search) ? null : search, ConnectServicesClient.MaxPageSize, token))
            {
                if (pattern == null || pattern.IsMatch(service.Name)) await WriteAsync(host, connection, service, includeSecret);
            }
        }

        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity identity,
            ConnectServiceChanges changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty)
                throw new ArgumentException("Nothing to change: give -NewName, -Description or -Locked.", nameof(changes));
            if (changes.Name != null && string.IsNullOrWhiteSpace(changes.Name))
                throw new ArgumentException("The new service name is empty.", nameof(changes));

            var service = await identity.ResolveAsync(connection.ConnectServices, host.CancellationToken);
            if (!host.ShouldProcess($"Connect service '{service.Name}' (id {service.Id})", Capitalize(changes.Describe()))) return;
            var updated = await connection.ConnectServices.UpdateAsync(service.Id, changes, host.CancellationToken);
            host.WriteVerbose($"Changed Connect service '{updated.Name}' (id {updated.Id}): {changes.Describe()}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectServiceIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var service = await identity.ResolveAsync(connection.ConnectServices, host.CancellationToken);
            if (!host.ShouldProcess(await DescribeRemovalAsync(host, connection, service), "Remove")) return;
            await connection.ConnectServices.DeleteAsync(service.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Connect service '{service.Name}' (id {service.Id}).");
        }

        /// <summary>
        /// What a removal takes with it, for the confirmation and -WhatIf: the portal deletes a service's flows and rules
        /// with it, and the assets those rules bound no longer start anything. The flows are named, the rest counted.
        /// </summary>
        public static async Task<string> DescribeRemovalAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectService service)
        {
            var text = $"Connect service '{service.Name}' (id {service.Id})";
            var flows = new List<string>();
            IReadOnlyList<Flows.ConnectRule> rules;
            try
            {
                await foreach (var flow in connection.ConnectFlows.ListAsync(service.Id, null, host.CancellationToken)) flows.Add(flow.Name);
                rules = await connection.ConnectFlows.ListRulesAsync(service.Id, host.CancellationToken);
            }
            catch (WebexApiException ex)
            {
                return $"{text}, with whatever flows and rules it holds (they could not be read: {ex.Message})";
            }
            if (flows.Count == 0 && rules.Count == 0) return $"{text}, which holds no flows and no rules";
            var assets = rules.Select(r => r.AssetId).Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            var parts = new List<string> { Count(flows.Count, "flow") + (flows.Count == 0 ? string.Empty : $" ({string.Join(", ", flows.Select(f => "'" + f + "'"))})") };
            parts.Add(Count(rules.Count, "rule") + (assets == 0 ? string.Empty : $" ({Count(assets, "asset")} will start no flow)"));
            return $"{text} and with it {string.Join(" and ", parts)}";
        }

        private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";

        private static async Task WriteAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectService service, bool includeSecret)
        {
            if (includeSecret) service.ServiceSecret = await connection.ConnectServices.GetSecretAsync(service.Id, host.CancellationToken);
            host.WriteObject(service);
        }

        private static string Capitalize(string text) => string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
