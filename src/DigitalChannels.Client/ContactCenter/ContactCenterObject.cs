using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>
    /// The fields every Contact Center configuration DTO shares (CC-SPEC components/schemas). Fields this library does
    /// not model are kept in <see cref="AdditionalFields"/> and written back unchanged, because an update is a PUT
    /// of the whole object: leaving them out would wipe them on the server.
    /// </summary>
    public abstract class ContactCenterObject
    {
        /// <summary>Omitted on create; mandatory on update.</summary>
        [JsonProperty("id")] public string Id { get; set; }

        /// <summary>The optimistic version: an update sends back the version it read.</summary>
        [JsonProperty("version")] public int? Version { get; set; }

        [JsonProperty("organizationId")] public string OrganizationId { get; set; }

        [JsonProperty("description")] public string Description { get; set; }

        /// <summary>True for the objects every tenant is born with (Global Layout, the built-in user profiles).</summary>
        [JsonProperty("systemDefault")] public bool? SystemDefault { get; set; }

        /// <summary>Epoch milliseconds, read-only.</summary>
        [JsonProperty("createdTime")] [JsonConverter(typeof(EpochMillisecondsConverter))] public long? CreatedTime { get; set; }

        /// <summary>Epoch milliseconds, read-only.</summary>
        [JsonProperty("lastUpdatedTime")] [JsonConverter(typeof(EpochMillisecondsConverter))] public long? LastUpdatedTime { get; set; }

        [JsonIgnore] public DateTimeOffset? LastUpdated => LastUpdatedTime.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(LastUpdatedTime.Value) : (DateTimeOffset?)null;

        /// <summary>Every field of the server's object that the typed properties do not cover, kept for the round trip.</summary>
        [JsonExtensionData] public IDictionary<string, JToken> AdditionalFields { get; set; } = new Dictionary<string, JToken>();

        /// <summary>A deep copy, so that a change can be prepared without touching what the caller holds.</summary>
        public T Clone<T>() where T : ContactCenterObject =>
            JsonConvert.DeserializeObject<T>(JsonConvert.SerializeObject(this, Http.WebexHttpPipeline.JsonSettings), Http.WebexHttpPipeline.JsonSettings);
    }

    /// <summary>A Contact Center object with a name: what Get-* matches and what identities resolve by.</summary>
    public abstract class NamedContactCenterObject : ContactCenterObject
    {
        [JsonProperty("name")] public string Name { get; set; }

        public override string ToString() => Name;
    }

    /// <summary>
    /// Epoch milliseconds, tolerant of what the spec's own examples hold ("createdTime": "string"): anything that is
    /// not a number reads as null rather than failing the whole object.
    /// </summary>
    public sealed class EpochMillisecondsConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) => objectType == typeof(long?) || objectType == typeof(long);

        public override object ReadJson(JsonReader reader, Type objectType, object existingValue, JsonSerializer serializer)
        {
            switch (reader.TokenType)
            {
                case JsonToken.Integer: return Convert.ToInt64(reader.Value);
                case JsonToken.Float: return Convert.ToInt64(reader.Value);
                case JsonToken.String:
                    return long.TryParse((string)reader.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                        ? parsed : (long?)null;
                default:
                    if (reader.TokenType == JsonToken.StartObject || reader.TokenType == JsonToken.StartArray) JToken.Load(reader);
                    return null;
            }
        }

        public override void WriteJson(JsonWriter writer, object value, JsonSerializer serializer)
        {
            if (value == null) writer.WriteNull();
            else writer.WriteValue(Convert.ToInt64(value));
        }
    }
}
