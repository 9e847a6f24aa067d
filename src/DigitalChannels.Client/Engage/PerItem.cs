using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Engage
{
    /// <summary>
    /// Runs a command once per value of an array parameter (-Word a, b, c) so that one failed value is a
    /// non-terminating error and the others still run, exactly as when the values come down the pipeline.
    /// A failure that would fail every value the same way (not connected, no public API, 401) still ends the command.
    /// </summary>
    internal static class PerItem
    {
        public static async Task RunAsync<T>(ICommandHost host, string noun, IEnumerable<T> items, Func<T, Task> action)
        {
            foreach (var item in items)
            {
                try
                {
                    await action(item);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException) && !(ex is CommandTerminatedException) && !CommandErrors.EndsCommand(ex))
                {
                    host.WriteError(CommandErrors.From(noun, ex, item));
                }
            }
        }
    }
}
