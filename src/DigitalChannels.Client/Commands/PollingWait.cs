using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace DigitalChannels.Client.Commands
{
    /// <summary>What one poll of a waited-for item found: done (with the object to write), or still pending.</summary>
    public sealed class WaitState
    {
        private WaitState() { }

        public bool IsDone { get; private set; }

        /// <summary>When done: what the wait writes for the item.</summary>
        public object Result { get; private set; }

        /// <summary>When pending: what it is doing, for the progress bar and the timeout message ("Publishing version 2").</summary>
        public string Status { get; private set; }

        /// <summary>When pending: how long the whole thing takes (publishing, provisioning), when that is known; the progress bar counts against it.</summary>
        public TimeSpan? Expected { get; private set; }

        /// <summary>When pending: the timeout error's message for this item, given the timeout.</summary>
        public Func<TimeSpan, string> TimedOut { get; private set; }

        /// <summary>When pending: when the platform said it will be done, for the progress bar's SecondsRemaining.</summary>
        public DateTimeOffset? EndsAt { get; private set; }

        public static WaitState Done(object result) => new WaitState { IsDone = true, Result = result };

        public static WaitState Pending(string status, TimeSpan? expected = null, Func<TimeSpan, string> timedOut = null, DateTimeOffset? endsAt = null) =>
            new WaitState { Status = status, Expected = expected > TimeSpan.Zero ? expected : null, TimedOut = timedOut, EndsAt = endsAt };
    }

    /// <summary>
    /// Waits for many things at once, as Wait-Job does: every pending item is polled in each round (concurrently), each
    /// is written as soon as it is done, one progress bar shows them all, and one timeout covers the whole wait. An item
    /// that fails (or times out) is written as its own error; the others are still waited for.
    /// </summary>
    public static class PollingWait
    {
        public static async Task AllAsync<T>(ICommandHost host, string noun, string activity, IReadOnlyList<T> items,
            Func<T, CancellationToken, Task<WaitState>> poll, TimeSpan timeout, TimeSpan pollInterval,
            Func<TimeSpan, CancellationToken, Task> delay = null, Func<T, string> describe = null)
        {
            if (host == null) throw new ArgumentNullException(nameof(host));
            if (items == null) throw new ArgumentNullException(nameof(items));
            if (poll == null) throw new ArgumentNullException(nameof(poll));
            if (timeout <= TimeSpan.Zero) throw new ArgumentException($"The timeout {timeout} is not positive.", nameof(timeout));
            if (pollInterval <= TimeSpan.Zero) throw new ArgumentException($"The poll interval {pollInterval} is not positive.", nameof(pollInterval));
            if (items.Count == 0) return;
            delay = delay ?? ((d, ct) => Task.Delay(d, ct));
            describe = describe ?? (item => item?.ToString());
            var token = host.CancellationToken;
            var total = items.Count;
            var pending = items.ToList();
            var done = 0;
            var waited = TimeSpan.Zero;
            // One bar for everything waited for, closed however the wait ends.
            using (var bar = new ProgressActivity(host, 1, activity))
            {
                while (true)
                {
                    var rounds = await Task.WhenAll(pending.Select(item => PollOneAsync(item, poll, token)));
                    var stillPending = new List<(T Item, WaitState State)>();
                    foreach (var (item, state, failure) in rounds)
                    {
                        if (failure != null)
                        {
                            done++;
                            Fail(host, noun, failure, item);
                        }
                        else if (state.IsDone)
                        {
                            done++;
                            host.WriteObject(state.Result);
                        }
                        else stillPending.Add((item, state));
                    }
                    pending = stillPending.Select(p => p.Item).ToList();
                    if (pending.Count == 0) return;
                    if (waited >= timeout)
                    {
                        foreach (var (item, state) in stillPending)
                            Fail(host, noun, new TimeoutException(state.TimedOut?.Invoke(timeout) ?? $"'{describe(item)}' was still {state.Status} after {timeout.TotalSeconds:0} s."), item);
                        return;
                    }

                    var first = stillPending[0];
                    var percent = -1;
                    // Every item was first polled in round one, so each has waited as long as the whole wait.
                    if (stillPending.All(p => p.State.Expected.HasValue))
                        percent = (int)Math.Max(0, Math.Min(99,
                            100 * (done + stillPending.Sum(p => Math.Min(1, waited.TotalSeconds / p.State.Expected.Value.TotalSeconds))) / total));
                    // The wait ends when the last item the platform gave an end for is done.
                    var endsAt = stillPending.All(p => p.State.EndsAt.HasValue) ? stillPending.Max(p => p.State.EndsAt) : null;
                    bar.Report(total == 1 ? first.State.Status : $"{done} of {total} done; '{describe(first.Item)}': {first.State.Status}", percent, endsAt,
                        currentOperation: stillPending.Count > 1 ? $"Waiting for {string.Join(", ", stillPending.Select(p => "'" + describe(p.Item) + "'"))}" : null);
                    await delay(pollInterval, token);
                    waited += pollInterval;
                }
            }
        }

        private static async Task<(T Item, WaitState State, Exception Failure)> PollOneAsync<T>(T item, Func<T, CancellationToken, Task<WaitState>> poll, CancellationToken token)
        {
            try
            {
                return (item, await poll(item, token), null);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                return (item, null, ex);
            }
        }

        /// <summary>One item's failure is its own error; one that ends every command (not connected, token refused) ends the wait.</summary>
        private static void Fail<T>(ICommandHost host, string noun, Exception failure, T item)
        {
            var error = CommandErrors.From(noun, failure, item);
            if (CommandErrors.EndsCommand(failure)) throw new CommandTerminatedException(error);
            host.WriteError(error);
        }
    }
}
