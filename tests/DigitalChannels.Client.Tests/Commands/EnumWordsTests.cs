using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Connect.Flows;
using DigitalChannels.Client.Connect.Teammates;
using DigitalChannels.Client.ContactCenter;

namespace DigitalChannels.Client.Tests.Commands;

/// <summary>The lab guide's and the portal's words name enum values (issue 11: -Role 'Full Access' must bind).</summary>
public class EnumWordsTests
{
    [Theory]
    [InlineData("Full Access", ConnectTeammateRole.FullAccess)]
    [InlineData("Full access", ConnectTeammateRole.FullAccess)]
    [InlineData("FullAccess", ConnectTeammateRole.FullAccess)]
    [InlineData("Limited Access", ConnectTeammateRole.LimitedAccess)]
    [InlineData("read only", ConnectTeammateRole.ReadOnly)]
    [InlineData("Read-Only", ConnectTeammateRole.ReadOnly)]
    [InlineData(" Restricted ", ConnectTeammateRole.Restricted)]
    public void Roles_bind_from_the_lab_guides_words(string text, ConnectTeammateRole expected)
    {
        Assert.True(EnumWords.TryParse<ConnectTeammateRole>(text, out var role));
        Assert.Equal(expected, role);
    }

    [Fact]
    public void Other_enums_bind_from_their_words_too()
    {
        Assert.Equal(ConnectFlowKind.TaskRouted, EnumWords.Parse(typeof(ConnectFlowKind), "Task Routed"));
        Assert.Equal(ConnectFlowKind.InAppMessaging, EnumWords.Parse(typeof(ConnectFlowKind), "In-App Messaging"));
        Assert.Equal(ConnectChannel.LiveChat, EnumWords.Parse(typeof(ConnectChannel), "Live Chat"));
        Assert.Equal(TeamType.AgentBased, EnumWords.Parse(typeof(TeamType), "Agent Based"));
        Assert.Equal(BlendingMode.BlendedRealtime, EnumWords.Parse(typeof(BlendingMode), "Blended Real-time"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("Full Acces")]
    [InlineData("Administrator")]
    public void Numbers_and_unknown_words_are_refused(string text)
    {
        Assert.False(EnumWords.TryParse<ConnectTeammateRole>(text, out _));
    }

    [Fact]
    public void A_refused_word_is_named_with_every_value_and_its_words()
    {
        var ex = Assert.Throws<ArgumentException>(() => EnumWords.Parse(typeof(ConnectTeammateRole), "Admin"));
        Assert.StartsWith("'Admin' is not one of Owner ('Owner'), FullAccess ('Full Access'), LimitedAccess ('Limited Access'), ReadOnly ('Read Only')", ex.Message);
    }

    [Theory]
    [InlineData("FullAccess", "Full Access")]
    [InlineData("InAppMessaging", "In App Messaging")]
    [InlineData("Sms", "Sms")]
    [InlineData("BlendedRealtime", "Blended Realtime")]
    public void Names_read_as_words(string name, string words) => Assert.Equal(words, EnumWords.Words(name));

    [Fact]
    public void The_settable_roles_are_every_role_but_Owner()
    {
        Assert.DoesNotContain(ConnectTeammateRole.Owner, ConnectTeammateRoles.Settable);
        Assert.Equal(Enum.GetValues<ConnectTeammateRole>().Length - 1, ConnectTeammateRoles.Settable.Count);
    }
}
