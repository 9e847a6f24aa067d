using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Http
{
    /// <summary>Reads the error bodies of every API the project speaks into one message, key and tracking id.</summary>
    internal sealed class ErrorBody
    {
        public string Message { get; private set; }
        public string Key { get; private set; }

        /// <summary>The machine-readable reason: errorKey, OAuth error, or the Contact Center's error.reason.</summary>
        public string Reason { get; private set; }

        /// <summary>
        /// The Contact Center's message descriptions: some answers carry the platform's fixed text ("Similar entity is
        /// already present") there rather than in error.reason, so they are reason candidates too.
        /// </summary>
        public string[] ReasonTexts { get; private set; }

        /// <summary>A problem document's <c>target</c>: the value or object at fault.</summary>
        public string Target { get; private set; }
        public string TrackingId { get; private set; }

        private const int MaxRawLength = 500;

        public static ErrorBody Parse(string body)
        {
            var result = new ErrorBody();
            if (string.IsNullOrWhiteSpace(body)) return result;
            JObject json = null;
            try { json = JToken.Parse(body) as JObject; }
            catch (Newtonsoft.Json.JsonException) { }

            if (json == null)
            {
                result.Message = body.Length > MaxRawLength ? body.Substring(0, MaxRawLength) + "…" : body.Trim();
                return result;
            }

            result.TrackingId = (string)json["trackingId"] ?? (string)json["trackingID"];

            // Contact Center ApiErrorResponse: {trackingId, error:{key, reason, message:[{description}]}}
            if (json["error"] is JObject ccError)
            {
                result.Key = (string)ccError["key"];
                // error.key is the status ("409"); the platform's reason text ("Similar entity is already present") tells the cause.
                result.Reason = (string)ccError["reason"];
                var descriptions = (ccError["message"] as JArray)?.Select(m => (string)m["description"]).Where(d => !string.IsNullOrWhiteSpace(d)).ToArray();
                result.Message = descriptions != null && descriptions.Length > 0 ? string.Join(" ", descriptions) : (string)ccError["reason"];
                result.ReasonTexts = descriptions;
                return result;
            }

            // OAuth 2.0 (RFC 6749 §5.2): {error, error_description}
            if (json["error"] is JValue oauthError)
            {
                result.Key = (string)oauthError;
                result.Reason = result.Key;
                result.Message = (string)json["error_description"] ?? result.Key;
                return result;
            }

            // RFC 7807 problem documents, the sandbox's own APIs: {title, detail, errorKey, trackingId}
            if (json["detail"] != null || json["title"] != null)
            {
                result.Key = (string)json["errorKey"];
                result.Reason = result.Key;
                result.Target = json["target"]?.Type == JTokenType.String ? (string)json["target"] : json["target"]?.ToString(Newtonsoft.Json.Formatting.None);
                result.Message = (string)json["detail"] ?? (string)json["title"];
                return result;
            }

            // Webex People API: {message, errors:[{description}], trackingId}
            var errors = (json["errors"] as JArray)?.Select(e => (string)e["description"]).Where(d => !string.IsNullOrWhiteSpace(d)).ToArray();
            result.Message = (string)json["message"];
            if (errors != null && errors.Length > 0 && !errors.Contains(result.Message)) result.Message = string.Join(" ", new[] { result.Message }.Concat(errors).Where(s => s != null));
            if (result.Message == null)
            {
                var raw = json.ToString(Newtonsoft.Json.Formatting.None);
                result.Message = raw.Length > MaxRawLength ? raw.Substring(0, MaxRawLength) + "…" : raw;
            }
            return result;
        }
    }
}
