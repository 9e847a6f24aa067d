using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Auth;
using Newtonsoft.Json;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// The one way every call of every typed client goes out: bearer token, bounded cancellable retry that honours
    /// Retry-After, one exception type for every error body, v2 paging streamed page by page, redaction of secrets
    /// in everything it reports.
    /// </summary>
    public sealed class WebexHttpPipeline : IDisposable
    {
        internal static readonly JsonSerializerSettings JsonSettings = new JsonSerializerSettings
        {
            NullValueHandling = NullValueHandling.Ignore,
            MissingMemberHandling = MissingMemberHandling.Ignore,
            DateParseHandling = DateParseHandling.DateTimeOffset,
        };

        private readonly IAccessTokenSource _tokens;
        private readonly HttpClient _http;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Func<DateTimeOffset> _clock;
        private long _requests, _retries, _throttled;

        public WebexHttpPipeline(IAccessTokenSource tokens, HttpMessageHandler handler = null, RetryPolicy retry = null,
            SecretRedactor redactor = null, Func<TimeSpan, CancellationToken, Task> delay = null, Func<DateTimeOffset> clock = null)
        {
            _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
            _http = handler == null ? new HttpClient(HttpHandlerFactory.Create(), disposeHandler: true) : new HttpClient(handler, disposeHandler: false);
            // Each attempt has its own timeout (below), so that a timeout can be told apart from the caller's Ctrl+C.
            _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
            _http.DefaultRequestHeaders.UserAgent.ParseAdd("DigitalChannels/" + typeof(WebexHttpPipeline).Assembly.GetName().Version);
            Retry = retry ?? new RetryPolicy();
            Redactor = redactor ?? new SecretRedactor();
            _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        public RetryPolicy Retry { get; }

        /// <summary>
        /// True when the server replays the answer of a request it already carried out if it sees the same
        /// <c>Idempotency-Key</c> again (the sandbox does): then a POST or PATCH whose answer was lost (a reset, a timeout,
        /// 502/504) is sent again, as a GET would be. The header is sent to every server; only this decides the retry.
        /// </summary>
        public bool ServerHonoursIdempotencyKeys { get; set; }

        public const string IdempotencyKeyHeader = "Idempotency-Key";

        public SecretRedactor Redactor { get; }

        /// <summary>How long one attempt may take before it counts as timed out.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Requests sent (every attempt counts), retries made, and 429 answers met: figures for benchmarks and verbose output.</summary>
        public long RequestCount => Interlocked.Read(ref _requests);
        public long RetryCount => Interlocked.Read(ref _retries);
        public long ThrottledCount => Interlocked.Read(ref _throttled);

        /// <summary>Writes whose retry met a conflict and that were found already applied by an earlier attempt.</summary>
        public long RecognizedCount => Interlocked.Read(ref _recognized);
        private long _recognized;

        public Task<T> SendAsync<T>(HttpMethod method, Uri uri, object body, CancellationToken cancellationToken) =>
            SendAsync<T>(method, uri, body, null, cancellationToken);

        /// <summary>As above, with request headers some APIs need besides the token (Connect's <c>x-organization-id</c>).</summary>
        public async Task<T> SendAsync<T>(HttpMethod method, Uri uri, object body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
        {
            var text = await SendForTextAsync(method, uri, body, headers, cancellationToken);
            if (string.IsNullOrWhiteSpace(text)) return default(T);
            try
            {
                return JsonConvert.DeserializeObject<T>(text, JsonSettings);
            }
            catch (JsonException ex)
            {
                throw new WebexApiException($"{method} {uri.AbsolutePath} returned a body that is not the expected {typeof(T).Name}: {ex.Message}",
                    WebexFailureKind.HttpStatus, 200, method.Method, uri.AbsolutePath, null, null, null, null, ex);
            }
        }

        public Task SendAsync(HttpMethod method, Uri uri, object body, CancellationToken cancellationToken) =>
            SendForTextAsync(method, uri, body, null, cancellationToken);

        /// <summary>A GET whose answer is not JSON (a CSV download): the body as text.</summary>
        public Task<string> GetTextAsync(Uri uri, CancellationToken cancellationToken) =>
            SendForTextAsync(HttpMethod.Get, uri, null, null, cancellationToken);

        /// <summary>One page of a v2 list.</summary>
        public Task<PagedList<T>> GetPageAsync<T>(Uri listUri, IEnumerable<KeyValuePair<string, string>> query, int page, int pageSize, CancellationToken cancellationToken)
        {
            var parameters = (query ?? Enumerable.Empty<KeyValuePair<string, string>>())
                .Where(p => p.Key != "page" && p.Key != "pageSize")
                .Concat(new[] { new KeyValuePair<string, string>("page", page.ToString()), new KeyValuePair<string, string>("pageSize", pageSize.ToString()) });
            return SendAsync<PagedList<T>>(HttpMethod.Get, WithQuery(listUri, parameters), null, cancellationToken);
        }

        /// <summary>
        /// Every item of a v2 list, one page requested at a time as the consumer reaches it. The next URL is rebuilt
        /// from page and pageSize and paging stops at totalPages: meta.links are never followed, because some of
        /// them point at internal prefixes (/cms/api/…) that do not exist outside Webex.
        /// </summary>
        public async IAsyncEnumerable<T> StreamAsync<T>(Uri listUri, IEnumerable<KeyValuePair<string, string>> query, int pageSize,
            [EnumeratorCancellation] CancellationToken cancellationToken = default(CancellationToken))
        {
            var fixedQuery = query?.ToList();
            for (var page = 0; ; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await GetPageAsync<T>(listUri, fixedQuery, page, pageSize, cancellationToken);
                var items = result?.Data ?? new List<T>();
                foreach (var item in items) yield return item;
                var totalPages = result?.Meta?.TotalPages ?? 0;
                // An empty page also ends it: a server whose totalPages is wrong cannot keep us looping.
                if (items.Count == 0 || page + 1 >= totalPages) yield break;
            }
        }

        /// <summary>
        /// Every item of a v1 list, which answers a bare JSON array and no paging facts: pages 0, 1, … are requested
        /// until one comes back shorter than <paramref name="pageSize"/> (or empty). A server that ignores <c>page</c>
        /// and repeats the same page is caught by comparing each page's first item with the previous one's.
        /// </summary>
        public async IAsyncEnumerable<T> StreamArrayAsync<T>(Uri listUri, IEnumerable<KeyValuePair<string, string>> query, int pageSize,
            [EnumeratorCancellation] CancellationToken cancellationToken = default(CancellationToken))
        {
            if (pageSize < 1) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size {pageSize} is below 1.");
            var fixedQuery = (query ?? Enumerable.Empty<KeyValuePair<string, string>>()).Where(p => p.Key != "page" && p.Key != "pageSize").ToList();
            Newtonsoft.Json.Linq.JToken previousFirst = null;
            for (var page = 0; ; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var parameters = fixedQuery.Concat(new[] { new KeyValuePair<string, string>("page", page.ToString()), new KeyValuePair<string, string>("pageSize", pageSize.ToString()) });
                var items = await SendAsync<Newtonsoft.Json.Linq.JArray>(HttpMethod.Get, WithQuery(listUri, parameters), null, cancellationToken)
                    ?? new Newtonsoft.Json.Linq.JArray();
                if (items.Count == 0) yield break;
                if (previousFirst != null && Newtonsoft.Json.Linq.JToken.DeepEquals(previousFirst, items[0])) yield break;
                previousFirst = items[0];
                var serializer = JsonSerializer.Create(JsonSettings);
                foreach (var item in items) yield return item.ToObject<T>(serializer);
                if (items.Count < pageSize) yield break;
            }
        }

        public static Uri WithQuery(Uri uri, IEnumerable<KeyValuePair<string, string>> query)
        {
            var pairs = (query ?? Enumerable.Empty<KeyValuePair<string, string>>()).Where(p => p.Value != null)
                .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)).ToArray();
            if (pairs.Length == 0) return uri;
            var builder = new UriBuilder(uri);
            var existing = builder.Query.TrimStart('?');
            builder.Query = string.IsNullOrEmpty(existing) ? string.Join("&", pairs) : existing + "&" + string.Join("&", pairs);
            return builder.Uri;
        }

        private async Task<string> SendForTextAsync(HttpMethod method, Uri uri, object body, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
        {
            string payload = null; // serialized once a request slot is had: a queued request holds no copy of a big body
            var waited = TimeSpan.Zero;
            var refreshedAfter401 = false;
            // One key for every attempt of this write, so that a server which honours it carries the write out once.
            var idempotencyKey = RetryPolicy.IsIdempotent(method) ? null : Guid.NewGuid().ToString("N");
            var replaySafe = idempotencyKey == null || ServerHonoursIdempotencyKeys;
            // Set once an attempt may have reached the server without its answer reaching us.
            var mayHaveApplied = false;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = await _tokens.GetAccessTokenAsync(refreshedAfter401 && attempt > 1, cancellationToken);
                Redactor.Add(token);

                var slot = await RequestGate.EnterAsync(uri, cancellationToken);
                var started = Stopwatch.StartNew();
                try
                {
                    if (body != null && payload == null) payload = body as string ?? JsonConvert.SerializeObject(body, JsonSettings);
                }
                catch
                {
                    slot?.Dispose();
                    throw;
                }
                using (var request = new HttpRequestMessage(method, uri))
                using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (headers != null)
                        foreach (var header in headers) request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    if (payload != null) request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                    if (idempotencyKey != null) request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
                    attemptTimeout.CancelAfter(AttemptTimeout);

                    HttpResponseMessage response;
                    Interlocked.Increment(ref _requests);
                    if (PipelineDiagnostics.IsDebugging)
                        PipelineDiagnostics.Debug(Redactor.Redact($"HTTP {method.Method} {uri.AbsoluteUri} (attempt {attempt}){DebugBody("request body", payload)}"));
                    try
                    {
                        response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (PipelineDiagnostics.IsDebugging)
                            PipelineDiagnostics.Debug($"HTTP {method.Method} {uri.GetLeftPart(UriPartial.Path)}: no answer within {AttemptTimeout.TotalSeconds:0} s ({started.ElapsedMilliseconds} ms)");
                        var failure = Transport(WebexFailureKind.Timeout, method, uri, $"no answer within {AttemptTimeout.TotalSeconds:0} s", null);
                        mayHaveApplied = true;
                        if (!await WaitBeforeRetryAsync(attempt, replaySafe, null, null, failure, () => waited, w => waited = w, cancellationToken)) throw failure;
                        continue;
                    }
                    catch (HttpRequestException ex) when (TransportFailure.IsUnreachable(ex))
                    {
                        // Refused or unknown host: nothing is listening, and retrying would only make the user wait
                        // (23 s of back-off before). 429, 503, resets and timeouts still retry below. Whatever else
                        // learns to retry (token acquisition through this policy, say) must keep this exit first.
                        throw TransportFailure.Unreachable(method.Method, uri, ex);
                    }
                    catch (HttpRequestException ex)
                    {
                        var failure = Transport(WebexFailureKind.Transport, method, uri, Redactor.Redact(ex.InnerException?.Message ?? ex.Message), ex);
                        mayHaveApplied = true;
                        if (!await WaitBeforeRetryAsync(attempt, replaySafe, null, null, failure, () => waited, w => waited = w, cancellationToken)) throw failure;
                        continue;
                    }
                    finally
                    {
                        // The body is buffered (ResponseContentRead): the slot is free before any Retry-After wait.
                        slot?.Dispose();
                    }

                    using (response)
                    {
                        var text = response.Content == null ? null : await response.Content.ReadAsStringAsync();
                        var status = (int)response.StatusCode;
                        // The short line for -Verbose; under -Debug the full one below says it all.
                        if (!PipelineDiagnostics.IsDebugging)
                            PipelineDiagnostics.Report(Redactor.Redact($"{method.Method} {uri.PathAndQuery} -> {status} {response.ReasonPhrase} ({started.ElapsedMilliseconds} ms)"));
                        else
                            PipelineDiagnostics.Debug(Redactor.Redact($"HTTP {status} {response.ReasonPhrase} for {method.Method} {uri.AbsoluteUri} in {started.ElapsedMilliseconds} ms; " +
                                $"TrackingID {TrackingIdOf(response) ?? "(none)"}{DebugBody("response body", text)}"));
                        if (response.IsSuccessStatusCode) return text;

                        if (status == 401 && !refreshedAfter401 && _tokens.CanRefresh)
                        {
                            // The token may have been revoked or expired early; one fresh token, then a 401 is final.
                            refreshedAfter401 = true;
                            continue;
                        }

                        var retryAfter = RetryPolicy.ReadRetryAfter(response, _clock());
                        if (status == 429) Interlocked.Increment(ref _throttled);
                        var error = FromResponse(response, text, method, uri, retryAfter);
                        var retryable = Retry.IsRetryable(status, method) || (replaySafe && (status == 502 || status == 504));
                        if (status == 500 || status == 502 || status == 504) mayHaveApplied = true;
                        if (retryable &&
                            await WaitBeforeRetryAsync(attempt, replaySafe, status, retryAfter, error, () => waited, w => waited = w, cancellationToken))
                            continue;
                        if (status == 404 && mayHaveApplied && method == HttpMethod.Delete)
                        {
                            // The delete whose answer was lost did its work: gone is what was asked for.
                            Interlocked.Increment(ref _recognized);
                            return null;
                        }
                        if ((status == 409 || status == 412) && mayHaveApplied)
                        {
                            // The retry met the result of the attempt whose answer was lost: that is success, not a conflict.
                            var applied = await RecognizeAppliedAsync(method, uri, payload, headers, cancellationToken);
                            if (applied != null)
                            {
                                Interlocked.Increment(ref _recognized);
                                PipelineDiagnostics.Report($"{method.Method} {uri.AbsolutePath}: {status} after a lost answer; the earlier attempt was found applied.");
                                return applied;
                            }
                        }
                        throw error;
                    }
                }
            }
        }

        private async Task<bool> WaitBeforeRetryAsync(int attempt, bool replaySafe, int? status, TimeSpan? retryAfter, WebexApiException failure,
            Func<TimeSpan> waited, Action<TimeSpan> setWaited, CancellationToken cancellationToken)
        {
            if (status == null && !replaySafe) return false;
            if (attempt >= Retry.MaxAttempts) return false;
            if (retryAfter.HasValue && retryAfter.Value > Retry.MaxRetryAfter) return false;
            var delay = Retry.DelayFor(attempt + 1, retryAfter);
            if (waited() + delay > Retry.MaxTotalDelay) return false;
            Interlocked.Increment(ref _retries);
            var retrying = $"{failure.Method} {failure.RequestPath}: {(status.HasValue ? status.ToString() : failure.Kind.ToString())}; retrying in {delay.TotalSeconds:0.0} s (attempt {attempt + 1} of {Retry.MaxAttempts}).";
            if (PipelineDiagnostics.IsDebugging) PipelineDiagnostics.Debug("HTTP " + retrying);
            else PipelineDiagnostics.Report(retrying);
            await _delay(delay, cancellationToken);
            setWaited(waited() + delay);
            return true;
        }

        /// <summary>
        /// After a lost answer, a conflict may be the write itself, applied by the earlier attempt. Recognised: a create by
        /// name (POST with "name": the collection, read back, holds an item of that name) and a replace with a version (PUT
        /// with "version": n, the resource now has version n+1 and every field sent). Returns the resource's JSON, or null.
        /// </summary>
        private async Task<string> RecognizeAppliedAsync(HttpMethod method, Uri uri, string payload, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
        {
            if (payload == null) return null;
            Newtonsoft.Json.Linq.JObject sent;
            try
            {
                sent = Newtonsoft.Json.Linq.JToken.Parse(payload) as Newtonsoft.Json.Linq.JObject;
            }
            catch (JsonException)
            {
                return null;
            }
            if (sent == null) return null;
            try
            {
                if (method == HttpMethod.Post && sent["name"] is Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.String } name)
                {
                    var list = Newtonsoft.Json.Linq.JToken.Parse(await SendForTextAsync(HttpMethod.Get, uri, null, headers, cancellationToken) ?? "null");
                    var items = list as Newtonsoft.Json.Linq.JArray ?? list?["items"] as Newtonsoft.Json.Linq.JArray ?? list?["data"] as Newtonsoft.Json.Linq.JArray;
                    var match = items?.OfType<Newtonsoft.Json.Linq.JObject>().FirstOrDefault(i => string.Equals((string)i["name"], (string)name, StringComparison.Ordinal) && SameFields(sent, i, "name"));
                    return match?.ToString(Formatting.None);
                }
                if (method == HttpMethod.Put && sent["version"] is Newtonsoft.Json.Linq.JValue { Type: Newtonsoft.Json.Linq.JTokenType.Integer } version)
                {
                    var text = await SendForTextAsync(HttpMethod.Get, uri, null, headers, cancellationToken);
                    var current = Newtonsoft.Json.Linq.JToken.Parse(text ?? "null") as Newtonsoft.Json.Linq.JObject;
                    return current != null && (long?)current["version"] == (long)version + 1 && SameFields(sent, current, "version") ? text : null;
                }
            }
            catch (WebexApiException)
            {
                // Could not read it back: the conflict stands.
            }
            return null;
        }

        /// <summary>Every scalar field sent (but <paramref name="except"/> and timestamps) has the same value in the resource.</summary>
        private static bool SameFields(Newtonsoft.Json.Linq.JObject sent, Newtonsoft.Json.Linq.JObject resource, string except)
        {
            foreach (var property in sent.Properties())
            {
                if (property.Name == except || property.Name.EndsWith("Time", StringComparison.Ordinal) || property.Value is Newtonsoft.Json.Linq.JContainer) continue;
                var actual = resource[property.Name];
                if (actual == null) continue; // fields the server does not echo
                if (!Newtonsoft.Json.Linq.JToken.DeepEquals(property.Value, actual)) return false;
            }
            return true;
        }

        private WebexApiException FromResponse(HttpResponseMessage response, string body, HttpMethod method, Uri uri, TimeSpan? retryAfter)
        {
            var parsed = ErrorBody.Parse(body);
            var tracking = parsed.TrackingId;
            if (tracking == null) tracking = TrackingIdOf(response);
            var status = (int)response.StatusCode;
            var serverMessage = Redactor.Redact(parsed.Message);
            var message = new StringBuilder()
                .Append(method.Method).Append(' ').Append(uri.AbsolutePath).Append(" failed: ")
                .Append(status).Append(' ').Append(response.ReasonPhrase).Append('.');
            if (!string.IsNullOrWhiteSpace(serverMessage)) message.Append(' ').Append(serverMessage.TrimEnd('.')).Append('.');
            if (retryAfter.HasValue && status == 429) message.Append($" The server asked to wait {retryAfter.Value.TotalSeconds:0} s.");
            if (!string.IsNullOrEmpty(tracking)) message.Append(" (tracking id ").Append(tracking).Append(')');
            return new WebexApiException(Redactor.Redact(message.ToString()), WebexFailureKind.HttpStatus, status, method.Method, uri.AbsolutePath,
                serverMessage, parsed.Key, tracking, retryAfter)
            { Reason = parsed.Reason, ReasonTexts = parsed.ReasonTexts, Target = Redactor.Redact(parsed.Target) };
        }

        /// <summary>The platform's id of one request (the TrackingID header), which Cisco support asks for.</summary>
        private static string TrackingIdOf(HttpResponseMessage response) =>
            response.Headers.TryGetValues("TrackingID", out var values) ? values.FirstOrDefault() : null;

        /// <summary>The most of a body debug output shows: enough for any configuration object, not a whole imported flow.</summary>
        internal const int DebugBodyLimit = 4000;

        /// <summary>A body for debug output (redacted by the caller, with the rest of the line), cut at <see cref="DebugBodyLimit"/>.</summary>
        private static string DebugBody(string label, string body)
        {
            if (string.IsNullOrEmpty(body)) return string.Empty;
            var shown = body.Length <= DebugBodyLimit ? body : body.Substring(0, DebugBodyLimit) + $"… ({body.Length} characters in all)";
            return Environment.NewLine + label + ": " + shown;
        }

        private static WebexApiException Transport(WebexFailureKind kind, HttpMethod method, Uri uri, string reason, Exception inner) =>
            new WebexApiException($"{method.Method} {uri.GetLeftPart(UriPartial.Path)} failed: {reason}.", kind, null, method.Method, uri.AbsolutePath, reason, null, null, null, inner);

        public void Dispose() => _http.Dispose();
    }
}
