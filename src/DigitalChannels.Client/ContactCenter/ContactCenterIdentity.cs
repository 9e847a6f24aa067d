using System;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>
    /// Names one Contact Center object by the object itself (from Get-Wxcc*), its id (a GUID) or its exact name, so
    /// that piping, <c>-Identity 'Site'</c> and <c>-Identity $id</c> all work (PnP's PipeBind idea).
    /// </summary>
    public abstract class ContactCenterIdentity<T> where T : ContactCenterObject
    {
        protected ContactCenterIdentity(T item)
        {
            Item = item ?? throw new ArgumentNullException(nameof(item));
            Id = item.Id;
        }

        protected ContactCenterIdentity(string idOrName, string displayName)
        {
            if (string.IsNullOrWhiteSpace(idOrName)) throw new ArgumentException($"A {displayName} id or name is empty.", nameof(idOrName));
            var text = idOrName.Trim();
            if (Guid.TryParse(text, out _)) Id = text;
            else Name = text;
        }

        /// <summary>The object it was made from, if any.</summary>
        public T Item { get; }

        public string Id { get; }

        public string Name { get; }

        /// <summary>The object as it is now, read fresh so that a change applies to what is there (and carries the current version).</summary>
        public async Task<T> ResolveAsync(ContactCenterResourceClient<T> client, CancellationToken cancellationToken)
        {
            var display = client.Resource.DisplayName;
            if (Id != null)
            {
                return await client.GetAsync(Id, cancellationToken)
                    ?? throw new IdentityNotFoundException($"No {display} has the id '{Id}'.", this);
            }
            return await FindByNameAsync(client, cancellationToken)
                ?? throw new IdentityNotFoundException(typeof(T) == typeof(ContactCenterUser) ? $"No {display} has the email '{Name}'." : $"No {display} is named '{Name}'.", this);
        }

        /// <summary>A wildcard pattern must match exactly one object; a plain name is looked up as it is.</summary>
        private Task<T> FindByNameAsync(ContactCenterResourceClient<T> client, CancellationToken cancellationToken) =>
            WildcardLookup.IsPattern(Name)
                ? WildcardLookup.SingleAsync(client.ListAsync(null, ContactCenterResourceClient<T>.DefaultPageSize, cancellationToken), Name,
                    ContactCenterResourceClient<T>.NameOf, client.Resource.DisplayName, this, cancellationToken)
                : client.FindByNameAsync(Name, cancellationToken);

        public override string ToString() => Item?.ToString() ?? Name ?? Id;
    }

    public sealed class MultimediaProfileIdentity : ContactCenterIdentity<MultimediaProfile>
    {
        public MultimediaProfileIdentity(MultimediaProfile profile) : base(profile) { }
        public MultimediaProfileIdentity(string idOrName) : base(idOrName, "multimedia profile") { }
        public MultimediaProfileIdentity(Guid id) : base(id.ToString(), "multimedia profile") { }
    }

    public sealed class SiteIdentity : ContactCenterIdentity<Site>
    {
        public SiteIdentity(Site site) : base(site) { }
        public SiteIdentity(string idOrName) : base(idOrName, "site") { }
        public SiteIdentity(Guid id) : base(id.ToString(), "site") { }
    }

    public sealed class TeamIdentity : ContactCenterIdentity<Team>
    {
        public TeamIdentity(Team team) : base(team) { }
        public TeamIdentity(string idOrName) : base(idOrName, "team") { }
        public TeamIdentity(Guid id) : base(id.ToString(), "team") { }
    }

    public sealed class DesktopProfileIdentity : ContactCenterIdentity<DesktopProfile>
    {
        public DesktopProfileIdentity(DesktopProfile profile) : base(profile) { }
        public DesktopProfileIdentity(string idOrName) : base(idOrName, "desktop profile") { }
        public DesktopProfileIdentity(Guid id) : base(id.ToString(), "desktop profile") { }
    }

    /// <summary>A Contact Center user by object, id or email (users have no name of their own).</summary>
    public sealed class WxccUserIdentity : ContactCenterIdentity<ContactCenterUser>
    {
        public WxccUserIdentity(ContactCenterUser user) : base(user) { }
        public WxccUserIdentity(string idOrEmail) : base(idOrEmail, "Contact Center user") { }
        public WxccUserIdentity(Guid id) : base(id.ToString(), "Contact Center user") { }

        /// <summary>The email, when the user was named by it.</summary>
        public string Email => Name;
    }
}
