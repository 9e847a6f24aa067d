using System;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>PowerShell dates are local unless they say otherwise (Get-Date); the traffic API takes instants.</summary>
    internal static class TrafficPeriod
    {
        public static DateTimeOffset Of(DateTime time) => new DateTimeOffset(time.ToUniversalTime());
    }
}
