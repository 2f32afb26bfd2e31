namespace RunRestore.Intake.Training;

/// <summary>
/// The load and wellness rules of DOMAIN.md (L1-L6, S1-S2) as pure functions of a runner's history and a date.
/// No clock and no I/O: the caller passes "as of", so a projection can replay any day and get the same flags.
/// </summary>
public static partial class LoadRules
{
    /// <summary>Highest RPE on the Borg CR-10 scale that Foster's session RPE uses (L1).</summary>
    public const int MaxRpe = 10;

    /// <summary>
    /// L1 Foster session RPE: load = RPE (0-10) × minutes. Runs and gym/rehab sessions share this one load model,
    /// so strength work counts towards L2 and L4 like running does.
    /// </summary>
    public static decimal SessionLoad(int rpe, decimal minutes)
    {
        // Out-of-range input is a bug upstream (logging validates it); a silently wrong load would skew L2 and L4.
        ArgumentOutOfRangeException.ThrowIfNegative(rpe);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rpe, MaxRpe);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return rpe * minutes;
    }

    /// <summary>
    /// The flags active as of <paramref name="asOf"/>, in rule order (L2, L3, L4, L5, L6, S1, S2).
    /// Entries dated after <paramref name="asOf"/> are ignored, except planned competitions for L6.
    /// </summary>
    public static IReadOnlyList<LoadFlag> Evaluate(TrainingHistory history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        LoadFlag?[] flags =
        [
            AcuteChronicFlag(history, asOf),
            DistanceJumpFlag(history, asOf),
            MonotonyFlag(history, asOf),
            IntensityFlag(history, asOf),
            RaceCalendarFlag(history, asOf),
            ShortSleepFlag(history, asOf),
            HighStressFlag(history, asOf),
        ];
        return [.. flags.OfType<LoadFlag>()];
    }

    /// <summary>
    /// <paramref name="count"/> calendar weeks (Monday to Sunday) ending with the week that starts on
    /// <paramref name="lastWeekStart"/>, oldest first. Every figure looks only at entries up to that week's Sunday,
    /// except race counts, which include planned competitions of the week. <paramref name="today"/> (the runner's)
    /// marks the week still running as partial and ends its figures there.
    /// </summary>
    public static IReadOnlyList<WeeklyLoad> Weeks(TrainingHistory history, DateOnly lastWeekStart, int count, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (lastWeekStart.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException("A calendar week starts on a Monday.", nameof(lastWeekStart));
        }

        return [.. Enumerable.Range(0, count).Select(i => WeeklyLoads.Of(history, lastWeekStart.AddDays(-7 * (count - 1 - i)), today))];
    }
}
