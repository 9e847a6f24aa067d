using System.Collections.Generic;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Http
{
    /// <summary>The v2 list envelope <c>{meta, data}</c> of the Contact Center API, which the sandbox's own lists share.</summary>
    public sealed class PagedList<T>
    {
        [JsonProperty("meta")] public PageMeta Meta { get; set; } = new PageMeta();
        [JsonProperty("data")] public List<T> Data { get; set; } = new List<T>();
    }

    /// <summary>Paging facts of one page. <c>links</c> is deliberately not read: see <see cref="WebexHttpPipeline.StreamAsync{T}"/>.</summary>
    public sealed class PageMeta
    {
        [JsonProperty("orgid")] public string OrganizationId { get; set; }
        [JsonProperty("page")] public int Page { get; set; }
        [JsonProperty("pageSize")] public int PageSize { get; set; }
        [JsonProperty("totalPages")] public int TotalPages { get; set; }
        [JsonProperty("totalRecords")] public long TotalRecords { get; set; }
    }
}
