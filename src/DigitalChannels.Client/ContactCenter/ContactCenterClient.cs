using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Http;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>The Contact Center configuration API of one tenant: one typed client per kind of object.</summary>
    public sealed class ContactCenterClient
    {
        internal ContactCenterClient(DigitalChannelsConnection connection)
        {
            MultimediaProfiles = new ContactCenterResourceClient<MultimediaProfile>(connection, ContactCenterResource.MultimediaProfiles);
            Sites = new ContactCenterResourceClient<Site>(connection, ContactCenterResource.Sites);
            Teams = new ContactCenterResourceClient<Team>(connection, ContactCenterResource.Teams);
            DesktopProfiles = new ContactCenterResourceClient<DesktopProfile>(connection, ContactCenterResource.DesktopProfiles);
            DesktopLayouts = new ContactCenterResourceClient<DesktopLayout>(connection, ContactCenterResource.DesktopLayouts);
            UserProfiles = new ContactCenterResourceClient<UserProfile>(connection, ContactCenterResource.UserProfiles);
            Users = new ContactCenterUsersClient(connection);
            EntryPoints = new ContactCenterResourceClient<EntryPoint>(connection, ContactCenterResource.EntryPoints);
            Queues = new ContactCenterResourceClient<ContactServiceQueue>(connection, ContactCenterResource.Queues);
        }

        public ContactCenterResourceClient<MultimediaProfile> MultimediaProfiles { get; }
        public ContactCenterResourceClient<Site> Sites { get; }
        public ContactCenterResourceClient<Team> Teams { get; }
        public ContactCenterResourceClient<DesktopProfile> DesktopProfiles { get; }
        public ContactCenterResourceClient<DesktopLayout> DesktopLayouts { get; }
        public ContactCenterResourceClient<UserProfile> UserProfiles { get; }
        public ContactCenterUsersClient Users { get; }
        public ContactCenterResourceClient<EntryPoint> EntryPoints { get; }
        public ContactCenterResourceClient<ContactServiceQueue> Queues { get; }
    }

    /// <summary>
    /// Contact Center users: there is no create (a licensed person becomes a user through Synchronize Users), and the
    /// bulk endpoint is <c>PATCH /user/bulk</c> with partial items.
    /// </summary>
    public sealed class ContactCenterUsersClient : ContactCenterResourceClient<ContactCenterUser>
    {
        internal ContactCenterUsersClient(DigitalChannelsConnection connection) : base(connection, ContactCenterResource.Users) { }

        /// <summary>The user with this email (case-insensitive), or null.</summary>
        public async Task<ContactCenterUser> FindByEmailAsync(string email, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(email)) throw new ArgumentException("The user's email is empty.", nameof(email));
            email = email.Trim();
            await foreach (var user in ListAsync(Rsql.Equal("email", email), DefaultPageSize, cancellationToken))
            {
                if (string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase)) return user;
            }
            return null;
        }

        /// <summary>Users have no name: their identity on the command line is the email.</summary>
        public override Task<ContactCenterUser> FindByNameAsync(string name, CancellationToken cancellationToken) => FindByEmailAsync(name, cancellationToken);

        /// <summary>The user of a Webex person (its uuid, the CC <c>ciUserId</c>), or null.</summary>
        public async Task<ContactCenterUser> GetByCiUserIdAsync(string ciUserId, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(ciUserId)) throw new ArgumentException("The ciUserId is empty.", nameof(ciUserId));
            try
            {
                return await Http.SendAsync<ContactCenterUser>(HttpMethod.Get, Url($"user/by-ci-user-id/{Uri.EscapeDataString(ciUserId.Trim())}"), null, cancellationToken);
            }
            catch (WebexApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary><c>PATCH /user/{id}</c>: only the fields in <paramref name="patch"/> change.</summary>
        public Task<ContactCenterUser> PatchAsync(string id, JObject patch, CancellationToken cancellationToken)
        {
            if (patch == null) throw new ArgumentNullException(nameof(patch));
            return Http.SendAsync<ContactCenterUser>(new HttpMethod("PATCH"), ItemUrl(id), patch.ToString(Newtonsoft.Json.Formatting.None), cancellationToken);
        }

        /// <summary><c>PATCH /user/bulk</c>: each item is a patch with the user's <c>id</c>; 207 with one outcome per item.</summary>
        public override Task<BulkResponse> BulkAsync(BulkRequest request, CancellationToken cancellationToken) =>
            SendBulkAsync(new HttpMethod("PATCH"), request, cancellationToken);
    }
}
