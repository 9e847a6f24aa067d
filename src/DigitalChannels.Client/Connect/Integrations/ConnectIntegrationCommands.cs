using System;
using System.Linq;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Integrations
{
    /// <summary>What Get-ConnectIntegration and Add-ConnectNodeAuthorization do (lab 12.5 step 1).</summary>
    public static class ConnectIntegrationCommands
    {
        public const string Noun = "ConnectIntegration";
        public const string AuthorizationNoun = "ConnectNodeAuthorization";

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string name)
        {
            connection.ConnectIntegrations.RequireApi("Listing Connect integrations", ConnectIntegrationsClient.IntegrationsPage);
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            var matches = (await connection.ConnectIntegrations.ListAsync(host.CancellationToken))
                .Where(i => pattern == null || pattern.IsMatch(i.Name) || pattern.IsMatch(i.Kind)).ToList();
            if (matches.Count == 0 && !string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
                throw new IdentityNotFoundException($"No Connect integration is named '{name}'.", name);
            foreach (var integration in matches) host.WriteObject(integration);
        }

        /// <summary>Adds a node authorization (oauth2) to the integration, which then shows Authorized; <paramref name="makeDefault"/> marks it the default.</summary>
        public static async Task AddAuthorizationAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectIntegration integration, string integrationName,
            string name, bool makeDefault, string account)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The authorization name is empty.", nameof(name));
            connection.ConnectIntegrations.RequireApi("Adding a node authorization",
                ConnectIntegrationsClient.IntegrationsPage + $" > {integration?.Name ?? integrationName} > Manage > Node Authorizations > Add Authorization");
            var token = host.CancellationToken;
            var target = integration;
            if (target == null)
            {
                if (string.IsNullOrWhiteSpace(integrationName)) throw new ArgumentException("Name the integration (Webex CC Task or Webex CC Engage).", nameof(integrationName));
                var all = await connection.ConnectIntegrations.ListAsync(token);
                var text = integrationName.Trim();
                target = all.FirstOrDefault(i => string.Equals(i.Id, text, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(i.Name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(i.Kind, text, StringComparison.OrdinalIgnoreCase))
                    ?? throw new IdentityNotFoundException(
                        $"No Connect integration is named '{text}'; the tenant has {string.Join(", ", all.Select(i => $"'{i.Name}'"))}.", text);
            }
            if (!host.ShouldProcess($"Connect integration '{target.Name}'", $"Add the oauth2 node authorization '{name.Trim()}'" + (makeDefault ? " as the default" : ""))) return;
            var updated = await connection.ConnectIntegrations.AddAuthorizationAsync(target.Id, name.Trim(), makeDefault ? true : (bool?)null, account, token);
            host.WriteVerbose($"'{updated.Name}' is {updated.Status} with {updated.Authorizations.Count} node authorization(s).");
            host.WriteObject(updated);
        }
    }
}
