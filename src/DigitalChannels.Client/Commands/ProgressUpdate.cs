namespace DigitalChannels.Client.Commands
{
    /// <summary>One Write-Progress record, in PowerShell's terms.</summary>
    public sealed class ProgressUpdate
    {
        public ProgressUpdate(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }
        public string Activity { get; }
        public string Status { get; }

        /// <summary>The activity this one is part of (PowerShell draws it beneath); -1 for a top-level activity.</summary>
        public int ParentActivityId { get; set; } = -1;

        public int PercentComplete { get; set; } = -1;
        public int SecondsRemaining { get; set; } = -1;
        public string CurrentOperation { get; set; }

        /// <summary>The closing record that removes the bar.</summary>
        public bool Completed { get; set; }
    }
}
