using System;
using System.Net;

namespace DigitalChannels.Client.Http
{
    /// <summary>How a call failed when no HTTP status tells it.</summary>
    public enum WebexFailureKind
    {
        /// <summary>The server answered with an error status.</summary>
        HttpStatus,
        /// <summary>No answer within the time allowed.</summary>
        Timeout,
        /// <summary>The connection broke or failed after the retries the policy allows.</summary>
        Transport,
        /// <summary>Nothing answers at the address (connection refused, unknown host): not worth a retry.</summary>
        Unreachable,
    }

    /// <summary>
    /// The one exception every failed call becomes, whichever API answered: the Contact Center error body, the
    /// sandbox's problem documents, OAuth errors and the People API's errors are all read into the same fields.
    /// The message never contains a token or a secret.
    /// </summary>
    public class WebexApiException : Exception
    {
        public WebexApiException(string message, WebexFailureKind kind, int? statusCode, string method, string requestPath,
            string serverMessage, string errorKey, string trackingId, TimeSpan? retryAfter, Exception inner = null)
            : base(message, inner)
        {
            Kind = kind;
            StatusCode = statusCode;
            Method = method;
            RequestPath = requestPath;
            ServerMessage = serverMessage;
            ErrorKey = errorKey;
            TrackingId = trackingId;
            RetryAfter = retryAfter;
        }

        public WebexFailureKind Kind { get; }

        /// <summary>The HTTP status, or null when the call got no answer.</summary>
        public int? StatusCode { get; }

        public string Method { get; }

        /// <summary>The request path without query string.</summary>
        public string RequestPath { get; }

        /// <summary>What the server said, redacted.</summary>
        public string ServerMessage { get; }

        /// <summary>The server's error key (Contact Center <c>error.key</c>, the sandbox's <c>errorKey</c>, OAuth <c>error</c>).</summary>
        public string ErrorKey { get; }

        /// <summary>
        /// The server's machine-readable reason, the key of <see cref="Commands.ErrorTable"/>: the sandbox's <c>errorKey</c>,
        /// the OAuth <c>error</c>, or the Contact Center's <c>error.reason</c> (its <c>error.key</c> is only the status).
        /// </summary>
        public string Reason { get; set; }

        /// <summary>Further reason texts (the Contact Center's message descriptions), tried when <see cref="Reason"/> is not known.</summary>
        public System.Collections.Generic.IReadOnlyList<string> ReasonTexts { get; set; }

        /// <summary>The thing at fault when the server names it (a problem document's <c>target</c>), or the URL nobody answered at.</summary>
        public string Target { get; set; }

        /// <summary>The Webex tracking id, to quote to support.</summary>
        public string TrackingId { get; }

        /// <summary>For 429: how long the server asked to wait when the retry budget ran out.</summary>
        public TimeSpan? RetryAfter { get; }

        public HttpStatusCode? HttpStatus => StatusCode.HasValue ? (HttpStatusCode?)StatusCode.Value : null;
    }
}
