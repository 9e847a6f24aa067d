using System.Collections;
using System.Collections.Specialized;
using DigitalChannels.Client.Lab.Definition;
using static DigitalChannels.Client.Tests.Lab.DefinitionAssert;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>JSON and PowerShell objects reach the same plain tree as a .psd1, so one reader serves every source.</summary>
public class DefinitionTreeTests
{
    private const string LabDefinitionJson = """
        {
          "Name": "Lab 12 – Digital Channels",
          "Owner": "admin@lab.test",
          "Description": "First line of the description.\n  It keeps its 'quotes' and $dollars as written.",
          "Enabled": true,
          "Archived": false,
          "Retired": null,
          "Seats": 18,
          "Offset": -5,
          "Ratio": 1.5,
          "Mask": 31,
          "Attachment": 1024,
          "Channels": [ "chat", "email", "sms" ],
          "Connect": {
            "Services": [
              { "Name": "Lab A", "Locked": false },
              { "Name": "Lab B", "Locked": true, "Tags": [] }
            ]
          },
          "Teams": [
            { "Name": "Sales", "Skills": [ "chat", "voice" ] },
            { "Name": "Support\tDesk", "Skills": [ "email" ] }
          ],
          "Rona": { "Chat": 18, "Email": 60, "Social": 90, "Telephony": 60 }
        }
        """;

    [Fact]
    public void The_same_definition_as_psd1_and_as_JSON_gives_equal_trees()
    {
        var fromPsd1 = PowerShellDataFile.Parse(PowerShellDataFileTests.LabDefinition.ReplaceLineEndings("\n"), "lab.psd1");
        var fromJson = DefinitionTree.FromJson(LabDefinitionJson, "lab.json");

        Equal(fromPsd1, fromJson);
        Equal(fromJson, fromPsd1);
    }

    [Fact]
    public void The_equality_helper_sees_a_difference_in_type_order_or_depth()
    {
        Assert.ThrowsAny<Exception>(() => Equal(DefinitionTree.FromJson("{\"a\":1}", "x"), DefinitionTree.FromJson("{\"a\":1.0}", "y")));
        Assert.ThrowsAny<Exception>(() => Equal(DefinitionTree.FromJson("{\"a\":1,\"b\":2}", "x"), DefinitionTree.FromJson("{\"b\":2,\"a\":1}", "y")));
        Assert.ThrowsAny<Exception>(() => Equal(DefinitionTree.FromJson("{\"a\":[[1]]}", "x"), DefinitionTree.FromJson("{\"a\":[1]}", "y")));
    }

    [Fact]
    public void JSON_gives_longs_doubles_and_strings_as_written_with_case_insensitive_ordered_keys()
    {
        var tree = (IDictionary<string, object>)DefinitionTree.FromJson(
            "// a comment\n{ \"Zeta\": 9223372036854775807, \"alpha\": 2.0, \"when\": \"2024-01-02T03:04:05Z\", \"list\": [1, \"x\", null, {}] }", "t.json");

        Assert.Equal(new[] { "Zeta", "alpha", "when", "list" }, tree.Keys);
        Assert.Equal(long.MaxValue, tree["zeta"]);
        Assert.Equal(2.0, tree["ALPHA"]);
        Assert.Equal("2024-01-02T03:04:05Z", tree["when"]);
        Equal(List(1L, "x", null, Map()), tree["list"]);
    }

    [Theory]
    [InlineData("{\n  \"Name\": \"a\",\n  \"name\": \"b\"\n}", 3, 3, "Duplicate key 'name' (first at line 2).")]
    [InlineData("{\n  \"Seats\": 99999999999999999999\n}", 2, 12, "The number '99999999999999999999' does not fit in a 64-bit integer.")]
    [InlineData("{\n  \"Seats\": 18 19\n}", 2, 15, "After parsing a value an unexpected character was encountered: 1.")]
    [InlineData("{\n  \"Seats\": \n}", 3, 1, "Unexpected character encountered while parsing value: }.")]
    [InlineData("{ \"Tags\": [1, 2", 1, 16, "The JSON array is not closed: the document ends before its ']'.")]
    [InlineData("{ \"Name\": \"a\" } []", 1, 17, "Additional text encountered after finished reading JSON content: [.")]
    [InlineData("  ", 1, 3, "The JSON document is empty.")]
    [InlineData("{ \"when\": new Date(1) }", 1, 11, "Unexpected StartConstructor in a JSON document.")]
    public void JSON_syntax_errors_name_the_source_line_and_column(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<DefinitionSyntaxException>(() => DefinitionTree.FromJson(text, "lab.json"));

        Assert.Equal(problem, error.Problem);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal($"lab.json, line {line}, column {column}: {problem}", error.Message);
    }

    [Fact]
    public void FromObject_converts_what_a_PowerShell_user_passes()
    {
        var ordered = new OrderedDictionary { ["Zeta"] = (byte)1, ["Alpha"] = (short)2 };
        var hashtable = new Hashtable { ["b"] = 2.5f, ["A"] = 1.25m, ["c"] = new object[] { 1, "x", null!, new ArrayList { true } }, [7] = 7u };

        Equal(Map(("Zeta", 1L), ("Alpha", 2L)), DefinitionTree.FromObject(ordered));
        // A Hashtable has no order of its own: its keys come sorted ordinally, the same on every run.
        Equal(Map(("7", 7L), ("A", 1.25), ("b", 2.5), ("c", List(1L, "x", null, List(true)))), DefinitionTree.FromObject(hashtable));
        Assert.Null(DefinitionTree.FromObject(null));
        Assert.Equal("text", DefinitionTree.FromObject("text"));
    }

    [Fact]
    public void FromObject_of_a_parsed_tree_gives_an_equal_tree()
    {
        var tree = PowerShellDataFile.Parse(PowerShellDataFileTests.LabDefinition.ReplaceLineEndings("\n"), "lab.psd1");

        Equal(tree, DefinitionTree.FromObject(tree));
    }

    [Fact]
    public void FromObject_refuses_another_type_naming_the_key_path_and_the_type()
    {
        var definition = new Hashtable { ["Teams"] = new object[] { new Hashtable { ["Name"] = "Sales" }, new Hashtable { ["Created"] = new DateTime(2024, 1, 2) } } };

        var error = Assert.Throws<ArgumentException>(() => DefinitionTree.FromObject(definition));

        Assert.StartsWith("The value at 'Teams[1].Created' is a System.DateTime; a lab definition holds only hashtables, arrays, strings, numbers, booleans and $null.", error.Message);
    }

    [Fact]
    public void FromObject_refuses_keys_that_differ_only_in_case()
    {
        var definition = new Hashtable(StringComparer.Ordinal) { ["Rona"] = new Hashtable(StringComparer.Ordinal) { ["Chat"] = 18, ["chat"] = 20 } };

        var error = Assert.Throws<ArgumentException>(() => DefinitionTree.FromObject(definition));

        Assert.StartsWith("The hashtable at 'Rona' has the key 'chat' twice (keys compare case-insensitively).", error.Message);
    }

    [Fact]
    public void FromObject_refuses_a_key_that_is_neither_string_nor_integer()
    {
        var error = Assert.Throws<ArgumentException>(() => DefinitionTree.FromObject(new Hashtable { [Guid.Empty] = 1 }));

        Assert.StartsWith("The hashtable at '(root)' has a key of type System.Guid ('00000000-0000-0000-0000-000000000000'); keys must be strings or integers.", error.Message);
    }

    [Fact]
    public void FromObject_refuses_a_collection_that_contains_itself()
    {
        var loop = new ArrayList();
        loop.Add(loop);

        var error = Assert.Throws<ArgumentException>(() => DefinitionTree.FromObject(loop));

        Assert.Contains("is nested more than 200 levels deep (does it contain itself?)", error.Message);
    }

    /// <summary>Stands in for PSObject, which the library must not reference.</summary>
    private sealed record Wrapper(object Inner);

    [Fact]
    public void FromObject_applies_the_unwrapper_at_every_depth_keys_included()
    {
        var definition = new Wrapper(new OrderedDictionary { [new Wrapper("Channels")] = new Wrapper(new object[] { new Wrapper("chat"), new Wrapper(3) }) });

        var tree = DefinitionTree.FromObject(definition, value => value is Wrapper wrapper ? wrapper.Inner : value);

        Equal(Map(("Channels", List("chat", 3L))), tree);
        Assert.Throws<ArgumentException>(() => DefinitionTree.FromObject(definition));
    }
}
