using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Lab.Steps
{
    /// <summary>
    /// Lab 12.2 "8. Settings": "go to Settings > Tenant Settings and verify the configured Time Zone and Date Format".
    /// A value the definition leaves out is expected as it is; a difference is set (which needs the tenant's Owner).
    /// </summary>
    public sealed class TenantSettingsStep : LabStep
    {
        public const string StepId = "12.2-tenant-settings";
        private const string Target = "Connect tenant settings";

        public TenantSettingsStep() : base(StepId, "12.2", "8. Settings (Tenant Settings: time zone and date format)", ProvisioningStep.StepId) { }

        public override bool AppliesTo(LabDefinition definition) => definition.Connect?.TenantSettings != null;

        /// <summary>"time zone 'Europe/London', date format 'YYYY-MM-DD HH:mm:ss'": drift pairs the two parts by name.</summary>
        private static string Describe(string timeZone, string dateFormat) => $"time zone '{timeZone}', date format '{dateFormat}'";

        public override async Task<IReadOnlyList<LabObservation>> ObserveAsync(LabContext context)
        {
            var wanted = context.Definition.Connect.TenantSettings;
            var client = context.Connection.ConnectSettings;
            var current = await client.GetTenantSettingAsync(context.CancellationToken).ConfigureAwait(false);
            var actual = Describe(current.TimeZone, current.DateFormat);
            // IANA ids are compared regardless of case, as the tenant resolves them; the tenant's spelling is what it shows.
            var zoneMatches = wanted.TimeZone == null || string.Equals(wanted.TimeZone, current.TimeZone, StringComparison.OrdinalIgnoreCase);
            var formatMatches = wanted.DateFormat == null || string.Equals(wanted.DateFormat, current.DateFormat, StringComparison.Ordinal);
            var expectation = Describe(zoneMatches ? current.TimeZone : wanted.TimeZone, wanted.DateFormat ?? current.DateFormat);
            if (zoneMatches && formatMatches) return new[] { LabObservation.Matches(Target, expectation, actual) };
            return new[]
            {
                LabObservation.Differs(Target, expectation, actual, ct => client.SetTenantSettingAsync(zoneMatches ? null : wanted.TimeZone, formatMatches ? null : wanted.DateFormat, ct)),
            };
        }

        /// <summary>A new Connect tenant has UTC and the platform's default date format.</summary>
        public override IReadOnlyList<LabObservation> Predict(LabContext context)
        {
            var wanted = context.Definition.Connect.TenantSettings;
            var zone = wanted.TimeZone == null || string.Equals(wanted.TimeZone, ConnectTenantSettingValues.DefaultTimeZone, StringComparison.OrdinalIgnoreCase)
                ? ConnectTenantSettingValues.DefaultTimeZone : wanted.TimeZone;
            return new[]
            {
                LabObservation.Predict(Target, Describe(zone, wanted.DateFormat ?? ConnectTenantSettingValues.DefaultDateFormat),
                    Describe(ConnectTenantSettingValues.DefaultTimeZone, ConnectTenantSettingValues.DefaultDateFormat)),
            };
        }
    }
}
