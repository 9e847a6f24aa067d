using System.Collections;
using System.Globalization;
using DigitalChannels.Client.Lab.Definition;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>Deep equality of definition trees, with the path of the first difference in the failure message.</summary>
internal static class DefinitionAssert
{
    public static void Equal(object? expected, object? actual) => Compare(expected, actual, "(root)");

    private static void Compare(object? expected, object? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {Show(actual)}");
                return;
            case IDictionary<string, object?> expectedMap:
                var actualMap = Assert.IsType<OrderedCaseInsensitiveDictionary>(actual);
                Assert.True(expectedMap.Keys.SequenceEqual(actualMap.Keys),
                    $"{path}: expected keys [{string.Join(", ", expectedMap.Keys)}], got [{string.Join(", ", actualMap.Keys)}]");
                foreach (var entry in expectedMap) Compare(entry.Value, actualMap[entry.Key], $"{path}.{entry.Key}");
                return;
            case IList expectedList:
                var actualList = Assert.IsType<List<object>>(actual);
                Assert.True(expectedList.Count == actualList.Count, $"{path}: expected {expectedList.Count} elements, got {actualList.Count}");
                for (var i = 0; i < expectedList.Count; i++) Compare(expectedList[i], actualList[i], $"{path}[{i}]");
                return;
            default:
                Assert.True(actual is not null && expected.GetType() == actual.GetType() && expected.Equals(actual),
                    $"{path}: expected {Show(expected)}, got {Show(actual)}");
                return;
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\" (string)",
        _ => $"{Convert.ToString(value, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
    };

    /// <summary>Builds an expected hashtable: Map(("Name", "x"), ("Count", 3L)).</summary>
    public static OrderedCaseInsensitiveDictionary Map(params (string Key, object? Value)[] entries)
    {
        var map = new OrderedCaseInsensitiveDictionary();
        foreach (var (key, value) in entries) map.Add(key, value!);
        return map;
    }

    public static List<object> List(params object?[] items) => new(items!);
}
