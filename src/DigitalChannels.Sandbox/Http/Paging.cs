using System.Globalization;
using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.Http;

/// <summary>page/pageSize as the Contact Center v2 lists take them: 0-based page, size silently clamped.</summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaximumPageSize = 100;

    public int Offset => checked(Page * PageSize);

    /// <summary>Pages beyond this are refused rather than overflowing the offset.</summary>
    public const int MaximumPage = 10_000_000;

    public static PageRequest FromQuery(HttpRequest request)
    {
        var page = ParseNonNegative(request, "page") ?? 0;
        if (page > MaximumPage)
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                $"The query parameter 'page' must be at most {MaximumPage}, not '{request.Query["page"]}'.").ToException();
        var pageSize = ParseNonNegative(request, "pageSize") ?? DefaultPageSize;
        return new PageRequest((int)page, (int)Math.Clamp(pageSize, 1, MaximumPageSize));
    }

    private static long? ParseNonNegative(HttpRequest request, string name)
    {
        if (!request.Query.TryGetValue(name, out var values)) return null;
        var text = values.ToString();
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw ApiError.BadRequest(ErrorKeys.InvalidParameter,
                $"The query parameter '{name}' must be a whole number of 0 or more, not '{text}'.").ToException();
        return value;
    }
}

/// <summary>The Contact Center v2 list envelope: {"meta":{orgid,page,pageSize,totalPages,totalRecords,links},"data":[…]}.</summary>
public sealed record PagedList<T>(PagedListMeta Meta, IReadOnlyList<T> Data)
{
    /// <param name="path">The list's path, used for the relative links.</param>
    /// <param name="extraQuery">Filters to repeat in every link (already decided by the caller; null values are left out).</param>
    public static PagedList<T> Create(string organizationId, string path, PageRequest request, long totalRecords, IReadOnlyList<T> data,
        IReadOnlyDictionary<string, string?>? extraQuery = null)
    {
        var totalPages = (int)((totalRecords + request.PageSize - 1) / request.PageSize);
        var lastPage = Math.Max(totalPages - 1, 0);
        string Link(int page)
        {
            var query = QueryString.Create("page", page.ToString(CultureInfo.InvariantCulture))
                .Add("pageSize", request.PageSize.ToString(CultureInfo.InvariantCulture));
            foreach (var (name, value) in extraQuery ?? new Dictionary<string, string?>())
                if (value is not null) query = query.Add(name, value);
            return path + query.ToUriComponent();
        }

        var links = new PagedListLinks(
            Self: Link(request.Page),
            Next: request.Page + 1 < totalPages ? Link(request.Page + 1) : null,
            Prev: request.Page > 0 && totalPages > 0 ? Link(Math.Min(request.Page - 1, lastPage)) : null,
            First: Link(0),
            Last: Link(lastPage));
        return new PagedList<T>(new PagedListMeta(organizationId, request.Page, request.PageSize, totalPages, totalRecords, links), data);
    }
}

public sealed record PagedListMeta(
    [property: System.Text.Json.Serialization.JsonPropertyName("orgid")] string OrgId,
    int Page, int PageSize, int TotalPages, long TotalRecords, PagedListLinks Links);

public sealed record PagedListLinks(string Self, string? Next, string? Prev, string First, string Last);
