using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Http
{
    /// <summary>
    /// Bounds the HTTP requests in flight per host for everything that runs inside a scope, whatever connection sends
    /// them: forty lab pods each have their own connection, but they share one platform (and one sandbox). Ambient,
    /// like <see cref="PipelineDiagnostics"/>, because the bound belongs to the run (-ThrottleLimit), not to a connection.
    /// A request holds its slot only while it is on the wire: never while it waits for Retry-After, and never while a
    /// lab pod waits for provisioning or Make Live, so waiting costs nothing.
    /// </summary>
    public sealed class RequestGate : IDisposable
    {
        private static readonly AsyncLocal<RequestGate> Current = new AsyncLocal<RequestGate>();

        private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.OrdinalIgnoreCase);
        private readonly RequestGate _previous;
        private long _inFlight, _peakInFlight;

        private RequestGate(int limitPerHost, RequestGate previous)
        {
            LimitPerHost = limitPerHost;
            _previous = previous;
        }

        /// <summary>The most requests on the wire at once to any one host.</summary>
        public int LimitPerHost { get; }

        /// <summary>The most requests that were on the wire at once (all hosts): what the bound actually allowed.</summary>
        public long PeakInFlight => Interlocked.Read(ref _peakInFlight);

        /// <summary>From here until Dispose (in this flow of execution and the tasks it starts), at most <paramref name="limitPerHost"/> requests per host.</summary>
        public static RequestGate Begin(int limitPerHost)
        {
            if (limitPerHost < 1) throw new ArgumentOutOfRangeException(nameof(limitPerHost), limitPerHost, $"The limit of requests in flight {limitPerHost} must be at least 1.");
            var gate = new RequestGate(limitPerHost, Current.Value);
            Current.Value = gate;
            return gate;
        }

        /// <summary>Waits for a slot for a request to <paramref name="uri"/>'s host; the slot is released when the result is disposed.</summary>
        internal static async Task<IDisposable> EnterAsync(Uri uri, CancellationToken cancellationToken)
        {
            var gate = Current.Value;
            if (gate == null) return null;
            var semaphore = gate._hosts.GetOrAdd(uri.Authority, _ => new SemaphoreSlim(gate.LimitPerHost));
            await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            var now = Interlocked.Increment(ref gate._inFlight);
            for (var peak = Interlocked.Read(ref gate._peakInFlight); now > peak; peak = Interlocked.Read(ref gate._peakInFlight))
                if (Interlocked.CompareExchange(ref gate._peakInFlight, now, peak) == peak) break;
            return new Slot(gate, semaphore);
        }

        public void Dispose()
        {
            if (Current.Value == this) Current.Value = _previous;
        }

        private sealed class Slot : IDisposable
        {
            private RequestGate _gate;
            private readonly SemaphoreSlim _semaphore;

            public Slot(RequestGate gate, SemaphoreSlim semaphore)
            {
                _gate = gate;
                _semaphore = semaphore;
            }

            public void Dispose()
            {
                var gate = Interlocked.Exchange(ref _gate, null);
                if (gate == null) return;
                Interlocked.Decrement(ref gate._inFlight);
                _semaphore.Release();
            }
        }
    }
}
