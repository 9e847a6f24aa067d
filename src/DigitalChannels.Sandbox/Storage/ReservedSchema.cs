namespace DigitalChannels.Sandbox.Storage;

/// <summary>Placeholders for schema steps whose areas are being built; each moves to its area's schema file when filled.</summary>
public static class ReservedSchema
{
    public static readonly SchemaMigration ConnectFlows = new(5, "connect flows (reserved)", "SELECT 1;");
    public static readonly SchemaMigration ConnectTeammatesAndIntegrations = new(6, "connect teammates and integrations (reserved)", "SELECT 1;");
    public static readonly SchemaMigration ContactCenter = new(7, "contact center (reserved)", "SELECT 1;");
}
