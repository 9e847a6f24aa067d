namespace DigitalChannels.IntegrationTests.Hardening;

/// <summary>
/// The fuzz and fault-injection runs load the machine for a minute each: they run alone, after the parallel tests, so
/// that they neither slow the timing-sensitive tests (rate-limit windows) nor are slowed by them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyCollection
{
    public const string Name = "Heavy: fuzz and fault injection";
}
