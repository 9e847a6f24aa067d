using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Engage.WorkingHours
{
    /// <summary>What New/Get/Set/Remove-EngageWorkingHours do.</summary>
    public static class EngageWorkingHoursCommands
    {
        public const string Noun = "EngageWorkingHours";

        /// <summary>
        /// Creates working hours from <paramref name="weeklyHours"/> lines such as "Mon-Fri 09:00-17:00" and
        /// <paramref name="holidays"/> such as "2026-12-25 Christmas Day" (<see cref="EngageScheduleText"/>).
        /// </summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, string name, string timeZone,
            IReadOnlyList<string> weeklyHours, IReadOnlyList<string> holidays)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("The working hours name is empty.", nameof(name));
            name = name.Trim();
            var ranges = EngageScheduleText.ParseWeeklyHours(weeklyHours);
            var days = EngageScheduleText.ParseHolidays(holidays);
            if (!host.ShouldProcess($"Engage working hours '{name}' ({timeZone})", "Create")) return;
            var created = await connection.Engage.WorkingHours.CreateAsync(name, timeZone, ranges, days, host.CancellationToken);
            host.WriteVerbose($"Created Engage working hours '{created.Name}' (id {created.Id}): {created.Schedule}.");
            host.WriteObject(created);
        }

        public static async Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name)
        {
            var client = connection.Engage.WorkingHours;
            var token = host.CancellationToken;
            if (!string.IsNullOrWhiteSpace(id))
            {
                host.WriteObject(await client.GetAsync(id.Trim(), token) ?? throw new IdentityNotFoundException($"No Engage working hours have the id '{id}'.", id));
                return;
            }
            if (!string.IsNullOrEmpty(name) && !Wildcard.ContainsWildcard(name))
            {
                host.WriteObject(await client.FindByNameAsync(name, token) ?? throw new IdentityNotFoundException($"No Engage working hours are named '{name}'.", name));
                return;
            }
            var pattern = string.IsNullOrEmpty(name) ? null : new Wildcard(name);
            await foreach (var hours in client.ListAsync(pattern?.LongestLiteral(), token))
            {
                if (pattern == null || pattern.IsMatch(hours.Name)) host.WriteObject(hours);
            }
        }

        /// <summary>
        /// Changes what is given: <paramref name="weeklyHours"/> replaces the week and <paramref name="holidays"/> the
        /// holidays when not null (an empty list clears them).
        /// </summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, EngageWorkingHoursIdentity identity, string newName, string timeZone,
            IReadOnlyList<string> weeklyHours, IReadOnlyList<string> holidays, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var changes = new EngageWorkingHoursChanges
            {
                Name = newName,
                TimeZone = timeZone,
                WeeklyHours = weeklyHours == null ? null : EngageScheduleText.ParseWeeklyHours(weeklyHours),
                Holidays = holidays == null ? null : EngageScheduleText.ParseHolidays(holidays),
            };
            if (changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -TimeZone, -WeeklyHours or -Holiday.");
            if (newName != null && string.IsNullOrWhiteSpace(newName)) throw new ArgumentException("The new working hours name is empty.");
            var hours = await identity.ResolveAsync(connection.Engage.WorkingHours, host.CancellationToken);
            if (!host.ShouldProcess($"Engage working hours '{hours.Name}' (id {hours.Id})", "Set " + changes.Describe())) return;
            var updated = await connection.Engage.WorkingHours.UpdateAsync(hours.Id, changes, host.CancellationToken);
            host.WriteVerbose($"Changed Engage working hours '{updated.Name}' (id {updated.Id}): {changes.Describe()}.");
            if (passThru) host.WriteObject(updated);
        }

        public static async Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, EngageWorkingHoursIdentity identity)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            var hours = await identity.ResolveAsync(connection.Engage.WorkingHours, host.CancellationToken);
            if (!host.ShouldProcess($"Engage working hours '{hours.Name}' (id {hours.Id})", "Remove")) return;
            await connection.Engage.WorkingHours.DeleteAsync(hours.Id, host.CancellationToken);
            host.WriteVerbose($"Removed Engage working hours '{hours.Name}' (id {hours.Id}).");
        }
    }
}
