using System.Net;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.People;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.ContactCenter;

/// <summary>The People client: ADMIN-SPEC paths and shapes, at {base}/v1/ on the sandbox and webexapis.com live.</summary>
public class PeopleClientTests
{
    private const string PersonId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY";
    private const string LicenseId = "Y2lzY29zcGFyazovL3VzL0xJQ0VOU0UvOTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh";
    private static readonly string Person = $"{{\"id\":\"{PersonId}\",\"emails\":[\"john.andersen@example.com\"],\"displayName\":\"John Andersen\",\"firstName\":\"John\",\"lastName\":\"Andersen\",\"orgId\":\"Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE\",\"licenses\":[\"{LicenseId}\"],\"created\":\"2015-10-18T14:26:16.000Z\",\"status\":\"active\",\"type\":\"person\"}}";

    [Fact]
    public async Task Create_posts_emails_names_and_licence_ids_and_the_person_id_holds_the_ci_user_id()
    {
        var server = new FakeContactCenter().On("POST", "/v1/people", HttpStatusCode.OK, Person);
        using var connection = await ConnectAsync(server.Handler);

        var person = await connection.People.CreateAsync("john.andersen@example.com", "John Andersen", "John", "Andersen", new[] { LicenseId }, CancellationToken.None);

        var post = server.Requests.Single();
        Assert.Equal("http://sandbox.test/v1/people", post.Uri.ToString());
        Assert.Equal(JObject.Parse($"{{\"emails\":[\"john.andersen@example.com\"],\"displayName\":\"John Andersen\",\"firstName\":\"John\",\"lastName\":\"Andersen\",\"licenses\":[\"{LicenseId}\"]}}"), Body(post), JToken.EqualityComparer);
        Assert.Equal("john.andersen@example.com", person.Email);
        Assert.Equal("f5b36187-c8dd-4727-8b2f-f9c447f29046", person.CiUserId);
    }

    [Fact]
    public async Task A_person_needs_a_name_and_an_email()
    {
        using var connection = await ConnectAsync(new FakeContactCenter().Handler);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => connection.People.CreateAsync("a@example.com", null!, null!, " ", null!, CancellationToken.None));
        Assert.StartsWith("The person 'a@example.com' needs a display name, a first name or a last name.", error.Message);
    }

    [Fact]
    public async Task Find_by_email_lists_with_email_and_max_and_live_goes_to_webexapis()
    {
        var server = new FakeContactCenter().On("GET", "/v1/people", HttpStatusCode.OK, $"{{\"items\":[{Person}],\"notFoundIds\":[]}}");
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("us1"));

        var person = await connection.People.FindByEmailAsync("John.Andersen@example.com", CancellationToken.None);

        Assert.Equal(PersonId, person!.Id);
        Assert.Equal("https://webexapis.com/v1/people?email=John.Andersen%40example.com&max=1", server.Requests.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Licences_are_listed_found_by_name_and_patched_per_person()
    {
        var server = new FakeContactCenter()
            .On("GET", "/v1/licenses", HttpStatusCode.OK, $"{{\"items\":[{{\"id\":\"{LicenseId}\",\"name\":\"Contact Center Premium Agent\",\"totalUnits\":50,\"consumedUnits\":5,\"consumedByUsers\":5,\"subscriptionId\":\"Sub-1\"}}]}}")
            .On("PATCH", "/v1/licenses/users", HttpStatusCode.OK, $"{{\"personId\":\"{PersonId}\",\"email\":\"john.andersen@example.com\",\"licenses\":[]}}");
        using var connection = await ConnectAsync(server.Handler);

        var license = await connection.People.FindLicenseByNameAsync(ContactCenterLicenses.PremiumAgent, CancellationToken.None);
        var result = await connection.People.UpdateLicensesAsync("john.andersen@example.com", null!, new[] { license!.Id }, CancellationToken.None);
        await connection.People.UpdateLicensesAsync(PersonId, new[] { license.Id }, null!, CancellationToken.None);

        Assert.Equal(50, license.TotalUnits);
        Assert.Empty(result.Licenses);
        Assert.Equal(JObject.Parse($"{{\"email\":\"john.andersen@example.com\",\"licenses\":[{{\"id\":\"{LicenseId}\",\"operation\":\"remove\"}}]}}"), Body(server.Requests[1]), JToken.EqualityComparer);
        Assert.Equal(JObject.Parse($"{{\"personId\":\"{PersonId}\",\"licenses\":[{{\"id\":\"{LicenseId}\",\"operation\":\"add\"}}]}}"), Body(server.Requests[2]), JToken.EqualityComparer);
    }

    [Fact]
    public void Webex_ids_round_trip_their_uuid()
    {
        var id = WebexIds.PersonId("f5b36187-c8dd-4727-8b2f-f9c447f29046");
        Assert.Equal(PersonId, id);
        Assert.Equal("f5b36187-c8dd-4727-8b2f-f9c447f29046", WebexIds.UuidOf(id));
        Assert.Null(WebexIds.UuidOf("not an id"));
    }
}
