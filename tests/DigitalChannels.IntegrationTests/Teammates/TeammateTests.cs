using System.Net;
using DigitalChannels.IntegrationTests.Infrastructure;
using Xunit;

namespace DigitalChannels.IntegrationTests.Teammates;

/// <summary>Inviting, joining, the one Owner and Decrypt Logs (lab 12.4), over HTTP against the shared sandbox.</summary>
[Collection(SharedSandboxCollection.Name)]
public sealed class TeammateTests : IDisposable
{
    private readonly SandboxProcess sandbox;
    private readonly SandboxApi api;

    public TeammateTests(SandboxProcess sandbox)
    {
        this.sandbox = sandbox;
        api = new SandboxApi(sandbox);
    }

    [Fact]
    public async Task Full_access_teammate_is_invited_joins_and_gets_decrypt_logs_from_the_owner_but_cannot_grant_it_itself()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("full");
        var invited = await api.InviteAsync(owner, email, "FullAccess");
        Assert.Equal("Invited", invited.GetProperty("status").GetString());
        Assert.Equal("FullAccess", invited.GetProperty("role").GetString());
        Assert.False(invited.GetProperty("decryptLogs").GetBoolean());
        var id = invited.GetProperty("id").GetString()!;

        var mail = await api.LatestMailAsync(email);
        Assert.Equal("TeammateInvitation", mail.GetProperty("kind").GetString());
        Assert.Contains("JOIN THE TEAM", mail.GetProperty("body").GetString());
        var link = mail.GetProperty("link").GetString()!;
        Assert.StartsWith(sandbox.BaseUrl + "/sandbox/v1/teammate-invitations/", link);
        Assert.Equal(invited.GetProperty("invitationExpiresTime").GetString(), mail.GetProperty("expiresTime").GetString());
        var sent = DateTimeOffset.Parse(mail.GetProperty("createdTime").GetString()!);
        Assert.Equal(TimeSpan.FromHours(24), DateTimeOffset.Parse(mail.GetProperty("expiresTime").GetString()!) - sent);

        using (var accepted = await api.AcceptAsync(new Uri(link).AbsolutePath, "Ada Lovelace"))
        {
            var joined = await SandboxApi.ExpectJsonAsync(accepted, HttpStatusCode.OK);
            Assert.Equal("Active", joined.GetProperty("status").GetString());
            Assert.Equal("Ada Lovelace", joined.GetProperty("name").GetString());
            Assert.False(joined.TryGetProperty("password", out _));
            Assert.False(joined.TryGetProperty("passwordHash", out _));
        }

        var teammate = await api.TokenForTeammateAsync(email);
        using (var refused = await api.SendAsync(HttpMethod.Put, $"{api.TeammatesPath()}/{id}/decrypt-logs", teammate))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden",
                "The role 'FullAccess' may not grant or revoke Decrypt Logs (only the tenant Owner can). Allowed roles: Owner.");
        Assert.False((await api.GetTeammateAsync(owner, id)).GetProperty("decryptLogs").GetBoolean());

        using (var granted = await api.SendAsync(HttpMethod.Put, $"{api.TeammatesPath()}/{id}/decrypt-logs", owner))
            Assert.True((await SandboxApi.ExpectJsonAsync(granted, HttpStatusCode.OK)).GetProperty("decryptLogs").GetBoolean());

        using (var revokeRefused = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{id}/decrypt-logs", teammate))
            await SandboxApi.ExpectProblemAsync(revokeRefused, HttpStatusCode.Forbidden, "role.forbidden", "'FullAccess'", "Decrypt Logs");
        using (var revoked = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{id}/decrypt-logs", owner))
            Assert.False((await SandboxApi.ExpectJsonAsync(revoked, HttpStatusCode.OK)).GetProperty("decryptLogs").GetBoolean());
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_pbkdf2_hash()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("hash");
        var id = await api.JoinedTeammateAsync(owner, email, "ReadOnly");

        var stored = new DigitalChannels.Sandbox.Storage.SandboxDatabase(sandbox.DataDirectory).Read(session =>
            session.Scalar<string>("SELECT password_hash FROM users WHERE id = $id;", ("$id", id)))!;
        Assert.StartsWith("pbkdf2-sha256$100000$", stored);
        Assert.DoesNotContain(TeammateApi.Password, stored);
        Assert.True(DigitalChannels.Sandbox.Connect.Teammates.PasswordHasher.Verify(TeammateApi.Password, stored));
        Assert.False(DigitalChannels.Sandbox.Connect.Teammates.PasswordHasher.Verify("another-password-1", stored));
    }

    [Fact]
    public async Task Decrypt_logs_is_independent_of_the_role_even_for_the_owner()
    {
        var owner = await api.OwnerTokenAsync();
        using var list = await api.SendAsync(HttpMethod.Get, $"{api.TeammatesPath()}?email=owner@sandbox.digitalchannels.test", owner);
        var ownerTeammate = Assert.Single((await SandboxApi.ExpectJsonAsync(list, HttpStatusCode.OK)).GetProperty("data").EnumerateArray());
        Assert.Equal("Owner", ownerTeammate.GetProperty("role").GetString());
        var ownerId = ownerTeammate.GetProperty("id").GetString()!;

        // The Owner may grant Decrypt Logs to itself; until then it does not have it.
        using (var revoke = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{ownerId}/decrypt-logs", owner))
            Assert.False((await SandboxApi.ExpectJsonAsync(revoke, HttpStatusCode.OK)).GetProperty("decryptLogs").GetBoolean());
        using (var grant = await api.SendAsync(HttpMethod.Put, $"{api.TeammatesPath()}/{ownerId}/decrypt-logs", owner))
            Assert.True((await SandboxApi.ExpectJsonAsync(grant, HttpStatusCode.OK)).GetProperty("decryptLogs").GetBoolean());
        Assert.Equal("Owner", (await api.GetTeammateAsync(owner, ownerId)).GetProperty("role").GetString());
        using (var again = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{ownerId}/decrypt-logs", owner))
            await SandboxApi.ExpectJsonAsync(again, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Decrypt_logs_cannot_be_granted_before_the_teammate_has_joined()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("pending");
        var id = (await api.InviteAsync(owner, email, "FullAccess")).GetProperty("id").GetString();
        using var response = await api.SendAsync(HttpMethod.Put, $"{api.TeammatesPath()}/{id}/decrypt-logs", owner);
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "teammate.not_active", $"'{email}' has not accepted the invitation yet");
    }

    [Theory]
    [InlineData("Owner")]
    [InlineData("FullAccess")]
    public async Task Nobody_invites_an_owner_and_the_refusal_points_to_partner_success(string callerRole)
    {
        var token = callerRole == "Owner" ? await api.OwnerTokenAsync() : await api.TokenForNewApplicationAsync(callerRole, TeammateApi.ConnectScopes);
        var email = TeammateApi.UniqueEmail("second-owner");
        using var response = await api.SendAsync(HttpMethod.Post, api.TeammatesPath(), token, new { email, role = "Owner" });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Forbidden, "owner.not_self_service",
            "The role 'Owner' cannot be used to invite a teammate: a tenant has exactly one Owner", "Cisco's Partner Success team");
        Assert.Empty(await api.ListNamesAsync($"{api.TeammatesPath()}?email={email}", await api.OwnerTokenAsync(), "email"));
    }

    [Fact]
    public async Task Nobody_promotes_to_owner_demotes_or_removes_the_owner()
    {
        var owner = await api.OwnerTokenAsync();
        var full = await api.TokenForNewApplicationAsync("FullAccess", TeammateApi.ConnectScopes);
        var teammateId = (await api.InviteAsync(owner, TeammateApi.UniqueEmail("promote"), "FullAccess")).GetProperty("id").GetString();
        var ownerId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(owner).GetClaim("user_id").Value;

        using (var promote = await api.SendAsync(HttpMethod.Patch, $"{api.TeammatesPath()}/{teammateId}", owner, new { role = "Owner" }))
            await SandboxApi.ExpectProblemAsync(promote, HttpStatusCode.Forbidden, "owner.not_self_service",
                "The role 'Owner' cannot be used to change a teammate's role", "Partner Success");
        foreach (var token in new[] { owner, full })
        {
            using (var demote = await api.SendAsync(HttpMethod.Patch, $"{api.TeammatesPath()}/{ownerId}", token, new { role = "FullAccess" }))
                await SandboxApi.ExpectProblemAsync(demote, HttpStatusCode.Forbidden, "owner.not_self_service",
                    "'owner@sandbox.digitalchannels.test' is the tenant's Owner and cannot be given another role through the API", "Partner Success");
            using (var remove = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{ownerId}", token))
                await SandboxApi.ExpectProblemAsync(remove, HttpStatusCode.Forbidden, "owner.not_self_service",
                    "'owner@sandbox.digitalchannels.test' is the tenant's Owner and cannot be removed through the API", "Partner Success");
        }
        Assert.Equal("Owner", (await api.GetTeammateAsync(owner, ownerId)).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Full_access_adds_changes_and_removes_teammates_but_limited_access_cannot()
    {
        var full = await api.TokenForNewApplicationAsync("FullAccess", TeammateApi.ConnectScopes);
        var limited = await api.TokenForNewApplicationAsync("LimitedAccess", TeammateApi.ConnectScopes);
        var email = TeammateApi.UniqueEmail("by-full");
        var id = (await api.InviteAsync(full, email, "LimitedAccess")).GetProperty("id").GetString();

        using (var change = await api.SendAsync(HttpMethod.Patch, $"{api.TeammatesPath()}/{id}", full, new { role = "ReadOnly" }))
            Assert.Equal("ReadOnly", (await SandboxApi.ExpectJsonAsync(change, HttpStatusCode.OK)).GetProperty("role").GetString());
        using (var refused = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{id}", limited))
            await SandboxApi.ExpectProblemAsync(refused, HttpStatusCode.Forbidden, "role.forbidden", "The role 'LimitedAccess' may not add, change or remove teammates.");
        using (var removed = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{id}", full))
            await SandboxApi.ExpectJsonAsync(removed, HttpStatusCode.NoContent);
        using (var gone = await api.SendAsync(HttpMethod.Get, $"{api.TeammatesPath()}/{id}", full))
            await SandboxApi.ExpectProblemAsync(gone, HttpStatusCode.NotFound, "teammate.not_found", $"'{id}'");
    }

    [Fact]
    public async Task A_removed_teammates_apps_stop_working()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("leaver");
        var id = await api.JoinedTeammateAsync(owner, email, "FullAccess");
        var application = await api.CreateApplicationForTeammateAsync(email, TeammateApi.ConnectScopes);
        using (var removed = await api.SendAsync(HttpMethod.Delete, $"{api.TeammatesPath()}/{id}", owner))
            await SandboxApi.ExpectJsonAsync(removed, HttpStatusCode.NoContent);
        using var token = await api.RequestTokenAsync(application.ClientId, application.ClientSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
    }

    [Fact]
    public async Task Inviting_an_existing_email_is_a_conflict_naming_it()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("twice");
        await api.InviteAsync(owner, email, "ReadOnly");
        using var response = await api.SendAsync(HttpMethod.Post, api.TeammatesPath(), owner, new { email = email.ToUpperInvariant(), role = "ReadOnly" });
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.Conflict, "teammate.duplicate_email", $"'{email}' already exists", "status Invited");
    }

    [Theory]
    [InlineData("""{"email":"not-an-address","role":"ReadOnly"}""", "'not-an-address'")]
    [InlineData("""{"email":"x@example.com","role":"Administrator"}""", "'Administrator'")]
    [InlineData("""{"role":"ReadOnly"}""", "'email'")]
    [InlineData("""{"email":"x@example.com","role":"ReadOnly","groupId":"no-such-group"}""", "'no-such-group'")]
    public async Task Bad_invitations_are_refused_naming_the_bad_value(string body, string named)
    {
        using var response = await api.SendAsync(HttpMethod.Post, api.TeammatesPath(), await api.OwnerTokenAsync(), body);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"Got {(int)response.StatusCode}.");
        var problem = await SandboxApi.ExpectJsonAsync(response, response.StatusCode);
        Assert.Contains(named, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("short1", "8 to 128 characters; the one given has 6")]
    [InlineData("onlyletters", "at least one letter and one digit")]
    public async Task A_weak_password_is_refused_without_showing_it(string password, string expected)
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("weak");
        await api.InviteAsync(owner, email, "ReadOnly");
        using var response = await api.AcceptAsync(await api.InvitationPathAsync(email), "Weak", password);
        var problem = await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.BadRequest, "request.invalid_field", "'password'", expected);
        Assert.DoesNotContain(password, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_invitation_is_accepted_once()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("once");
        await api.InviteAsync(owner, email, "ReadOnly");
        var path = await api.InvitationPathAsync(email);
        using (var first = await api.AcceptAsync(path, "First")) await SandboxApi.ExpectJsonAsync(first, HttpStatusCode.OK);
        using (var second = await api.AcceptAsync(path, "Second"))
            await SandboxApi.ExpectProblemAsync(second, HttpStatusCode.Conflict, "invitation.already_accepted", "already accepted");
        using var info = await api.SendAsync(HttpMethod.Get, path, token: null);
        Assert.Equal("Accepted", (await SandboxApi.ExpectJsonAsync(info, HttpStatusCode.OK)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_unknown_join_link_is_404()
    {
        using var response = await api.AcceptAsync("/sandbox/v1/teammate-invitations/not-a-real-token", "Nobody");
        await SandboxApi.ExpectProblemAsync(response, HttpStatusCode.NotFound, "invitation.not_found", "ask for a new invitation");
    }

    [Fact]
    public async Task An_app_acts_only_for_a_teammate_who_has_joined()
    {
        var owner = await api.OwnerTokenAsync();
        var email = TeammateApi.UniqueEmail("not-yet");
        await api.InviteAsync(owner, email, "FullAccess");
        using (var pending = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, owner, new { name = "x", userEmail = email, scopes = TeammateApi.ConnectScopes }))
            Assert.Equal(email, (await SandboxApi.ExpectProblemAsync(pending, HttpStatusCode.BadRequest, "teammate.not_active", $"'{email}'", "has not accepted the invitation yet")).GetProperty("target").GetString());
        using (var unknown = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, owner, new { name = "x", userEmail = "nobody@example.com", scopes = TeammateApi.ConnectScopes }))
            Assert.Equal("nobody@example.com", (await SandboxApi.ExpectProblemAsync(unknown, HttpStatusCode.BadRequest, "reference.not_found", "'nobody@example.com'")).GetProperty("target").GetString());
        using (var both = await api.SendAsync(HttpMethod.Post, api.ApplicationsPath, owner, new { name = "x", role = "ReadOnly", userEmail = email, scopes = TeammateApi.ConnectScopes }))
            await SandboxApi.ExpectProblemAsync(both, HttpStatusCode.BadRequest, "request.invalid_field", "exactly one of the fields 'role'", "'userEmail'");

        using (var accepted = await api.AcceptAsync(await api.InvitationPathAsync(email), "Now Joined")) await SandboxApi.ExpectJsonAsync(accepted, HttpStatusCode.OK);
        var application = await api.CreateApplicationForTeammateAsync(email, TeammateApi.ConnectScopes);
        Assert.Equal("FullAccess", application.Role);
        var token = await api.TokenAsync(application.ClientId, application.ClientSecret);
        await api.CreateServiceAsync(token, SandboxApi.UniqueName("Made by a joined teammate"));
    }

    public void Dispose() => api.Dispose();
}
