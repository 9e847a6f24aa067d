using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Completion
{
    /// <summary>
    /// What Tab offers, per connection, kind and scope (powershell-practices §1.14): a lookup is kept for a short while so
    /// that pressing Tab again costs nothing, and each answer is time-boxed so that Tab never hangs on a slow or absent
    /// tenant. A lookup that outlives its time box goes on in the background (bounded too) and fills the cache for the
    /// next Tab; one that fails leaves nothing behind. Every failure is "no names": completion never raises an error.
    /// </summary>
    public sealed class CompletionCache
    {
        /// <summary>The environment variable that overrides the time box, in seconds (as PnP's PNPPSCOMPLETERTIMEOUT).</summary>
        public const string TimeoutVariable = "DIGITALCHANNELS_COMPLETER_TIMEOUT";

        public static readonly TimeSpan DefaultTimeBox = TimeSpan.FromSeconds(2);
        public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

        /// <summary>How long a lookup may go on in the background after its time box, before it is cancelled.</summary>
        public static readonly TimeSpan BackgroundLimit = TimeSpan.FromSeconds(30);

        private static readonly IReadOnlyList<string> None = new string[0];

        // Per connection, and gone with it: a closed connection's names are never offered for a new one.
        private readonly ConditionalWeakTable<DigitalChannelsConnection, ConcurrentDictionary<string, Entry>> _byConnection =
            new ConditionalWeakTable<DigitalChannelsConnection, ConcurrentDictionary<string, Entry>>();

        private readonly Func<DigitalChannelsConnection, TenantObjectKind, string, CancellationToken, Task<IReadOnlyList<string>>> _lister;
        private readonly Func<DateTimeOffset> _clock;

        public CompletionCache(TimeSpan lifetime,
            Func<DigitalChannelsConnection, TenantObjectKind, string, CancellationToken, Task<IReadOnlyList<string>>> lister = null,
            Func<DateTimeOffset> clock = null)
        {
            if (lifetime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "The lifetime is negative.");
            Lifetime = lifetime;
            _lister = lister ?? TenantNames.ListAsync;
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
        }

        /// <summary>The one cache of the process (connections are per runspace, so entries are too).</summary>
        public static CompletionCache Shared { get; } = new CompletionCache(DefaultLifetime);

        public TimeSpan Lifetime { get; }

        /// <summary>The time box: <see cref="TimeoutVariable"/> when it holds a positive number of seconds, else 2 s.</summary>
        public static TimeSpan TimeBox
        {
            get
            {
                var text = System.Environment.GetEnvironmentVariable(TimeoutVariable);
                return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                    ? TimeSpan.FromSeconds(Math.Min(seconds, 60))
                    : DefaultTimeBox;
            }
        }

        /// <summary>
        /// The names, from the cache or a lookup that answers within <paramref name="timeBox"/>; otherwise none. Never throws
        /// for a tenant's failure (an absent server, a refused token, an operation without public API).
        /// </summary>
        public IReadOnlyList<string> GetNames(DigitalChannelsConnection connection, TenantObjectKind kind, string scope, TimeSpan timeBox)
        {
            if (connection == null) return None;
            var entries = _byConnection.GetValue(connection, _ => new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase));
            var key = kind + "|" + (scope ?? string.Empty);
            var now = _clock();
            var entry = entries.AddOrUpdate(key,
                _ => Start(connection, kind, scope, now),
                (_, existing) => existing.IsUsable(now, Lifetime) ? existing : Start(connection, kind, scope, now));

            try
            {
                if (!entry.Lookup.Wait(timeBox)) return None;
                return entry.Lookup.Result ?? None;
            }
            catch (AggregateException)
            {
                entries.TryRemove(key, out _);
                return None;
            }
        }

        /// <summary>Forgets every lookup of the connection (after a change, say).</summary>
        public void Clear(DigitalChannelsConnection connection)
        {
            if (connection != null) _byConnection.Remove(connection);
        }

        private Entry Start(DigitalChannelsConnection connection, TenantObjectKind kind, string scope, DateTimeOffset now)
        {
            var cancellation = new CancellationTokenSource(BackgroundLimit);
            // Off the caller's thread and context: the pipeline thread only waits, and never for longer than the time box.
            var lookup = Task.Run(() => _lister(connection, kind, scope, cancellation.Token), cancellation.Token);
            lookup.ContinueWith(_ => cancellation.Dispose(), TaskScheduler.Default);
            return new Entry(lookup, now);
        }

        private sealed class Entry
        {
            public Entry(Task<IReadOnlyList<string>> lookup, DateTimeOffset started)
            {
                Lookup = lookup;
                Started = started;
            }

            public Task<IReadOnlyList<string>> Lookup { get; }
            public DateTimeOffset Started { get; }

            /// <summary>Still running (so worth waiting on again), or finished well within its lifetime.</summary>
            public bool IsUsable(DateTimeOffset now, TimeSpan lifetime) =>
                !Lookup.IsFaulted && !Lookup.IsCanceled && (!Lookup.IsCompleted || now - Started < lifetime);
        }
    }
}
