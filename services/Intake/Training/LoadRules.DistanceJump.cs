using System.Globalization;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>L3: a week-over-week increase of more than this share of running distance fires (Nielsen 2014).</summary>
    public const decimal DistanceJumpPercent = 30m;

    /// <summary>L3 (rule set v2): a previous week below this many km is too small a base for a percentage…</summary>
    public const decimal DistanceJumpBaseKm = 10m;

    /// <summary>…and then only a jump of at least this many km counts (2 → 3 km is +50 % and no jump).</summary>
    public const decimal DistanceJumpMinimumKm = 5m;

    /// <summary>
    /// L3: running distance of the 7 days ending <paramref name="asOf"/> against the 7 days before them.
    /// Deliberately no "10 % rule": it did not reduce injuries in an RCT (Buist 2008), so DOMAIN.md says not to enforce it.
    /// </summary>
    private static LoadFlag? DistanceJumpFlag(TrainingHistory history, DateOnly asOf)
    {
        if (DistanceJumpWeeks(history, asOf) is not var (distance, previous)
            || IncreasePercent(distance, previous) is not { } increase || increase <= DistanceJumpPercent)
        {
            return null;
        }

        var thisWeek = DayWindow.Ending(asOf, 7);
        var weekBefore = DayWindow.Ending(asOf.AddDays(-7), 7);
        var shown = Round(increase, 1);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"Your running distance rose {Show(shown, "0.#")} % this week (from {Show(previous, "0.0")} km to {Show(distance, "0.0")} km). Big weekly jumps (> 30 %) are linked to running injuries (Nielsen 2014).");
        var numbers = new Dictionary<string, decimal>
        {
            ["distance_km"] = distance,
            ["previous_distance_km"] = previous,
            ["increase_percent"] = shown,
        };
        var runs = history.Runs.Where(r => thisWeek.Contains(r.Date) || weekBefore.Contains(r.Date));
        return Flag("L3", "distance_jump", "caution", 'B', numbers, explanation, runs.Select(r => r.EventId));
    }

    /// <summary>
    /// L3's two distances (the 7 days ending <paramref name="asOf"/> and the 7 before), or null for "not enough
    /// history" (rule set v2): the log is younger than two weeks (a partial first week would look like a jump that
    /// never happened), or the previous week is below 10 km and the jump below 5 km.
    /// </summary>
    private static (decimal Distance, decimal Previous)? DistanceJumpWeeks(TrainingHistory history, DateOnly asOf)
    {
        if (FirstTrainingDay(history) is not { } first || first > asOf.AddDays(-13))
        {
            return null;
        }

        var distance = RunDistance(history, DayWindow.Ending(asOf, 7));
        var previous = RunDistance(history, DayWindow.Ending(asOf.AddDays(-7), 7));
        return IsMeaningfulJump(distance, previous) ? (distance, previous) : null;
    }

    /// <summary>L3's data minimum (rule set v2): a previous week of ≥ 10 km, or below that a jump of ≥ 5 km.</summary>
    internal static bool IsMeaningfulJump(decimal distance, decimal previous) =>
        previous >= DistanceJumpBaseKm || distance - previous >= DistanceJumpMinimumKm;

    internal static decimal RunDistance(TrainingHistory history, DayWindow window) =>
        history.Runs.Where(r => window.Contains(r.Date)).Sum(r => r.DistanceKm);

    /// <summary>Exact (unrounded) change in percent; null when the earlier distance is 0 (no base to compare with).</summary>
    internal static decimal? IncreasePercent(decimal distance, decimal previous) =>
        previous > 0 ? (distance - previous) * 100 / previous : null;
}
