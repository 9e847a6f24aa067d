using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DigitalChannels.Client.Auth;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Http;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Storage;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.Sandbox.Engage.WorkingHours;

public sealed record TimeRange(string Day, string Start, string End);

public sealed record Holiday(string Date, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

public sealed record WorkingHours(
    string Id, string OrganizationId, string Name, string TimeZone, IReadOnlyList<TimeRange> WeeklyHours, IReadOnlyList<Holiday> Holidays,
    long Version, string CreatedTime, string LastUpdatedTime)
{
    /// <summary>
    /// Open at <paramref name="now"/>: not a holiday in the hours' own time zone, and inside one of that weekday's
    /// ranges (start inclusive, end exclusive). Computed on every read from the sandbox clock, never stored.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone));
        var date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Holidays.Any(h => h.Date == date)) return false;
        var day = local.DayOfWeek.ToString();
        var minute = local.Hour * 60 + local.Minute;
        return WeeklyHours.Any(r => r.Day == day && WorkingHoursRules.Minutes(r.Start) <= minute && minute < WorkingHoursRules.Minutes(r.End));
    }
}

public sealed record WorkingHoursResource(
    string Id, string OrganizationId, string Name, string TimeZone, IReadOnlyList<TimeRange> WeeklyHours, IReadOnlyList<Holiday> Holidays,
    bool OpenNow, long Version, string CreatedTime, string LastUpdatedTime)
{
    public static WorkingHoursResource From(WorkingHours h, DateTimeOffset now) =>
        new(h.Id, h.OrganizationId, h.Name, h.TimeZone, h.WeeklyHours, h.Holidays, h.IsOpenAt(now), h.Version, h.CreatedTime, h.LastUpdatedTime);
}

public sealed class WorkingHoursRepository
{
    private const string Columns = "id, organization_id, name, time_zone, weekly_hours, holidays, version, created_time, last_updated_time";
    private readonly DbSession session;

    public WorkingHoursRepository(DbSession session) => this.session = session;

    public WorkingHours? Find(string organizationId, string id) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM engage_working_hours WHERE organization_id = $org AND id = $id;", Map, ("$org", organizationId), ("$id", id));

    public WorkingHours? FindByName(string organizationId, string name) =>
        session.QuerySingleOrDefault($"SELECT {Columns} FROM engage_working_hours WHERE organization_id = $org AND name_key = $key;", Map,
            ("$org", organizationId), ("$key", EngageText.Key(name)));

    public long Count(string organizationId, string? search, string? name) =>
        session.Scalar<long>("SELECT COUNT(*) FROM engage_working_hours WHERE organization_id = $org AND ($search IS NULL OR instr(name_key, $search) > 0) AND ($name IS NULL OR name_key = $name);",
            ("$org", organizationId), ("$search", search is null ? null : EngageText.Key(search)), ("$name", name is null ? null : EngageText.Key(name)));

    public List<WorkingHours> List(string organizationId, string? search, string? name, int offset, int limit) =>
        session.Query($"""
            SELECT {Columns} FROM engage_working_hours
            WHERE organization_id = $org AND ($search IS NULL OR instr(name_key, $search) > 0) AND ($name IS NULL OR name_key = $name)
            ORDER BY name_key, id LIMIT $limit OFFSET $offset;
            """, Map, ("$org", organizationId), ("$search", search is null ? null : EngageText.Key(search)), ("$name", name is null ? null : EngageText.Key(name)),
            ("$limit", limit), ("$offset", offset));

    public void Insert(WorkingHours h) =>
        session.Execute($"INSERT INTO engage_working_hours ({Columns}, name_key) VALUES ($id, $org, $name, $tz, $weekly, $holidays, $version, $created, $updated, $key);", Parameters(h));

    public void Update(WorkingHours h) =>
        session.Execute("""
            UPDATE engage_working_hours SET name = $name, name_key = $key, time_zone = $tz, weekly_hours = $weekly, holidays = $holidays,
                version = $version, last_updated_time = $updated
            WHERE organization_id = $org AND id = $id;
            """, Parameters(h));

    public void Delete(string organizationId, string id) =>
        session.Execute("DELETE FROM engage_working_hours WHERE organization_id = $org AND id = $id;", ("$org", organizationId), ("$id", id));

    private static (string, object?)[] Parameters(WorkingHours h) =>
    [
        ("$id", h.Id), ("$org", h.OrganizationId), ("$name", h.Name), ("$key", EngageText.Key(h.Name)), ("$tz", h.TimeZone),
        ("$weekly", JsonSerializer.Serialize(h.WeeklyHours, SandboxJson.Options)), ("$holidays", JsonSerializer.Serialize(h.Holidays, SandboxJson.Options)),
        ("$version", h.Version), ("$created", h.CreatedTime), ("$updated", h.LastUpdatedTime),
    ];

    private static WorkingHours Map(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        JsonSerializer.Deserialize<List<TimeRange>>(r.GetString(4), SandboxJson.Options)!, JsonSerializer.Deserialize<List<Holiday>>(r.GetString(5), SandboxJson.Options)!,
        r.GetInt64(6), r.GetString(7), r.GetString(8));
}

/// <summary>The validation of working hours; every error names the field path and the value.</summary>
public static class WorkingHoursRules
{
    public const int MaximumRanges = 56;
    public const int MaximumHolidays = 366;
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static int Minutes(string time) => int.Parse(time[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(time[3..], CultureInfo.InvariantCulture);

    /// <summary>IANA ("Europe/Rome") and Windows ("W. Europe Standard Time") ids, as TimeZoneInfo knows them on this machine.</summary>
    public static string ValidTimeZone(string raw)
    {
        var id = raw.Trim();
        try
        {
            if (id.Length > 0) TimeZoneInfo.FindSystemTimeZoneById(id);
            else throw new TimeZoneNotFoundException();
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw EngageJson.Invalid($"The field 'timeZone' has '{raw}', which is not a time zone id; use an IANA id such as 'Europe/Rome' or a Windows id such as 'W. Europe Standard Time'.");
        }
        return id;
    }

    public static IReadOnlyList<TimeRange> ValidWeeklyHours(JsonElement? value)
    {
        var items = EngageJson.ObjectArray(value, "weeklyHours", required: true);
        if (items.Count == 0) throw EngageJson.Invalid("The field 'weeklyHours' must list at least one time range, such as {\"day\":\"Monday\",\"start\":\"09:00\",\"end\":\"17:00\"}.");
        if (items.Count > MaximumRanges) throw EngageJson.Invalid($"The field 'weeklyHours' has {items.Count} ranges; at most {MaximumRanges} are allowed.");
        var ranges = new List<TimeRange>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"weeklyHours[{i}]";
            var dayText = EngageJson.RequiredString(items[i], path, "day");
            var day = Days.FirstOrDefault(d => string.Equals(d, dayText.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw EngageJson.Invalid($"The field '{path}.day' has '{dayText}', which is not a day; use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.");
            var start = Time(EngageJson.RequiredString(items[i], path, "start"), $"{path}.start", allowEndOfDay: false);
            var end = Time(EngageJson.RequiredString(items[i], path, "end"), $"{path}.end", allowEndOfDay: true);
            if (Minutes(end) <= Minutes(start))
                throw EngageJson.Invalid($"The range '{path}' ({day} {start}-{end}) ends before it starts; the end must be after the start ('24:00' ends the day).");
            var overlap = ranges.FirstOrDefault(r => r.Day == day && Minutes(r.Start) < Minutes(end) && Minutes(start) < Minutes(r.End));
            if (overlap is not null)
                throw EngageJson.Invalid($"The range '{path}' ({day} {start}-{end}) overlaps {overlap.Day} {overlap.Start}-{overlap.End}.");
            ranges.Add(new TimeRange(day, start, end));
        }
        return ranges.OrderBy(r => Array.IndexOf(Days, r.Day)).ThenBy(r => r.Start, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<Holiday> ValidHolidays(JsonElement? value)
    {
        var items = EngageJson.ObjectArray(value, "holidays", required: false);
        if (items.Count > MaximumHolidays) throw EngageJson.Invalid($"The field 'holidays' has {items.Count} dates; at most {MaximumHolidays} are allowed.");
        var holidays = new List<Holiday>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"holidays[{i}]";
            var date = EngageJson.RequiredString(items[i], path, "date").Trim();
            if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                throw EngageJson.Invalid($"The field '{path}.date' has '{date}', which is not a date in the form yyyy-MM-dd (e.g. 2026-12-25).");
            if (holidays.Any(h => h.Date == date)) throw EngageJson.Invalid($"The field '{path}.date' repeats the holiday {date}.");
            var name = EngageJson.OptionalString(items[i], path, "name");
            holidays.Add(new Holiday(date, string.IsNullOrWhiteSpace(name) ? null : EngageText.ValidName(name, $"{path}.name", 100)));
        }
        return holidays.OrderBy(h => h.Date, StringComparer.Ordinal).ToList();
    }

    private static string Time(string raw, string field, bool allowEndOfDay)
    {
        var text = raw.Trim();
        if (text.Length == 4 && text[1] == ':') text = "0" + text;
        var valid = text.Length == 5 && text[2] == ':' && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[3]) && char.IsAsciiDigit(text[4]);
        if (valid)
        {
            var minutes = Minutes(text);
            valid = (minutes < 24 * 60 && int.Parse(text[3..], CultureInfo.InvariantCulture) < 60) || (allowEndOfDay && text == "24:00");
        }
        if (!valid)
            throw EngageJson.Invalid($"The field '{field}' has '{raw}', which is not a time of day HH:mm from 00:00 to {(allowEndOfDay ? "24:00" : "23:59")}.");
        return text;
    }
}

/// <summary>
/// Customer Care → Settings → Configure → Working Hours: named operating hours. They change only the chat widget's
/// layout (lab 12.3, rule 24): <c>openNow</c>, computed from the sandbox clock on every read, is what the widget would
/// use to show its chat form (open) or its offline form (closed). Nothing is routed or refused by them.
/// </summary>
public static class WorkingHoursEndpoints
{
    public const int MaximumNameLength = 100;

    public static void MapWorkingHoursEndpoints(this RouteGroupBuilder engage)
    {
        engage.MapGet("/working-hours", List).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapPost("/working-hours", CreateAsync).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapGet("/working-hours/{workingHoursId}", Get).RequireScope(Scopes.EngageConfigRead).RequirePermission(EngagePermissions.ReadSettings);
        engage.MapMethods("/working-hours/{workingHoursId}", [HttpMethods.Patch], PatchAsync)
            .RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
        engage.MapDelete("/working-hours/{workingHoursId}", Delete).RequireScope(Scopes.EngageConfigWrite).RequirePermission(EngagePermissions.ChangeSettings);
    }

    private static IResult List(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var page = PageRequest.FromQuery(context.Request);
        var searchText = context.Request.Query["search"].ToString();
        var search = string.IsNullOrEmpty(searchText) ? null : searchText;
        var name = context.Request.Query.ContainsKey("name") ? context.Request.Query["name"].ToString().Trim() : null;
        var (total, rows) = database.Read(session =>
        {
            var repository = new WorkingHoursRepository(session);
            return (repository.Count(caller.OrganizationId, search, name), repository.List(caller.OrganizationId, search, name, page.Offset, page.PageSize));
        });
        var now = time.GetUtcNow();
        return SandboxJson.Ok(PagedList<WorkingHoursResource>.Create(caller.OrganizationId, $"/engage/v1/organization/{caller.OrganizationId}/working-hours", page, total,
            rows.Select(h => WorkingHoursResource.From(h, now)).ToList(), new Dictionary<string, string?> { ["search"] = search, ["name"] = name }));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxDatabase database, TimeProvider time)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = EngageText.ValidName(body.RequiredString("name"), "name", MaximumNameLength);
        var timeZone = WorkingHoursRules.ValidTimeZone(body.RequiredString("timeZone"));
        var weekly = WorkingHoursRules.ValidWeeklyHours(body.Raw("weeklyHours"));
        var holidays = WorkingHoursRules.ValidHolidays(body.Raw("holidays"));
        var now = time.GetUtcNow();
        var stamp = Timestamps.Format(now);
        var hours = new WorkingHours(Guid.NewGuid().ToString("D"), caller.OrganizationId, name, timeZone, weekly, holidays, 0, stamp, stamp);
        database.Write(session =>
        {
            var repository = new WorkingHoursRepository(session);
            EnsureNameFree(repository, caller.OrganizationId, name, null);
            repository.Insert(hours);
        });
        Preconditions.SetEntityTag(context.Response, hours.Version);
        context.Response.Headers.Location = $"/engage/v1/organization/{caller.OrganizationId}/working-hours/{hours.Id}";
        return SandboxJson.Ok(WorkingHoursResource.From(hours, now), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, SandboxDatabase database, TimeProvider time, string workingHoursId)
    {
        var caller = Caller.Of(context);
        var hours = database.Read(session => FindOrThrow(new WorkingHoursRepository(session), caller.OrganizationId, workingHoursId));
        Preconditions.SetEntityTag(context.Response, hours.Version);
        return SandboxJson.Ok(WorkingHoursResource.From(hours, time.GetUtcNow()));
    }

    /// <summary>Merge patch; weeklyHours and holidays replace their lists ("holidays": [] clears them).</summary>
    private static async Task<IResult> PatchAsync(HttpContext context, SandboxDatabase database, TimeProvider time, string workingHoursId)
    {
        var caller = Caller.Of(context);
        var body = await JsonBody.ReadObjectAsync(context.Request);
        var name = body.Has("name") ? EngageText.ValidName(body.RequiredString("name"), "name", MaximumNameLength) : null;
        var timeZone = body.Has("timeZone") ? WorkingHoursRules.ValidTimeZone(body.RequiredString("timeZone")) : null;
        var weekly = body.Has("weeklyHours") ? WorkingHoursRules.ValidWeeklyHours(body.Raw("weeklyHours")) : null;
        var holidays = body.Has("holidays") ? WorkingHoursRules.ValidHolidays(body.Raw("holidays")) : null;
        var now = time.GetUtcNow();

        var hours = database.Write(session =>
        {
            var repository = new WorkingHoursRepository(session);
            var current = FindOrThrow(repository, caller.OrganizationId, workingHoursId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"working hours '{current.Name}' (id {current.Id})");
            var updated = current with
            {
                Name = name ?? current.Name,
                TimeZone = timeZone ?? current.TimeZone,
                WeeklyHours = weekly ?? current.WeeklyHours,
                Holidays = holidays ?? current.Holidays,
            };
            if (updated.Name == current.Name && updated.TimeZone == current.TimeZone && updated.WeeklyHours.SequenceEqual(current.WeeklyHours) &&
                updated.Holidays.SequenceEqual(current.Holidays))
                return current;
            if (!string.Equals(updated.Name, current.Name, StringComparison.Ordinal)) EnsureNameFree(repository, caller.OrganizationId, updated.Name, current.Id);
            updated = updated with { Version = current.Version + 1, LastUpdatedTime = Timestamps.Format(now) };
            repository.Update(updated);
            return updated;
        });
        Preconditions.SetEntityTag(context.Response, hours.Version);
        return SandboxJson.Ok(WorkingHoursResource.From(hours, now));
    }

    private static IResult Delete(HttpContext context, SandboxDatabase database, string workingHoursId)
    {
        var caller = Caller.Of(context);
        database.Write(session =>
        {
            var repository = new WorkingHoursRepository(session);
            var current = FindOrThrow(repository, caller.OrganizationId, workingHoursId);
            Preconditions.CheckIfMatch(context.Request, current.Version, $"working hours '{current.Name}' (id {current.Id})");
            repository.Delete(caller.OrganizationId, current.Id);
        });
        return Results.NoContent();
    }

    private static WorkingHours FindOrThrow(WorkingHoursRepository repository, string organizationId, string id)
    {
        var normalized = ResourceIds.Normalize(id);
        return (normalized is null ? null : repository.Find(organizationId, normalized))
            ?? throw ApiError.NotFound(ErrorKeys.WorkingHoursNotFound, $"No working hours with id '{id}' exist in organization '{organizationId}'.").ToException();
    }

    private static void EnsureNameFree(WorkingHoursRepository repository, string organizationId, string name, string? exceptId)
    {
        var existing = repository.FindByName(organizationId, name);
        if (existing is not null && existing.Id != exceptId)
            throw ApiError.Conflict(ErrorKeys.WorkingHoursDuplicateName,
                $"Working hours named '{existing.Name}' already exist in this organization (id {existing.Id}); names are unique regardless of case, so '{name}' cannot be used.").ToException();
    }
}
