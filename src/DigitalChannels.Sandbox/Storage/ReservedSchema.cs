namespace DigitalChannels.Sandbox.Storage;

/// <summary>Placeholders for schema steps whose areas are being built; each moves to its area's schema file when filled.</summary>
public static class ReservedSchema
{
    public static readonly SchemaMigration DigitalChannelsAndEngage = new(8, "digital channels and engage (reserved)", "SELECT 1;");
}
