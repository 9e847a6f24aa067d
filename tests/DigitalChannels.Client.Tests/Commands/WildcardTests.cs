using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.Tests.Commands;

public class WildcardTests
{
    [Theory]
    [InlineData("Lab*", "Lab A", true)]
    [InlineData("Lab*", "lab b", true)]
    [InlineData("Lab*", "My Lab", false)]
    [InlineData("*Flows*", "Agnostic Flows DO NOT MODIFY", true)]
    [InlineData("Lab?", "Lab1", true)]
    [InlineData("Lab?", "Lab10", false)]
    [InlineData("Lab[12]", "Lab2", true)]
    [InlineData("Lab[12]", "Lab3", false)]
    [InlineData("Lab[a-c]", "LabB", true)]
    [InlineData("100`%", "100%", true)]
    [InlineData("Star`*", "Star*", true)]
    [InlineData("Star`*", "Stars", false)]
    [InlineData("a.b", "axb", false)]
    public void Matches_like_powershell(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new Wildcard(pattern).IsMatch(value));

    [Theory]
    [InlineData("Lab*", true)]
    [InlineData("Lab", false)]
    [InlineData("Lab`*", false)]
    [InlineData("L[ab]", true)]
    public void Tells_patterns_from_plain_names(string text, bool expected) => Assert.Equal(expected, Wildcard.ContainsWildcard(text));

    [Theory]
    [InlineData("Lab*", "Lab")]
    [InlineData("*Agnostic*Flows DO NOT*", "Flows DO NOT")]
    [InlineData("*", "")]
    [InlineData("a[xy]bcd?", "bcd")]
    public void The_longest_literal_narrows_a_server_search(string pattern, string expected) =>
        Assert.Equal(expected, new Wildcard(pattern).LongestLiteral());

    [Fact]
    public void An_unclosed_bracket_is_an_error_naming_the_pattern()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Wildcard("Lab[1"));
        Assert.Contains("'Lab[1'", ex.Message);
    }
}
