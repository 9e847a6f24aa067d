using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>BulkRequestDTO: <c>{"items":[{"itemIdentifier","item","requestAction"}]}</c>.</summary>
    public sealed class BulkRequest
    {
        [JsonProperty("items")] public List<BulkRequestItem> Items { get; set; } = new List<BulkRequestItem>();
    }

    public sealed class BulkRequestItem
    {
        /// <summary>The caller's number for the item; the response's items carry it back.</summary>
        [JsonProperty("itemIdentifier")] public int ItemIdentifier { get; set; }

        /// <summary>The DTO, or for <c>PATCH /user/bulk</c> a patch holding <c>id</c> and the changed fields.</summary>
        [JsonProperty("item")] public JObject Item { get; set; }

        /// <summary>SAVE (with id: update; without: create) or DELETE.</summary>
        [JsonProperty("requestAction")] public string RequestAction { get; set; } = "SAVE";
    }

    /// <summary>BulkResponseDTO, the 207 answer: one outcome per item, each to be checked.</summary>
    public sealed class BulkResponse
    {
        [JsonProperty("items")] public List<BulkResponseItem> Items { get; set; } = new List<BulkResponseItem>();
    }

    public sealed class BulkResponseItem
    {
        [JsonProperty("itemIdentifier")] public int ItemIdentifier { get; set; }
        [JsonProperty("status")] public int Status { get; set; }
        /// <summary>CREATE, UPDATE, DELETE or GET.</summary>
        [JsonProperty("operationType")] public string OperationType { get; set; }
        /// <summary>Where the object lives; not followed (platform-facts §1.4: some start /api/…).</summary>
        [JsonProperty("href")] public string Href { get; set; }
        [JsonProperty("apiError")] public ApiErrorResponse ApiError { get; set; }

        [JsonIgnore] public bool Succeeded => Status >= 200 && Status < 300 && ApiError?.Error == null;
    }

    /// <summary>The Contact Center error body: <c>{trackingId, error:{key, reason, message:[{description, code, entity, references}]}}</c>.</summary>
    public sealed class ApiErrorResponse
    {
        [JsonProperty("trackingId")] public string TrackingId { get; set; }
        [JsonProperty("error")] public ApiErrorDetails Error { get; set; }

        /// <summary>The descriptions joined, else the reason, else the key.</summary>
        public string Describe()
        {
            var descriptions = Error?.Message?.Select(m => m.Description).Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
            var text = descriptions != null && descriptions.Count > 0 ? string.Join(" ", descriptions) : Error?.Reason ?? Error?.Key ?? "no details";
            return string.IsNullOrEmpty(TrackingId) ? text : $"{text} (tracking id {TrackingId})";
        }
    }

    public sealed class ApiErrorDetails
    {
        [JsonProperty("key")] public string Key { get; set; }
        [JsonProperty("reason")] public string Reason { get; set; }
        [JsonProperty("message")] public List<ApiErrorMessage> Message { get; set; }
    }

    public sealed class ApiErrorMessage
    {
        [JsonProperty("description")] public string Description { get; set; }
        [JsonProperty("code")] public string Code { get; set; }
        [JsonProperty("entity")] public string Entity { get; set; }
        [JsonProperty("references")] public JToken References { get; set; }
    }
}
