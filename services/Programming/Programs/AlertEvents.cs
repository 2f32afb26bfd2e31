namespace RunRestore.Programming.Programs;

// The events that react to load flags (T5) and that tell the clinician or the runner something (P3, P4).

/// <summary>Strength progressions are held from <paramref name="From"/> until the day before <paramref name="Until"/>
/// (T5: one week after a load spike); they may resume on <paramref name="Until"/>.</summary>
public sealed record ProgressionsHeld(DateOnly From, DateOnly Until, Explanation Why);

/// <summary>Advice to cut the next week's running volume by 20-30 % (T5), starting <paramref name="WeekStart"/>.</summary>
public sealed record RunningVolumeAdvised(int CutFromPercent, int CutToPercent, DateOnly WeekStart, Explanation Why);

/// <summary>
/// The clinician should look: <paramref name="Level"/> is one of <see cref="AlertLevels"/> (P3 pain alerts low, high,
/// critical; P4 engagement and inactive).
/// </summary>
public sealed record ClinicianAlertRaised(string Level, Explanation Why, DateTimeOffset RaisedAt);

/// <summary>The runner has not logged a session for more than 49 h since <paramref name="QuietSince"/> (P4).</summary>
public sealed record EngagementNudged(DateTimeOffset QuietSince, Explanation Why, DateTimeOffset NudgedAt);

/// <summary>The levels of <see cref="ClinicianAlertRaised"/>.</summary>
public static class AlertLevels
{
    public const string Low = "low";
    public const string High = "high";
    public const string Critical = "critical";
    public const string Engagement = "engagement";
    public const string Inactive = "inactive";

    /// <summary>The P4 marker kept for a runner-facing nudge, beside the clinician levels of the same quiet spell.</summary>
    public const string Nudge = "nudge";

    /// <summary>True for the P4 levels, which are raised once per quiet spell.</summary>
    public static bool IsEngagement(string level) => level is Engagement or Inactive;
}
