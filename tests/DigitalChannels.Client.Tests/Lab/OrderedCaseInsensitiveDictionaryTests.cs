using System.Collections;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Tests.Lab;

public class OrderedCaseInsensitiveDictionaryTests
{
    [Fact]
    public void Keeps_insertion_order_and_the_first_spelling_through_updates_and_removals()
    {
        var map = new OrderedCaseInsensitiveDictionary { ["Zeta"] = 1, ["alpha"] = 2, ["Mid"] = 3 };

        map["ZETA"] = 10;
        Assert.True(map.Remove("ALPHA"));
        map.Add("last", 4);

        Assert.Equal(new[] { "Zeta", "Mid", "last" }, map.Keys);
        Assert.Equal(new object[] { 10, 3, 4 }, map.Values);
        Assert.Equal(3, map["mid"]);
        Assert.Throws<ArgumentException>(() => map.Add("LAST", 5));
        Assert.Throws<KeyNotFoundException>(() => map["alpha"]);
    }

    [Fact]
    public void Reads_like_a_hashtable_through_the_non_generic_interface_PowerShell_uses()
    {
        IDictionary map = new OrderedCaseInsensitiveDictionary { ["Name"] = "Lab", ["Seats"] = 18L };

        Assert.Equal("Lab", map["name"]);
        Assert.Null(map["missing"]);
        Assert.True(map.Contains("SEATS"));
        var entries = new List<string>();
        var enumerator = map.GetEnumerator();
        while (enumerator.MoveNext()) entries.Add($"{enumerator.Key}={enumerator.Value}");
        Assert.Equal(new[] { "Name=Lab", "Seats=18" }, entries);
    }
}
