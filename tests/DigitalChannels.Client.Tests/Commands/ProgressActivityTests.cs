using DigitalChannels.Client.Commands;
using DigitalChannels.Client.Tests.Infrastructure;

namespace DigitalChannels.Client.Tests.Commands;

/// <summary>The progress tree: parent ids, one Completed record per activity, and the time remaining from an announced end.</summary>
public class ProgressActivityTests
{
    [Fact]
    public void Children_carry_the_parent_id_and_every_activity_ends_with_exactly_one_completed_record()
    {
        var host = new RecordingHost();
        using (var top = new ProgressActivity(host, 1, "Lab on 2 pods"))
        {
            top.Report("0 of 2 pods done", 0);
            using (var pod = top.Child("Applying to pod 1"))
            {
                pod.Report("[12.1] Provisioning (1 of 16)", 0);
                var wait = pod.Child("Provisioning Digital Channels");
                wait.Report("Provisioning", 40);
                wait.Complete();
                wait.Complete(); // a second close writes nothing
            }
        }

        var ids = host.Progress.Select(p => p.ActivityId).Distinct().ToList();
        Assert.Equal(3, ids.Count);
        foreach (var id in ids)
        {
            var records = host.Progress.Where(p => p.ActivityId == id).ToList();
            Assert.Single(records, p => p.Completed);
            Assert.True(records.Last().Completed, $"activity {id} does not end with its Completed record");
            Assert.Single(records.Select(p => p.ParentActivityId).Distinct());
        }
        var byActivity = host.Progress.GroupBy(p => p.Activity).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal(-1, byActivity["Lab on 2 pods"].ParentActivityId);
        Assert.Equal(1, byActivity["Applying to pod 1"].ParentActivityId);
        Assert.Equal(byActivity["Applying to pod 1"].ActivityId, byActivity["Provisioning Digital Channels"].ParentActivityId);
        // The child closes before its parent, so no bar outlives the one it is drawn under.
        Assert.True(host.Progress.FindIndex(p => p.Completed && p.Activity == "Provisioning Digital Channels")
            < host.Progress.FindIndex(p => p.Completed && p.Activity == "Applying to pod 1"));
    }

    [Fact]
    public void A_report_after_completion_is_dropped()
    {
        var host = new RecordingHost();
        var activity = new ProgressActivity(host, 3, "Waiting");
        activity.Complete();
        activity.Report("late", 50);
        Assert.Single(host.Progress);
        Assert.True(host.Progress[0].Completed);
    }

    [Fact]
    public void Seconds_remaining_come_from_the_announced_end_and_are_unknown_without_one()
    {
        var host = new RecordingHost();
        var now = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        var activity = new ProgressActivity(host, 1, "Waiting for Connect flow 'A' to be Live");

        activity.Report("Publishing", 10, now.AddSeconds(90.2), now);
        activity.Report("Publishing", 90, now.AddSeconds(-5), now);
        activity.Report("Publishing", 50);

        Assert.Equal(new[] { 91, 0, -1 }, host.Progress.Select(p => p.SecondsRemaining));
    }
}
