using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;

namespace DigitalChannels.Sandbox.Engage.Blocklist;

public sealed record BlockedWord(string Word, string CreatedTime);

public sealed class BlockedWordRepository
{
    private readonly DbSession session;

    public BlockedWordRepository(DbSession session) => this.session = session;

    public BlockedWord? Find(string organizationId, string word) =>
        session.QuerySingleOrDefault("SELECT word, created_time FROM engage_blocked_words WHERE organization_id = $org AND word_key = $key;",
            r => new BlockedWord(r.GetString(0), r.GetString(1)), ("$org", organizationId), ("$key", EngageText.Key(word)));

    public long Count(string organizationId, string? search) =>
        session.Scalar<long>("SELECT COUNT(*) FROM engage_blocked_words WHERE organization_id = $org AND ($search IS NULL OR instr(word_key, $search) > 0);",
            ("$org", organizationId), ("$search", search is null ? null : EngageText.Key(search)));

    public List<BlockedWord> List(string organizationId, string? search, int offset, int limit) =>
        session.Query("""
            SELECT word, created_time FROM engage_blocked_words
            WHERE organization_id = $org AND ($search IS NULL OR instr(word_key, $search) > 0)
            ORDER BY word_key LIMIT $limit OFFSET $offset;
            """, r => new BlockedWord(r.GetString(0), r.GetString(1)),
            ("$org", organizationId), ("$search", search is null ? null : EngageText.Key(search)), ("$limit", limit), ("$offset", offset));

    public void Insert(string organizationId, BlockedWord word) =>
        session.Execute("INSERT INTO engage_blocked_words (organization_id, word, word_key, created_time) VALUES ($org, $word, $key, $time);",
            ("$org", organizationId), ("$word", word.Word), ("$key", EngageText.Key(word.Word)), ("$time", word.CreatedTime));

    public void Delete(string organizationId, string word) =>
        session.Execute("DELETE FROM engage_blocked_words WHERE organization_id = $org AND word_key = $key;", ("$org", organizationId), ("$key", EngageText.Key(word)));
}

/// <summary>
/// Customer Care → Settings → Manage → Blocklist: words Engage blocks from conversations. A word is unique regardless
/// of case ("Scam" and "scam" are one entry), and is addressed by itself in the path.
/// </summary>
public static class BlocklistEndpoints
{
    public const int MaximumWordLength = 50;

    public static void MapBlocklistEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/blocklist", List).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapPost("/blocklist", AddAsync).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapDelete("/blocklist/{word}", Remove).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
    }

    private static IResult List(HttpContext context, SandboxDatabase database)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var searchText = context.Request.Query["search"].ToString();
        var search = string.IsNullOrEmpty(searchText) ? null : searchText;
        var (total, rows) = database.Read(session =>
        {
            var repository = new BlockedWordRepository(session);
            return (repository.Count(caller.OrganizationId, search), repository.List(caller.OrganizationId, search, page.Offset, page.PageSize));
        });
        return SandboxJson.Ok(PagedList<BlockedWord>.Create(caller.OrganizationId, $"/engage/v1/organization/{caller.OrganizationId}/blocklist", page, total, rows,
            new Dictionary<string, string?> { ["search"] = search }));
    }

    private static async Task<IResult> AddAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var word = new BlockedWord(EngageText.ValidName(body.RequiredString("word"), "word", MaximumWordLength), Timestamps.Format(time.GetUtcNow()));
        database.Write(session =>
        {
            var repository = new BlockedWordRepository(session);
            var existing = repository.Find(caller.OrganizationId, word.Word);
            if (existing is not null)
                throw ApiError.Conflict(ErrorKeys.BlockedWordDuplicate,
                    $"The word '{existing.Word}' is already on the blocklist; words are unique regardless of case, so '{word.Word}' cannot be added again.").ToException();
            repository.Insert(caller.OrganizationId, word);
        });
        context.Response.Headers.Location = $"/engage/v1/organization/{caller.OrganizationId}/blocklist/{Uri.EscapeDataString(word.Word)}";
        return SandboxJson.Ok(word, StatusCodes.Status201Created);
    }

    private static IResult Remove(HttpContext context, SandboxDatabase database, string word)
    {
        var caller = Caller.Of(context);
        // Routing decodes every escape in a path segment but %2F (so that it cannot split the path); a word may hold a slash.
        word = word.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        database.Write(session =>
        {
            var repository = new BlockedWordRepository(session);
            var existing = repository.Find(caller.OrganizationId, word.Trim())
                ?? throw ApiError.NotFound(ErrorKeys.BlockedWordNotFound, $"The word '{word}' is not on the blocklist of organization '{caller.OrganizationId}'.").ToException();
            repository.Delete(caller.OrganizationId, existing.Word);
        });
        return Results.NoContent();
    }
}
