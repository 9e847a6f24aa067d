using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect;
using DigitalChannels.Client.Connect.Assets;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Connect.Flows;

/// <summary>
/// The one vocabulary table over the names Cisco's public flow repository (CiscoDevNet/webexcc-digital-channels, v1.0 to v3.5)
/// uses, in every style it uses, and over made-up names in each style; names that tell nothing must stay unknown.
/// </summary>
public sealed class FlowKindInferenceTests
{
    [Theory]
    // Spaces (v2.1 to v3.5)
    [InlineData("Task Routed Flow.workflow", ConnectFlowKind.TaskRouted)]
    [InlineData("Task Modified Flow.workflow.zip", ConnectFlowKind.TaskModified)]
    [InlineData("Task Close Flow With Screen Pop.workflow.zip", ConnectFlowKind.TaskClose)]
    [InlineData("Task Routed Sample Flow For Extracting Variables.workflow.zip", ConnectFlowKind.TaskRouted)]
    [InlineData("Live Chat Close Flow.workflow", ConnectFlowKind.LiveChat)]
    [InlineData("Live Chat Inbound Flow Without Form.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("Live Chat Inbound Sample Flow with Set Variable.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("Live Chat Inbound Sample Flow With Set Variable,PIQ and EWT.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("Livechat Inbound flow with proactive chat changes.zip", ConnectFlowKind.LiveChat)]
    [InlineData("LivechatInbound flow.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("Whatsapp Inbound Flow.workflow.zip", ConnectFlowKind.WhatsApp)]
    [InlineData("Whatsapp inbound.workflow.zip", ConnectFlowKind.WhatsApp)]
    [InlineData("SMS inbound.workflow.zip", ConnectFlowKind.Sms)]
    [InlineData("Email inbound latest.zip", ConnectFlowKind.Email)]
    [InlineData("Email with msg fix.workflow.zip", ConnectFlowKind.Email)]
    [InlineData("Facebook Task Bot Inbound Flow.workflow.zip", ConnectFlowKind.FacebookMessenger)]
    [InlineData("Apple List Picker Flow.workflow.zip", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("Apple Unsubscribe Flow.workflow.zip", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("Apple Inbound Flow with Form.workflow.zip", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("iMessage App Flow.workflow.zip", ConnectFlowKind.AppleMessagesForBusiness)]
    // Q&A, "QandA" and the stray dot of "Flow..workflow"
    [InlineData("Live Chat Q&A Bot Inbound Flow..workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("SMS Q&A Bot Inbound Flow.workflow.zip", ConnectFlowKind.Sms)]
    [InlineData("SMS QandA Bot Inbound Flow.workflow.zip", ConnectFlowKind.Sms)]
    // Camel case (v3.0 to v3.4)
    [InlineData("SmsQABotInboundFlow.workflow.zip", ConnectFlowKind.Sms)]
    [InlineData("LiveChatQABotInboundFlow.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("FacebookTaskBotInboundFlow.workflow.zip", ConnectFlowKind.FacebookMessenger)]
    [InlineData("EmailInboundFlow.workflow", ConnectFlowKind.Email)]
    [InlineData("WhatsappInboundFlow.workflow.zip", ConnectFlowKind.WhatsApp)]
    [InlineData("SmsInboundFlow.workflow.zip", ConnectFlowKind.Sms)]
    [InlineData("LivechatInboundFlowWithProactiveChat.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("LiveChatInboundSampleFlowWithSetVariablePIQAndEWT.workflow.zip", ConnectFlowKind.LiveChat)]
    [InlineData("FacebookCloseWithWxmFlow.workflow.zip", ConnectFlowKind.FacebookMessenger)]
    [InlineData("EmailAttachmentDropNotification.workflow.zip", ConnectFlowKind.Email)]
    [InlineData("EmailInboundSampleFlowWithContactPriority.workflow.zip", ConnectFlowKind.Email)]
    // Underscores and abbreviations (v1.0)
    [InlineData("Close_Task_ANZ.workflow", ConnectFlowKind.TaskClose)]
    [InlineData("Task_Routed_ANZ.workflow", ConnectFlowKind.TaskRouted)]
    [InlineData("Task_Modified_ANZ.workflow", ConnectFlowKind.TaskModified)]
    [InlineData("FBM_Inbound_Message_ANZ.workflow", ConnectFlowKind.FacebookMessenger)]
    [InlineData("SMS_Inbound_Message_ANZ.workflow", ConnectFlowKind.Sms)]
    [InlineData("Livechat_Inbound_Message_ANZ.workflow", ConnectFlowKind.LiveChat)]
    [InlineData("Email_Inbound_ANZ.workflow", ConnectFlowKind.Email)]
    [InlineData("WAB Inbound Flow.workflow", ConnectFlowKind.WhatsApp)]
    [InlineData("AMB Simplified Flow.zip", ConnectFlowKind.AppleMessagesForBusiness)]
    // Folder names that tell the kind of the files inside
    [InlineData("Apple Messages for Business", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("Apple Business Messages", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("Google Business Messages", ConnectFlowKind.GoogleBusinessMessages)]
    public void Cisco_names_tell_their_kind(string name, ConnectFlowKind kind)
    {
        Assert.True(FlowKindInference.TryInfer(name, out var inferred), $"No kind for '{name}'");
        Assert.Equal(kind, inferred);
    }

    [Theory]
    // Spaces
    [InlineData("GBM Inbound Flow", ConnectFlowKind.GoogleBusinessMessages)]
    [InlineData("Google Business Messages Inbound Flow with Suggestions", ConnectFlowKind.GoogleBusinessMessages)]
    [InlineData("RCS Inbound Flow", ConnectFlowKind.Rcs)]
    [InlineData("In App Messaging Flow", ConnectFlowKind.InAppMessaging)]
    [InlineData("Orders webhook", ConnectFlowKind.InboundWebhook)]
    [InlineData("Custom Event Flow", ConnectFlowKind.CustomEvent)]
    [InlineData("FB Inbound Flow", ConnectFlowKind.FacebookMessenger)]
    [InlineData("WA Inbound", ConnectFlowKind.WhatsApp)]
    [InlineData("LC Close Flow", ConnectFlowKind.LiveChat)]
    [InlineData("Close Task v3", ConnectFlowKind.TaskClose)]
    [InlineData("My WhatsApp bot", ConnectFlowKind.WhatsApp)]
    // Camel case, with acronyms
    [InlineData("GbmInboundFlow", ConnectFlowKind.GoogleBusinessMessages)]
    [InlineData("GBMInboundFlow", ConnectFlowKind.GoogleBusinessMessages)]
    [InlineData("WABInboundFlow", ConnectFlowKind.WhatsApp)]
    [InlineData("WAInboundFlow", ConnectFlowKind.WhatsApp)]
    [InlineData("AMBBasicInboundFlow", ConnectFlowKind.AppleMessagesForBusiness)]
    [InlineData("SMSInboundFlow", ConnectFlowKind.Sms)]
    [InlineData("LCInboundFlow", ConnectFlowKind.LiveChat)]
    [InlineData("FBInboundFlow", ConnectFlowKind.FacebookMessenger)]
    [InlineData("RcsInboundFlow", ConnectFlowKind.Rcs)]
    [InlineData("TaskRoutedFlowV2", ConnectFlowKind.TaskRouted)]
    // Underscores, dots, hyphens
    [InlineData("gbm_inbound_flow", ConnectFlowKind.GoogleBusinessMessages)]
    [InlineData("wa_inbound", ConnectFlowKind.WhatsApp)]
    [InlineData("lc_close_flow", ConnectFlowKind.LiveChat)]
    [InlineData("task_close", ConnectFlowKind.TaskClose)]
    [InlineData("sms.inbound.flow", ConnectFlowKind.Sms)]
    [InlineData("GBM.Inbound.Flow.", ConnectFlowKind.GoogleBusinessMessages)]
    [InlineData("Task.Routed", ConnectFlowKind.TaskRouted)]
    [InlineData("task-modified", ConnectFlowKind.TaskModified)]
    [InlineData("amb-unsubscribe", ConnectFlowKind.AppleMessagesForBusiness)]
    public void Made_up_names_in_each_style_tell_their_kind(string name, ConnectFlowKind kind) => Assert.Equal(kind, FlowKindInference.Infer(name));

    [Theory]
    // Cisco's names that say nothing by themselves: their folder tells (Apple Messages for Business/…).
    [InlineData("Basic Inbound Flow.workflow.zip")]
    [InlineData("Inbound Flow with Form.workflow.zip")]
    [InlineData("Unsubscribe Flow.workflow.zip")]
    [InlineData("Time Picker and List Picker Response Flow.workflow.zip")]
    [InlineData("Form Response Flow.workflow.zip")]
    [InlineData("Inbound Flow with IntentId GroupId based Routing.workflow.zip")]
    [InlineData("Rich message flows")]
    [InlineData("Other sample flows ")]
    [InlineData("Media Specific Workflows")]
    [InlineData("Event Handling Workflows")]
    [InlineData("Webex-Connect-Flows-v2.0.zip")]
    [InlineData("imi-WxCC_ANZ_Flows_v1.0.zip")]
    [InlineData("1680000000.workflow")]
    // Abbreviations count only as whole words
    [InlineData("Smsish flow")]
    [InlineData("Swap flow")]
    [InlineData("Applesauce")]
    [InlineData("Orders")]
    public void Names_that_tell_nothing_stay_unknown(string name) => Assert.False(FlowKindInference.TryInfer(name, out var kind), $"'{name}' gave {kind}");

    [Fact]
    public void Every_fixture_name_tells_the_kind_of_the_flow_it_holds()
    {
        var expected = new Dictionary<string, ConnectFlowKind>
        {
            ["Email Inbound Flow"] = ConnectFlowKind.Email, ["Facebook Inbound Flow"] = ConnectFlowKind.FacebookMessenger,
            ["Live Chat Close Flow"] = ConnectFlowKind.LiveChat, ["Live Chat Inbound Flow"] = ConnectFlowKind.LiveChat,
            ["SMS Inbound Flow"] = ConnectFlowKind.Sms, ["Task Close Flow"] = ConnectFlowKind.TaskClose,
            ["Task Modified Flow"] = ConnectFlowKind.TaskModified, ["Task Routed Flow"] = ConnectFlowKind.TaskRouted,
            ["WAB Inbound Flow"] = ConnectFlowKind.WhatsApp, ["LivechatInbound flow"] = ConnectFlowKind.LiveChat,
            ["Livechat Inbound flow with proactive chat changes"] = ConnectFlowKind.LiveChat,
        };
        var files = SharedFixtures.AllWorkflowFiles();
        Assert.Equal(23, files.Count);
        foreach (var path in files)
        {
            var file = Assert.Single(WorkflowFile.ReadAll(path));
            Assert.True(FlowKindInference.TryInfer(file.KindHints, out var kind, out var source), $"No kind for {path}");
            Assert.Equal(file.FileName, source); // the .workflow's own name tells, before the zip's
            Assert.Equal(expected[file.SuggestedName], kind);
        }
    }

    [Theory]
    [InlineData("SmsQABotInboundFlow", new[] { "sms", "qa", "bot", "inbound", "flow" })]
    [InlineData("WABInboundFlow", new[] { "wab", "inbound", "flow" })]
    [InlineData("Live Chat Q&A Bot Inbound Flow.", new[] { "live", "chat", "q", "a", "bot", "inbound", "flow" })]
    [InlineData("FBM_Inbound_Message_ANZ", new[] { "fbm", "inbound", "message", "anz" })]
    [InlineData("Flows-v2.0", new[] { "flows", "v", "2", "0" })]
    public void Names_split_into_words_at_spaces_punctuation_and_camel_humps(string name, string[] words) =>
        Assert.Equal(words, FlowKindInference.SplitWords(name));

    [Fact]
    public void The_vocabulary_holds_every_channel_kind_once()
    {
        var kinds = FlowKindInference.Vocabulary.Select(r => r.Kind).ToList();
        Assert.Equal(kinds.Distinct().Count(), kinds.Count);
        Assert.Equal(Enum.GetValues<ConnectFlowKind>().OrderBy(k => k), kinds.OrderBy(k => k));
    }

    [Fact]
    public void When_no_name_tells_the_error_names_every_one_asked_and_the_way_out()
    {
        var ex = Assert.Throws<ArgumentException>(() => FlowKindInference.Infer("1680000000.workflow", "Flows.zip", "Downloads", "Orders"));
        Assert.StartsWith("The flow kind cannot be told from '1680000000.workflow' or 'Flows.zip' or 'Downloads' or 'Orders': the payload is encrypted, " +
                          "so the kind comes from -Kind or the name. Pass -Kind (one of TaskRouted,", ex.Message);
        Assert.Contains("GoogleBusinessMessages", ex.Message);
    }

    [Fact]
    public void No_Google_Business_Messages_app_is_created_and_the_error_says_why_before_any_request()
    {
        var host = new RecordingHost();
        CommandRunner.Run(host, ConnectAssetCommands.AppNoun, h => ConnectAssetCommands.NewAppAsync(h, null!, "Maps chat", ConnectChannel.GoogleBusinessMessages));
        var error = Assert.Single(host.Errors);
        Assert.Equal("ConnectAppInvalidArgument", error.ErrorId);
        Assert.StartsWith("No GoogleBusinessMessages app can be created: Google ended Business Messages on 31 July 2024", error.Message);
        Assert.Null(ConnectChannels.DiscontinuedReason(nameof(ConnectChannel.AppleMessagesForBusiness)));
    }
}
