namespace DigitalChannels.Sandbox.Storage;

/// <summary>One step of the schema. Each area (Tenancy, Identity, Connect, …) declares its own steps next to its repositories.</summary>
/// <param name="Version">Position in the ordered list; never renumber or edit a released step, add a new one.</param>
/// <param name="Name">Short description kept in the <c>schema_version</c> table.</param>
/// <param name="Sql">DDL run in one transaction together with the version row.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql);
