using System.Net;
using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Settings;
using DigitalChannels.Client.Connect.Templates;
using DigitalChannels.Client.Environments;
using DigitalChannels.Client.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using static DigitalChannels.Client.Tests.ContactCenter.FakeContactCenter;

namespace DigitalChannels.Client.Tests.Connect;

/// <summary>
/// Tools > Templates, Settings > Tenant Settings and Settings > Profile Settings in the command logic: the values the
/// portal refuses are refused before anything is sent (the message names the value and what is allowed), -WhatIf sends
/// nothing, and a live tenant stops every one with NoPublicApi naming its portal page.
/// </summary>
public class ConnectPortalCommandsTests
{
    private const string Templates = $"/connect/v1/organization/{Org}/templates";
    private const string TenantSettings = $"/connect/v1/organization/{Org}/tenant-settings";
    private const string Profile = $"/connect/v1/organization/{Org}/profile";

    private static ContactCenter.FakeContactCenter Sandbox() => new ContactCenter.FakeContactCenter()
        .On("POST", Templates, (_, body) => StubHandler.Json(HttpStatusCode.Created, new JObject(JObject.Parse(body!)) { ["id"] = Guid.NewGuid().ToString() }.ToString()))
        .On("PATCH", TenantSettings, (_, body) => StubHandler.Json(HttpStatusCode.OK, body!))
        .On("GET", Profile, HttpStatusCode.OK, "{\"id\":\"u1\",\"email\":\"me@example.com\",\"name\":\"Me\",\"role\":\"ReadOnly\",\"notifications\":{\"RuleExpiry\":true}}");

    private static CommandError Refused(ContactCenter.FakeContactCenter server, string noun, Func<ICommandHost, Task> command)
    {
        var host = new RecordingHost();
        CommandRunner.Run(host, noun, command);
        Assert.Empty(server.Requests);
        var error = Assert.Single(host.Errors);
        Assert.Equal(noun + "InvalidArgument", error.ErrorId);
        Assert.Equal(CommandErrorCategory.InvalidArgument, error.Category);
        return error;
    }

    [Fact]
    public async Task A_template_the_portal_would_refuse_is_refused_before_anything_is_sent_naming_the_value()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForSandbox("http://sandbox.test"));
        const string noun = ConnectTemplateCommands.Noun;

        var fax = Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "fax", null, null, "Hi"));
        Assert.Contains("'fax' is not a channel of Tools > Templates; use one of: sms, email, whatsapp, messenger, livechat, applebusinesschat, rcs", fax.Message);

        var html = Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "whatsapp", "Html", null, "Hi"));
        Assert.Contains("The content type 'Html' is not offered for whatsapp templates; use one of: Text", html.Message);

        var accented = Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "sms", "Text", null, "Hi Zoë ✓"));
        Assert.Contains("'✓'", accented.Message);
        Assert.Contains("use the content type Unicode", accented.Message);
        Assert.Contains("'ë'", accented.Message); // the GSM alphabet has ä ö ñ ü à é è, not ë
    }

    [Fact]
    public async Task Email_needs_a_subject_other_channels_take_none_and_variables_must_be_closed_and_named()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForSandbox("http://sandbox.test"));
        const string noun = ConnectTemplateCommands.Noun;

        Assert.Contains("An email template needs a subject (-Subject)", Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "email", null, null, "Hi")).Message);
        Assert.Contains("A sms template has no subject; only email templates do (got 'Hello')", Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "sms", null, "Hello", "Hi")).Message);
        Assert.Contains("unclosed variable '$(customerName'", Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "sms", null, null, "Hi $(customerName")).Message);
        Assert.Contains("'$(first name)', which is not a variable", Refused(server, noun, h => ConnectTemplateCommands.NewAsync(h, connection, "T", "sms", null, null, "Hi $(first name)")).Message);
    }

    [Fact]
    public async Task A_valid_template_is_posted_with_the_channel_id_and_the_default_content_type()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForSandbox("http://sandbox.test"));
        var host = new RecordingHost();

        CommandRunner.Run(host, ConnectTemplateCommands.Noun, h => ConnectTemplateCommands.NewAsync(h, connection, " Order shipped ", "Live Chat", null, null, "Hi $(customerName)"));

        Assert.Empty(host.Errors);
        var body = Body(server.Writes.Single());
        Assert.Equal(("Order shipped", "livechat", "RichText"), ((string)body["name"]!, (string)body["channel"]!, (string)body["contentType"]!));
        Assert.Null(body["subject"]);
        Assert.IsType<ConnectTemplate>(Assert.Single(host.Objects));
    }

    [Fact]
    public void Variables_are_the_distinct_placeholders_of_subject_and_body_in_order()
    {
        Assert.Equal(new[] { "customerName", "n2.inappmessaging.formFields.Name", "orderId" },
            ConnectTemplateContent.Variables("Hi $(customerName)", "$(n2.inappmessaging.formFields.Name): order $(orderId) for $(customerName), $(bad name)"));
        Assert.Null(ConnectTemplateContent.VariableProblem("Price: $5 (about)", "body"));
        // The extension table (€ { } [ ] ~ ^ | \) and the accented letters of the GSM alphabet are Text.
        Assert.Null(ConnectTemplateContent.BodyProblem("sms", "Text", "Prix: 5€ {ok} [1] ~ ^ | \\ é è à Ä ü"));
        Assert.NotNull(ConnectTemplateContent.BodyProblem("sms", "Text", "Coût"));
        Assert.Null(ConnectTemplateContent.BodyProblem("sms", "Unicode", "Coût ✓"));
    }

    [Fact]
    public async Task A_date_format_the_portal_does_not_offer_is_refused_with_the_list_and_WhatIf_sends_nothing()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForSandbox("http://sandbox.test"));

        var error = Refused(server, ConnectSettingCommands.TenantSettingNoun, h => ConnectSettingCommands.SetTenantSettingAsync(h, connection, null, "yyyy-mm-dd", false));
        Assert.Contains("The date format 'yyyy-mm-dd' is not one the portal offers; use one of: 'YYYY-MM-DD HH:mm:ss', 'DD-MM-YYYY HH:mm:ss'", error.Message);

        var whatIf = new RecordingHost { Answer = false };
        CommandRunner.Run(whatIf, ConnectSettingCommands.TenantSettingNoun, h => ConnectSettingCommands.SetTenantSettingAsync(h, connection, "Europe/London", "DD/MM/YYYY HH:mm:ss", true));
        Assert.Empty(server.Requests);
        Assert.Equal(($"Connect tenant settings of organization {Org}", "Set the time zone to 'Europe/London', set the date format to 'DD/MM/YYYY HH:mm:ss'"), whatIf.ShouldProcessCalls.Single());

        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectSettingCommands.TenantSettingNoun, h => ConnectSettingCommands.SetTenantSettingAsync(h, connection, "Europe/London", null, true));
        Assert.Equal("{\"timeZone\":\"Europe/London\"}", server.Writes.Single().Body);
    }

    [Fact]
    public async Task A_profile_notification_that_does_not_exist_or_is_both_on_and_off_is_refused()
    {
        var server = Sandbox();
        using var connection = await ConnectAsync(server.Handler, WebexEnvironment.ForSandbox("http://sandbox.test"));
        const string noun = ConnectSettingCommands.ProfileNoun;

        Assert.Contains("'Weekly digest' is not a notification of Profile Settings; use one of: ProfileKeyRegenerated, ServiceKeyUpdates, RuleExpiry, ServiceStatusUpdate",
            Refused(server, noun, h => ConnectSettingCommands.SetProfileAsync(h, connection, new ConnectProfileChanges { Enable = ["Weekly digest"] }, false)).Message);
        Assert.Contains("'RuleExpiry' is both enabled and disabled",
            Refused(server, noun, h => ConnectSettingCommands.SetProfileAsync(h, connection, new ConnectProfileChanges { Enable = ["ruleexpiry"], Disable = ["RuleExpiry"] }, false)).Message);
    }

    /// <summary>Every command of the three portal pages, against a live region: NoPublicApi naming its page, nothing sent.</summary>
    [Fact]
    public async Task Against_a_live_tenant_each_stops_with_NoPublicApi_naming_its_portal_page()
    {
        var server = Sandbox();
        using var live = await ConnectAsync(server.Handler, WebexEnvironment.ForRegion("us1"));
        var identity = new ConnectTemplateIdentity("Order shipped");
        var commands = new (string Noun, string Page, Func<ICommandHost, Task> Command)[]
        {
            (ConnectTemplateCommands.Noun, "Webex Connect portal > Tools > Templates", h => ConnectTemplateCommands.NewAsync(h, live, "T", "sms", null, null, "Hi")),
            (ConnectTemplateCommands.Noun, "Webex Connect portal > Tools > Templates", h => ConnectTemplateCommands.GetAsync(h, live, null, null, null)),
            (ConnectTemplateCommands.Noun, "Webex Connect portal > Tools > Templates", h => ConnectTemplateCommands.GetAsync(h, live, null, "Order*", null)),
            (ConnectTemplateCommands.Noun, "Webex Connect portal > Tools > Templates", h => ConnectTemplateCommands.SetAsync(h, live, identity, new ConnectTemplateChanges { Body = "x" }, false)),
            (ConnectTemplateCommands.Noun, "Webex Connect portal > Tools > Templates", h => ConnectTemplateCommands.RemoveAsync(h, live, identity)),
            (ConnectSettingCommands.TenantSettingNoun, "Webex Connect portal > Settings > Tenant Settings", h => ConnectSettingCommands.GetTenantSettingAsync(h, live)),
            (ConnectSettingCommands.TenantSettingNoun, "Webex Connect portal > Settings > Tenant Settings", h => ConnectSettingCommands.SetTenantSettingAsync(h, live, "UTC", null, false)),
            (ConnectSettingCommands.ProfileNoun, "Webex Connect portal > Settings > Profile Settings", h => ConnectSettingCommands.GetProfileAsync(h, live)),
            (ConnectSettingCommands.ProfileNoun, "Webex Connect portal > Settings > Profile Settings", h => ConnectSettingCommands.SetProfileAsync(h, live, new ConnectProfileChanges { Name = "Me" }, false)),
        };
        foreach (var (noun, page, command) in commands)
        {
            var stopped = Assert.Throws<CommandTerminatedException>(() => CommandRunner.Run(new RecordingHost(), noun, command));
            Assert.Equal(noun + "NoPublicApi", stopped.Error.ErrorId);
            Assert.Equal(CommandErrorCategory.NotImplemented, stopped.Error.Category);
            Assert.Contains("no public Webex API", stopped.Error.Message);
            Assert.Contains(page, stopped.Error.Message);
        }
        Assert.Empty(server.Requests);
    }
}
