using DigitalChannels.Client.Lab;

namespace DigitalChannels.Client.Tests.Lab;

/// <summary>Drift rows from checks: one row per property that differs, quotes kept whole, the kinds apart.</summary>
public sealed class LabDriftTests
{
    private static LabCheck Check(LabResult result, string target, string expected, string actual, string? reason = null) => new()
    {
        Pod = "17", Lab = "12.5", StepId = "12.5-x", Step = "Step x", Target = target, Expectation = expected, Actual = actual, Result = result, Reason = reason,
    };

    [Fact]
    public void Descriptions_split_into_named_parts_and_quotes_stay_whole()
    {
        Assert.Equal(
            [("site", "'Site'"), ("agent based", ""), ("teams", "'Team1', 'Team2'"), ("multimedia profile", "'M, M'")],
            LabDriftCompare.Parts("site 'Site', agent based, teams 'Team1', 'Team2', multimedia profile 'M, M'").ToArray());
        Assert.Equal([("Telephony", "18 s"), ("Chat", "60 s")], LabDriftCompare.Parts("Telephony 18 s, Chat 60 s").ToArray());
    }

    [Fact]
    public void One_wrong_value_is_one_row_naming_the_property()
    {
        var rows = LabDriftCompare.FromCheck(Check(LabResult.Failed, "RONA timeouts", "Telephony 18 s, Chat 60 s, Email 90 s", "Telephony 18 s, Chat 45 s, Email 90 s"), false).ToList();
        var row = Assert.Single(rows);
        Assert.Equal((LabDriftKind.Differs, "RONA timeouts", "Chat", "60 s", "45 s"), (row.Kind, row.Object, row.Property, row.Expected, row.Actual));

        var all = LabDriftCompare.FromCheck(Check(LabResult.Failed, "RONA timeouts", "Telephony 18 s, Chat 60 s, Email 90 s", "Telephony 18 s, Chat 45 s, Email 90 s"), true).ToList();
        Assert.Equal([LabDriftKind.Same, LabDriftKind.Differs, LabDriftKind.Same], all.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public void Missing_unreadable_unpaired_and_equal_objects_are_told_apart()
    {
        Assert.Equal(LabDriftKind.Missing, LabDriftCompare.FromCheck(Check(LabResult.Failed, "Team 'Team2'", "site 'Site', agent based", "missing"), false).Single().Kind);
        var notRead = LabDriftCompare.FromCheck(Check(LabResult.Error, "1. Services", "the step's state can be read", "error", "The server did not answer."), false).Single();
        Assert.Equal((LabDriftKind.NotRead, "The server did not answer."), (notRead.Kind, notRead.Actual));
        var whole = LabDriftCompare.FromCheck(Check(LabResult.Failed, "Team 'T'", "site 'Site', agent based", "site 'Site', capacity based"), false).Single();
        Assert.Equal((LabDriftKind.Differs, (string?)null, "site 'Site', capacity based"), (whole.Kind, whole.Property, whole.Actual));
        Assert.Empty(LabDriftCompare.FromCheck(Check(LabResult.Passed, "Site 'Site'", "multimedia profile 'MMP'", "multimedia profile 'MMP'"), false));
        Assert.Equal(LabDriftKind.Same, LabDriftCompare.FromCheck(Check(LabResult.Passed, "Site 'Site'", "multimedia profile 'MMP'", "multimedia profile 'MMP'"), true).Single().Kind);
    }
}
