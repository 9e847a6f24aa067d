using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;
using Newtonsoft.Json.Linq;

namespace DigitalChannels.Client.Connect.Scheduler
{
    /// <summary>What New-, Get-, Set- and Remove-ConnectScheduledEvent do; the cmdlets only bind parameters and call these.</summary>
    public static class ConnectScheduledEventCommands
    {
        public const string Noun = "ConnectScheduledEvent";

        /// <summary>
        /// Schedules the custom-event flow <paramref name="flow"/> at <paramref name="start"/>, once or every
        /// <paramref name="interval"/> units of <paramref name="recurrence"/>, until <paramref name="end"/> if given.
        /// </summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, string name, ConnectServiceIdentity service,
            ConnectFlowIdentity flow, DateTimeOffset start, ConnectScheduleRecurrence recurrence, int interval, DateTimeOffset? end, bool disabled)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The scheduled event's name is empty.", nameof(name));
            if (flow == null) throw new ArgumentNullException(nameof(flow));
            CheckSchedule(recurrence, interval);
            connection.ConnectScheduler.RequireApi("Scheduling an event");
            var token = host.CancellationToken;
            var target = await ReferenceNotFoundException.Resolve(flow.ResolveAsync(connection, service, token));
            name = name.Trim();
            var startUtc = start.ToUniversalTime();
            var endUtc = end?.ToUniversalTime();
            var body = new JObject
            {
                ["name"] = name,
                ["serviceId"] = target.ServiceId,
                ["flowId"] = target.Id,
                ["startTime"] = ConnectSchedulerClient.Format(startUtc),
                ["recurrence"] = recurrence.ToString(),
                ["interval"] = interval,
                ["enabled"] = !disabled,
            };
            if (endUtc.HasValue) body["endTime"] = ConnectSchedulerClient.Format(endUtc.Value);
            var when = recurrence == ConnectScheduleRecurrence.Once ? $"at {startUtc:u}" : $"{Describe(recurrence, interval)} from {startUtc:u}{(endUtc.HasValue ? $" until {endUtc:u}" : "")}";
            if (!host.ShouldProcess($"Scheduled event '{name}'", $"Trigger flow '{target.Name}' of service '{target.ServiceName}' {when}")) return;
            var created = await connection.ConnectScheduler.CreateAsync(body, token);
            host.WriteVerbose($"Scheduled '{created.Name}' (id {created.Id}); next run {created.NextRunTime:u} (tenant time).");
            host.WriteObject(created);
        }

        /// <summary>Every event, or those whose name matches <paramref name="name"/> (wildcards); a plain name that matches nothing is an error.</summary>
        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string name)
        {
            connection.ConnectScheduler.RequireApi("Listing scheduled events");
            if (!string.IsNullOrEmpty(name) && Guid.TryParse(name.Trim(), out _))
            {
                host.WriteObject(await ResolveAsync(connection, new ConnectScheduledEventIdentity(name), host.CancellationToken));
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            var found = false;
            foreach (var scheduled in await connection.ConnectScheduler.ListAsync(host.CancellationToken))
            {
                if (pattern != null && !pattern.IsMatch(scheduled.Name)) continue;
                found = true;
                host.WriteObject(scheduled);
            }
            if (!found && !string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
                throw new IdentityNotFoundException($"No scheduled event is named '{name}'.", name);
        }

        /// <summary>Changes what is given; a changed schedule (or enabling) makes the next run the first one from now on.</summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectScheduledEventIdentity scheduledEvent,
            string newName, ConnectServiceIdentity service, ConnectFlowIdentity flow, DateTimeOffset? start, ConnectScheduleRecurrence? recurrence, int? interval,
            DateTimeOffset? end, bool removeEnd, bool? enabled, bool passThru)
        {
            if (scheduledEvent == null) throw new ArgumentNullException(nameof(scheduledEvent));
            if (end.HasValue && removeEnd) throw new ArgumentException("Give -EndTime or -NoEndTime, not both.", nameof(end));
            if (service != null && flow == null) throw new ArgumentException("-Service names the service of -Flow: give -Flow too.", nameof(service));
            if (interval.HasValue && (interval < 1 || interval > 999)) throw new ArgumentOutOfRangeException(nameof(interval), interval, $"-Interval {interval} is not from 1 to 999.");
            connection.ConnectScheduler.RequireApi("Changing a scheduled event");
            var token = host.CancellationToken;
            var current = await ResolveAsync(connection, scheduledEvent, token);
            var changes = new JObject();
            var what = new System.Collections.Generic.List<string>();
            if (!string.IsNullOrWhiteSpace(newName) && newName.Trim() != current.Name)
            {
                changes["name"] = newName.Trim();
                what.Add($"name '{newName.Trim()}'");
            }
            if (flow != null)
            {
                var target = await ReferenceNotFoundException.Resolve(flow.ResolveAsync(connection, service ?? new ConnectServiceIdentity(current.ServiceId), token));
                changes["serviceId"] = target.ServiceId;
                changes["flowId"] = target.Id;
                what.Add($"flow '{target.Name}' of service '{target.ServiceName}'");
            }
            if (start.HasValue)
            {
                changes["startTime"] = ConnectSchedulerClient.Format(start.Value);
                what.Add($"start {start.Value.ToUniversalTime():u}");
            }
            if (recurrence.HasValue)
            {
                changes["recurrence"] = recurrence.Value.ToString();
                // Once takes no interval; a recurrence keeps the one given, or 1.
                if (!interval.HasValue) changes["interval"] = recurrence == ConnectScheduleRecurrence.Once ? 1 : current.Interval;
                what.Add(recurrence == ConnectScheduleRecurrence.Once ? "once" : Describe(recurrence.Value, interval ?? current.Interval));
            }
            if (interval.HasValue)
            {
                changes["interval"] = interval.Value;
                if (!recurrence.HasValue) what.Add($"interval {interval}");
            }
            if (end.HasValue)
            {
                changes["endTime"] = ConnectSchedulerClient.Format(end.Value);
                what.Add($"end {end.Value.ToUniversalTime():u}");
            }
            if (removeEnd)
            {
                changes["endTime"] = JValue.CreateNull();
                what.Add("no end");
            }
            if (enabled.HasValue && enabled.Value != current.Enabled)
            {
                changes["enabled"] = enabled.Value;
                what.Add(enabled.Value ? "enabled" : "disabled");
            }
            if (changes.Count == 0)
            {
                host.WriteVerbose($"Nothing to change on scheduled event '{current.Name}'.");
                if (passThru) host.WriteObject(current);
                return;
            }
            if (!host.ShouldProcess($"Scheduled event '{current.Name}' (id {current.Id})", "Set " + string.Join(", ", what))) return;
            var updated = await connection.ConnectScheduler.UpdateAsync(current.Id, changes, token);
            host.WriteVerbose($"Changed scheduled event '{updated.Name}': {string.Join(", ", what)}; next run {(updated.NextRunTime.HasValue ? updated.NextRunTime.Value.ToString("u") : "none")}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, ConnectScheduledEventIdentity scheduledEvent)
        {
            if (scheduledEvent == null) throw new ArgumentNullException(nameof(scheduledEvent));
            connection.ConnectScheduler.RequireApi("Removing a scheduled event");
            var current = await ResolveAsync(connection, scheduledEvent, host.CancellationToken);
            if (!host.ShouldProcess($"Scheduled event '{current.Name}' (id {current.Id}, flow '{current.FlowName}')", "Remove")) return;
            await connection.ConnectScheduler.DeleteAsync(current.Id, host.CancellationToken);
            host.WriteVerbose($"Removed scheduled event '{current.Name}' (id {current.Id}); its past runs stay in the logs.");
        }

        /// <summary>The event as it is now: by id, exact name (case-insensitive) or a pattern that matches one name.</summary>
        public static async Task<ConnectScheduledEvent> ResolveAsync(DigitalChannelsConnection connection, ConnectScheduledEventIdentity identity, CancellationToken cancellationToken)
        {
            if (identity.Id != null)
                return await connection.ConnectScheduler.GetAsync(identity.Id, cancellationToken)
                    ?? throw new IdentityNotFoundException($"No scheduled event has the id '{identity.Id}'.", identity);
            var all = await connection.ConnectScheduler.ListAsync(cancellationToken);
            if (WildcardLookup.IsPattern(identity.Name)) return WildcardLookup.Single(all, identity.Name, e => e.Name, "scheduled event", identity);
            return all.FirstOrDefault(e => string.Equals(e.Name, identity.Name, StringComparison.OrdinalIgnoreCase))
                ?? throw new IdentityNotFoundException($"No scheduled event is named '{identity.Name}'.", identity);
        }

        private static void CheckSchedule(ConnectScheduleRecurrence recurrence, int interval)
        {
            if (interval < 1 || interval > 999) throw new ArgumentOutOfRangeException(nameof(interval), interval, $"-Interval {interval} is not from 1 to 999.");
            if (recurrence == ConnectScheduleRecurrence.Once && interval != 1)
                throw new ArgumentException($"-Interval {interval} needs -Recurrence Minutes, Hourly, Daily or Weekly; a Once event runs once.", nameof(interval));
        }

        private static string Describe(ConnectScheduleRecurrence recurrence, int interval) =>
            new ConnectScheduledEvent { Recurrence = recurrence.ToString(), Interval = interval }.Schedule.ToLowerInvariant();
    }
}
