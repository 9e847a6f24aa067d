using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// The pipeline's retry policy for requests that do not go through the pipeline: MSAL's discovery and token
    /// requests. 429 and 503 (Retry-After honoured), other 5xx, resets and timeouts are sent again within the policy's
    /// attempts and total wait; a refused connection (nothing listening) is not, so it fails at once. Asking for a token
    /// again is harmless: at worst the server issues two.
    /// </summary>
    public sealed class RetryingHttpHandler : DelegatingHandler
    {
        private readonly RetryPolicy _policy;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        public RetryingHttpHandler(RetryPolicy policy, HttpMessageHandler inner, Func<TimeSpan, CancellationToken, Task> delay = null) : base(inner)
        {
            _policy = policy ?? new RetryPolicy();
            _delay = delay ?? ((d, ct) => Task.Delay(d, ct));
        }

        /// <summary>How long one attempt may take before it counts as timed out.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var waited = TimeSpan.Zero;
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var copy = Copy(request, body);
                TimeSpan? retryAfter = null;
                using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeout.CancelAfter(AttemptTimeout);
                    HttpResponseMessage response;
                    try
                    {
                        response = await base.SendAsync(copy, timeout.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (await WaitAsync(attempt, null, () => waited, w => waited = w, cancellationToken).ConfigureAwait(false)) continue;
                        throw new TimeoutException($"{request.Method} {request.RequestUri.GetLeftPart(UriPartial.Path)} had no answer within {AttemptTimeout.TotalSeconds:0} s, {attempt} time(s).");
                    }
                    catch (HttpRequestException ex) when (!IsConnectionRefused(ex))
                    {
                        if (await WaitAsync(attempt, null, () => waited, w => waited = w, cancellationToken).ConfigureAwait(false)) continue;
                        throw;
                    }
                    var status = (int)response.StatusCode;
                    if (status != 429 && status < 500) return response;
                    retryAfter = RetryPolicy.ReadRetryAfter(response, DateTimeOffset.UtcNow);
                    if (!await WaitAsync(attempt, retryAfter, () => waited, w => waited = w, cancellationToken).ConfigureAwait(false)) return response;
                    response.Dispose();
                }
            }
        }

        private async Task<bool> WaitAsync(int attempt, TimeSpan? retryAfter, Func<TimeSpan> waited, Action<TimeSpan> setWaited, CancellationToken cancellationToken)
        {
            if (attempt >= _policy.MaxAttempts) return false;
            if (retryAfter.HasValue && retryAfter.Value > _policy.MaxRetryAfter) return false;
            var delay = _policy.DelayFor(attempt + 1, retryAfter);
            if (waited() + delay > _policy.MaxTotalDelay) return false;
            await _delay(delay, cancellationToken).ConfigureAwait(false);
            setWaited(waited() + delay);
            return true;
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request, byte[] body)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
            foreach (var header in request.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (body != null)
            {
                copy.Content = new ByteArrayContent(body);
                foreach (var header in request.Content.Headers) copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            return copy;
        }

        /// <summary>Nothing listens at the address: a socket error ConnectionRefused anywhere in the chain.</summary>
        public static bool IsConnectionRefused(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
                if (e is SocketException socket && socket.SocketErrorCode == SocketError.ConnectionRefused) return true;
            return false;
        }
    }
}
