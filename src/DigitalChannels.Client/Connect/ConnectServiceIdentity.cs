using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Connect
{
    /// <summary>
    /// Names one service by object, Service ID, exact name or a wildcard pattern that matches one name, so that <c>Get-ConnectService | Remove-ConnectService</c>,
    /// <c>Remove-ConnectService 'Lab A'</c> and <c>Remove-ConnectService $id</c> all work (PnP's PipeBind idea).
    /// </summary>
    public sealed class ConnectServiceIdentity
    {
        public ConnectServiceIdentity(ConnectService service)
        {
            Service = service ?? throw new ArgumentNullException(nameof(service));
            Id = service.Id;
        }

        public ConnectServiceIdentity(string idOrName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException("A Connect service id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text.ToLowerInvariant();
            else Name = text;
        }

        public ConnectServiceIdentity(Guid id) : this(id.ToString()) { }

        public ConnectService Service { get; }
        public string Id { get; }
        public string Name { get; }

        /// <summary>The current state of the service, read fresh so that a change applies to what is there now.</summary>
        public async Task<ConnectService> ResolveAsync(ConnectServicesClient services, CancellationToken cancellationToken)
        {
            if (Id != null)
            {
                var byId = await services.GetAsync(Id, cancellationToken);
                return byId ?? throw new IdentityNotFoundException($"No Connect service has the id '{Id}'.", this);
            }
            if (IsPattern)
            {
                var literal = new Wildcard(Name).LongestLiteral();
                return await WildcardLookup.SingleAsync(services.ListAsync(literal.Length == 0 ? null : literal, ConnectServicesClient.MaxPageSize, cancellationToken),
                    Name, s => s.Name, "Connect service", this, cancellationToken);
            }
            var byName = await services.FindByNameAsync(Name, cancellationToken);
            return byName ?? throw new IdentityNotFoundException($"No Connect service is named '{Name}'.", this);
        }

        /// <summary>True when the service is named by a wildcard pattern (which Get- cmdlets may expand to several).</summary>
        public bool IsPattern => Service == null && Name != null && WildcardLookup.IsPattern(Name);

        /// <summary>
        /// Every service the identity names: the one service, or each that a wildcard pattern matches (none is an error,
        /// as Get-Item says of a path that matches nothing).
        /// </summary>
        public async Task<List<ConnectService>> ResolveAllAsync(ConnectServicesClient services, CancellationToken cancellationToken)
        {
            if (!IsPattern) return new List<ConnectService> { await ResolveAsync(services, cancellationToken) };
            var literal = new Wildcard(Name).LongestLiteral();
            var matches = await WildcardLookup.MatchesAsync(services.ListAsync(literal.Length == 0 ? null : literal, ConnectServicesClient.MaxPageSize, cancellationToken),
                Name, s => s.Name, int.MaxValue, cancellationToken);
            return matches.Count > 0 ? matches : throw new IdentityNotFoundException($"No Connect service matches the wildcard pattern '{Name}'.", this);
        }

        public override string ToString() => Service?.Name ?? Name ?? Id;
    }
}
