using System.Text.Json.Nodes;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.People;

/// <summary>A Webex person, kept as the People API shows it (body), keyed by its uuid.</summary>
public sealed record Person(string Uuid, JsonObject Body)
{
    public string Id => Body["id"]!.GetValue<string>();
    public string Email => Body["emails"]![0]!.GetValue<string>();
    public IReadOnlyList<string> Licenses => (Body["licenses"] as JsonArray)?.Select(l => l!.GetValue<string>()).ToList() ?? [];
    public IReadOnlyList<string> Roles => (Body["roles"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToList() ?? [];
}

public sealed class PersonRepository
{
    private readonly DbSession session;
    private readonly string organizationId;

    public PersonRepository(DbSession session, string organizationId)
    {
        this.session = session;
        this.organizationId = organizationId;
    }

    public static string EmailKey(string email) => email.Trim().ToLowerInvariant();

    public Person? Find(string uuid) =>
        session.QuerySingleOrDefault("SELECT id, body FROM webex_people WHERE organization_id = $org AND id = $id;", Map, ("$org", organizationId), ("$id", uuid.ToLowerInvariant()));

    public Person? FindByEmail(string email) =>
        session.QuerySingleOrDefault("SELECT id, body FROM webex_people WHERE organization_id = $org AND email_key = $key;", Map, ("$org", organizationId), ("$key", EmailKey(email)));

    public List<Person> All() =>
        session.Query("SELECT id, body FROM webex_people WHERE organization_id = $org ORDER BY email_key;", Map, ("$org", organizationId));

    public void Insert(Person person) =>
        session.Execute("INSERT INTO webex_people (organization_id, id, email_key, body) VALUES ($org, $id, $key, $body);",
            ("$org", organizationId), ("$id", person.Uuid), ("$key", EmailKey(person.Email)), ("$body", person.Body.ToJsonString()));

    public void Update(Person person) =>
        session.Execute("UPDATE webex_people SET email_key = $key, body = $body WHERE organization_id = $org AND id = $id;",
            ("$org", organizationId), ("$id", person.Uuid), ("$key", EmailKey(person.Email)), ("$body", person.Body.ToJsonString()));

    public void Delete(string uuid) =>
        session.Execute("DELETE FROM webex_people WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", uuid));

    private static Person Map(Microsoft.Data.Sqlite.SqliteDataReader r) => new(r.GetString(0), JsonNode.Parse(r.GetString(1))!.AsObject());
}
