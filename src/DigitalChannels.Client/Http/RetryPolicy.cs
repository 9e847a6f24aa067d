using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// When and how long the pipeline waits before sending a request again. Bounded by attempts and by a total
    /// budget; honours Retry-After in both its forms; otherwise backs off exponentially with jitter.
    /// A refused connection or an unknown host is never retried (<see cref="TransportFailure.IsUnreachable"/>): nothing
    /// is listening, so it fails at once with ServerUnreachable. Every caller that applies this policy (the pipeline,
    /// token acquisition) must keep that exit ahead of its retries; only 429, 503, 502/504 for safe methods, resets
    /// and timeouts are worth the wait.
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly object _randomGate = new object();
        private readonly Random _random;

        public RetryPolicy(int seed = 0)
        {
            _random = seed == 0 ? new Random() : new Random(seed);
        }

        /// <summary>Attempts in all, the first included.</summary>
        public int MaxAttempts { get; set; } = 6;

        /// <summary>The most time spent waiting between attempts of one request, in all.</summary>
        public TimeSpan MaxTotalDelay { get; set; } = TimeSpan.FromMinutes(3);

        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The latest a Retry-After may ask for; longer requests fail at once, with the wait in the error.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

        public static RetryPolicy None => new RetryPolicy { MaxAttempts = 1 };

        /// <summary>
        /// 429 and 503 mean the request was not processed, so every method may be sent again. 502 and 504 can come
        /// after the server acted, so only requests that are safe to repeat are retried on them.
        /// </summary>
        public bool IsRetryable(int status, HttpMethod method)
        {
            if (status == 429 || status == 503) return true;
            if (status == 502 || status == 504) return IsIdempotent(method);
            return false;
        }

        public static bool IsIdempotent(HttpMethod method) =>
            method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

        /// <summary>The server's Retry-After as a wait from now, in delta-seconds or HTTP-date form; null when absent.</summary>
        public static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            RetryConditionHeaderValue header = response.Headers.RetryAfter;
            if (header?.Delta != null) return Clamp(header.Delta.Value);
            if (header?.Date != null) return Clamp(header.Date.Value - now);
            // Some servers send fractions ("1.5"), which the typed header rejects.
            if (response.Headers.TryGetValues("Retry-After", out var raw))
            {
                foreach (var value in raw)
                {
                    if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                        return Clamp(TimeSpan.FromSeconds(seconds));
                }
            }
            return null;
        }

        /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 for the first retry).</summary>
        public TimeSpan DelayFor(int nextAttempt, TimeSpan? retryAfter)
        {
            if (retryAfter.HasValue)
            {
                // A little extra on top of Retry-After, so that many clients told the same time do not return together.
                var spread = Math.Min(1000, retryAfter.Value.TotalMilliseconds * 0.1);
                return retryAfter.Value + TimeSpan.FromMilliseconds(NextDouble() * spread);
            }
            var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, nextAttempt - 2));
            var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
            // "Equal jitter": half fixed, half random.
            return TimeSpan.FromMilliseconds(capped / 2 + NextDouble() * capped / 2);
        }

        private double NextDouble()
        {
            lock (_randomGate) return _random.NextDouble();
        }

        private static TimeSpan Clamp(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
    }
}
