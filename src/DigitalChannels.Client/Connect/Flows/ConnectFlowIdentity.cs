using System;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect.Flows
{
    /// <summary>
    /// Names one flow by object (from Get-/Import-ConnectFlow, which carries its service), or by id or exact name within a
    /// service given separately, so that <c>Get-ConnectFlow -Service $s | Save-ConnectFlow</c> and
    /// <c>Save-ConnectFlow 'Task Routed Flow' -Service 'Agnostic Flows DO NOT MODIFY'</c> both work.
    /// </summary>
    public sealed class ConnectFlowIdentity
    {
        public ConnectFlowIdentity(ConnectFlow flow)
        {
            Flow = flow ?? throw new ArgumentNullException(nameof(flow));
            Id = flow.Id;
        }

        public ConnectFlowIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("A Connect flow id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public ConnectFlow Flow { get; }
        public string Id { get; }
        public string Name { get; }

        /// <summary>The service to look in: the flow object's own, else <paramref name="service"/>, which is then required.</summary>
        public Task<string> ServiceIdAsync(ConnectServiceIdentity service, ConnectServicesClient services, CancellationToken cancellationToken) =>
            Flow != null ? Task.FromResult(Flow.ServiceId) : ServiceOfAsync(service, services, cancellationToken);

        private async Task<string> ServiceOfAsync(ConnectServiceIdentity service, ConnectServicesClient services, CancellationToken cancellationToken)
        {
            if (service == null) throw new ArgumentException($"The flow '{this}' is given by name or id: give -Service too, to say which service it is in.");
            return (await service.ResolveAsync(services, cancellationToken)).Id;
        }

        /// <summary>The flow's current state, read fresh.</summary>
        public async Task<ConnectFlow> ResolveAsync(DigitalChannelsConnection connection, ConnectServiceIdentity service, CancellationToken cancellationToken)
        {
            var serviceId = await ServiceIdAsync(service, connection.ConnectServices, cancellationToken);
            var found = Id != null
                ? await connection.ConnectFlows.GetAsync(serviceId, Id, cancellationToken)
                : WildcardLookup.IsPattern(Name)
                    ? await WildcardLookup.SingleAsync(connection.ConnectFlows.ListAsync(serviceId, null, cancellationToken), Name, f => f.Name,
                        $"Connect flow in service '{service?.ToString() ?? serviceId}'", this, cancellationToken)
                    : await connection.ConnectFlows.FindByNameAsync(serviceId, Name, cancellationToken);
            return found ?? throw new IdentityNotFoundException(
                Id != null ? $"No Connect flow has the id '{Id}' in service {service?.ToString() ?? serviceId}." : $"No Connect flow is named '{Name}' in service '{service}'.", this);
        }

        public override string ToString() => Flow?.Name ?? Name ?? Id;
    }
}
