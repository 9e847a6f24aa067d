using DigitalChannels.Client.Auth;
using DigitalChannels.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DigitalChannels.IntegrationTests.Engage;

/// <summary>
/// A sandbox created before the Engage step (schema 7) is brought up to date on its next start: the Engage tables
/// appear and its well-known default app gains the Engage scopes, so that Connect-DigitalChannels, which asks for
/// every default scope, keeps working.
/// </summary>
public sealed class EngageSchemaUpgradeTests
{
    [Fact]
    public async Task An_older_sandbox_gets_the_Engage_tables_and_scopes_on_its_next_start()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        sandbox.Kill();
        // Turn the database back into what an older sandbox left: no Engage tables, no step 8, no Engage scopes.
        using (var connection = new SqliteConnection($"Data Source={sandbox.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                DROP TABLE engage_conversation_messages; DROP TABLE engage_conversations; DROP TABLE engage_working_hours;
                DROP TABLE engage_blocked_words; DROP TABLE engage_templates; DROP TABLE engage_attachment_channels; DROP TABLE engage_attachment_settings;
                DELETE FROM schema_version WHERE version = 8;
                -- ... and before step 9 (provisioning, Engage users, chat widgets), which an older sandbox lacks too.
                DROP TABLE digital_channels_provisioning; DROP TABLE engage_users; DROP TABLE engage_chat_widgets;
                ALTER TABLE organizations DROP COLUMN digital_channel; ALTER TABLE teammate_invitations DROP COLUMN purpose;
                DELETE FROM schema_version WHERE version = 9;
                DROP TABLE authorization_codes; DROP TABLE refresh_tokens; DROP TABLE device_codes; DROP TABLE sign_in_sessions;
                DELETE FROM schema_version WHERE version = 10;
                {OlderSchema.WithoutStepsFrom(11)}
                UPDATE service_applications SET scopes = replace(replace(scopes, ' engage:config_read', ''), ' engage:config_write', '');
                """;
            command.ExecuteNonQuery();
        }

        await sandbox.RestartAsync();
        using var api = new SandboxApi(sandbox);
        var token = await api.TokenAsync(sandbox.ClientId, sandbox.ClientSecret, string.Join(' ', Scopes.Default));
        using var response = await api.SendAsync(HttpMethod.Get, $"/engage/v1/organization/{sandbox.OrgId}/settings/attachments", token);
        var settings = await SandboxApi.ExpectJsonAsync(response, System.Net.HttpStatusCode.OK);
        Assert.True(settings.GetProperty("enabled").GetBoolean());
    }
}
