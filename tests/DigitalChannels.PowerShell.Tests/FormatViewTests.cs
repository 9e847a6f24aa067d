using System.Xml.Linq;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// The default table views as a new user meets them in a 120-column console: names rather than ids, and fixed widths
/// that leave room for every column (PowerShell drops the columns that do not fit). The real rendering is checked in
/// pwsh by tests/Pester/Output.Tests.ps1.
/// </summary>
public class FormatViewTests
{
    private const int ConsoleWidth = 120;

    /// <summary>The lab's result views (LabCheck, LabChange, LabPodResult, …) are laid out with the lab's own output.</summary>
    private static bool IsLabView(XElement view) =>
        view.Element("Name")!.Value.StartsWith("DigitalChannels.Client.Lab.", StringComparison.Ordinal);

    private static IEnumerable<XElement> TableViews() =>
        XDocument.Parse(Repository.ReadText("module", "DigitalChannels.format.ps1xml")).Descendants("View")
            .Where(v => v.Element("TableControl") != null && !IsLabView(v));

    public static TheoryData<string> ViewNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var view in TableViews()) data.Add(view.Element("Name")!.Value);
            return data;
        }
    }

    private static XElement View(string name) => TableViews().Single(v => v.Element("Name")!.Value == name);

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void Fixed_widths_leave_room_for_every_column_in_120_characters(string name)
    {
        var headers = View(name).Descendants("TableColumnHeader").ToList();
        var fixedWidth = headers.Sum(h => (int?)h.Element("Width") ?? 0) + headers.Count - 1;
        var unsized = headers.Count(h => h.Element("Width") == null);
        // Each unsized column keeps at least its label's width (and 8 characters).
        var unsizedNeed = headers.Where(h => h.Element("Width") == null).Sum(h => Math.Max(8, h.Element("Label")!.Value.Length));
        Assert.True(fixedWidth + unsizedNeed <= ConsoleWidth,
            $"{name}: the fixed widths take {fixedWidth} characters and the {unsized} unsized column(s) need {unsizedNeed}: more than {ConsoleWidth}.");
        foreach (var header in headers.Where(h => h.Element("Width") != null))
        {
            var label = header.Element("Label")!.Value;
            Assert.True(label.Length <= (int)header.Element("Width")!, $"{name}: the label '{label}' is wider than its column ({header.Element("Width")!.Value}).");
        }
    }

    /// <summary>
    /// An id of another object (SiteId, TeamIds, GroupId, …) in a default view is what the names replaced. A view may
    /// still fall back to the id inside a script block, for an object whose names could not be read.
    /// </summary>
    [Theory]
    [MemberData(nameof(ViewNames))]
    public void Views_show_names_not_the_ids_of_other_objects(string name)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "Id", "OrganizationId", "ClientId", "ConversationId", "TransactionId" };
        var ids = View(name).Descendants("PropertyName").Select(p => p.Value)
            .Where(p => (p.EndsWith("Id", StringComparison.Ordinal) || p.EndsWith("Ids", StringComparison.Ordinal)) && !allowed.Contains(p)).ToList();
        Assert.True(ids.Count == 0, $"{name} shows {string.Join(", ", ids)}: show the name instead.");
    }

    [Theory]
    [MemberData(nameof(ViewNames))]
    public void The_first_column_is_what_identifies_the_object_to_a_person(string name)
    {
        var first = View(name).Descendants("TableColumnHeader").First().Element("Label")!.Value;
        Assert.NotEqual("Id", first);
    }
}
