using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Teammates;

/// <summary>
/// The 24-hour join link (lab rule 8) by the sandbox clock, and an Owner change done by Partner Success. Each test owns
/// its sandbox: moving the clock or the Owner would disturb tests sharing one.
/// </summary>
public sealed class InvitationExpiryTests
{
    [Fact]
    public async Task An_expired_invitation_is_refused_with_advice_and_a_new_invitation_works()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("late");
        var id = (await api.InviteAsync(owner, email, "FullAccess")).GetProperty("id").GetString()!;
        var firstLink = await api.InvitationPathAsync(email);

        // One second before the end of the 24 hours the link still shows as pending.
        await AdvanceAsync(api, owner, 24 * 3600 - 1);
        using (var pending = await api.SendAsync(HttpMethod.Get, firstLink, token: null))
            Assert.Equal("Pending", (await SandboxApi.ExpectJsonAsync(pending, HttpStatusCode.OK)).GetProperty("state").GetString());

        owner = await api.OwnerTokenAsync(); // a day has passed: the old token has expired
        await AdvanceAsync(api, owner, 1);
        Assert.Equal("InvitationExpired", (await api.GetTeammateAsync(owner, id)).GetProperty("status").GetString());
        using (var expired = await api.AcceptAsync(firstLink, "Too Late"))
            await SandboxApi.ExpectProblemAsync(expired, HttpStatusCode.Gone, "invitation.expired",
                "This invitation expired at", "valid for 24 hours", "Ask the Owner or a Full Access teammate for a new invitation.");

        using (var again = await api.SendAsync(HttpMethod.Post, $"{api.TeammatesPath()}/{id}/invitation", owner))
            Assert.Equal("Invited", (await SandboxApi.ExpectJsonAsync(again, HttpStatusCode.OK)).GetProperty("status").GetString());
        var secondLink = await api.InvitationPathAsync(email);
        Assert.NotEqual(firstLink, secondLink);

        using (var old = await api.AcceptAsync(firstLink, "Old Link"))
            await SandboxApi.ExpectProblemAsync(old, HttpStatusCode.Gone, "invitation.superseded", "use the link in the newest invitation mail");
        using (var joined = await api.AcceptAsync(secondLink, "On Time"))
            Assert.Equal("Active", (await SandboxApi.ExpectJsonAsync(joined, HttpStatusCode.OK)).GetProperty("status").GetString());
        using (var reinvite = await api.SendAsync(HttpMethod.Post, $"{api.TeammatesPath()}/{id}/invitation", owner))
            await SandboxApi.ExpectProblemAsync(reinvite, HttpStatusCode.Conflict, "teammate.already_active", $"'{email}' has already joined");
    }

    [Fact]
    public async Task Making_someone_owner_does_not_grant_decrypt_logs()
    {
        using var sandbox = new SandboxProcess();
        await sandbox.StartAsync();
        using var api = new SandboxApi(sandbox);
        var owner = await api.OwnerTokenAsync();
        var ownerId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(owner).GetClaim("user_id").Value;
        Assert.False((await api.GetTeammateAsync(owner, ownerId)).GetProperty("decryptLogs").GetBoolean());

        // Partner Success moves the Owner role to another teammate; the API cannot, so the test does it in the database.
        var email = TeammateApi.UniqueEmail("new-owner");
        var successorId = await api.JoinedTeammateAsync(owner, email, "FullAccess");
        var successor = await api.TokenForTeammateAsync(email); // while the old Owner may still create apps
        new DigitalChannels.Sandbox.Storage.SandboxDatabase(sandbox.DataDirectory).Write(session =>
        {
            session.Execute("UPDATE users SET connect_role = 'FullAccess' WHERE id = $id;", ("$id", ownerId));
            session.Execute("UPDATE users SET connect_role = 'Owner' WHERE id = $id;", ("$id", successorId));
        });

        var teammate = await api.GetTeammateAsync(successor, successorId);
        Assert.Equal("Owner", teammate.GetProperty("role").GetString());
        Assert.False(teammate.GetProperty("decryptLogs").GetBoolean());

        // The former Owner, now Full Access, is refused; the new Owner grants it to itself.
        using (var refused = await api.SendAsync(HttpMethod.Put, $"{api.TeammatesPath()}/{successorId}/decrypt-logs", await api.OwnerTokenAsync()))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'FullAccess' may not grant or revoke Decrypt Logs");
        using (var granted = await api.SendAsync(HttpMethod.Put, $"{api.TeammatesPath()}/{successorId}/decrypt-logs", successor))
            Assert.True((await SandboxApi.ExpectJsonAsync(granted, HttpStatusCode.OK)).GetProperty("decryptLogs").GetBoolean());
    }

    private static async Task AdvanceAsync(SandboxApi api, string token, int seconds)
    {
        using var response = await api.SendAsync(HttpMethod.Post, "/sandbox/v1/clock/advance", token, new { seconds });
        await SandboxApi.ExpectJsonAsync(response, HttpStatusCode.OK);
    }
}
