using System.Globalization;
using RunRestore.Contracts;

namespace RunRestore.Intake.Training;

/// <summary>A rule that cannot be judged as of a day for lack of data (DOMAIN.md "Load", rule set v2).</summary>
/// <param name="RuleId">DOMAIN.md rule id ("L2", "L3").</param>
/// <param name="Explanation">What is missing, in words a runner understands.</param>
public sealed record NotEnoughHistory(string RuleId, int RuleVersion, string Explanation);

public static partial class LoadRules
{
    /// <summary>
    /// The rules that say "not enough history" as of <paramref name="asOf"/> instead of firing or staying silent
    /// (DOMAIN.md "Load" preamble, rule set v2): L2 without 21 days of history and 6 sessions in its 28-day window, L3
    /// without two weeks of log or without a previous week of 10 km (or, below that, a jump of 5 km).
    /// </summary>
    public static IReadOnlyList<NotEnoughHistory> NotJudged(TrainingHistory history, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(history);
        var missing = new List<NotEnoughHistory>();
        if (AcuteChronicData(history, asOf) is null)
        {
            missing.Add(new("L2", RuleSet.VersionOf("L2"), string.Create(CultureInfo.InvariantCulture,
                $"Not enough history to compare this week's load with your usual load: it needs {AcuteChronicMinimumDays} days of log with at least {AcuteChronicMinimumSessions} sessions in the last 28 days.")));
        }

        if (DistanceJumpWeeks(history, asOf) is null)
        {
            missing.Add(new("L3", RuleSet.VersionOf("L3"), string.Create(CultureInfo.InvariantCulture,
                $"Not enough history to judge a weekly distance jump: it needs two weeks of log and a previous week of at least {Show(DistanceJumpBaseKm, "0")} km (or a jump of at least {Show(DistanceJumpMinimumKm, "0")} km).")));
        }

        return missing;
    }

    /// <summary>The runner's first day with a run or gym session (their load history starts there); null without any.</summary>
    internal static DateOnly? FirstTrainingDay(TrainingHistory history) =>
        history.Runs.Select(r => (DateOnly?)r.Date).Concat(history.GymSessions.Select(g => (DateOnly?)g.Date)).Min();

    /// <summary>
    /// A calendar week that does not hold seven days of the runner's history: the week their history starts in when it
    /// starts after the Monday, or the week of <paramref name="today"/> while days of it are still to come (before its
    /// Sunday). No week-over-week change is computed against or for such a week.
    /// </summary>
    internal static bool IsPartialWeek(TrainingHistory history, DateOnly weekStart, DateOnly today)
    {
        var week = new DayWindow(weekStart, weekStart.AddDays(6));
        var unfinished = week.Contains(today) && today < week.Last;
        var startsMidWeek = FirstTrainingDay(history) is { } first && week.Contains(first) && first > week.First;
        return unfinished || startsMidWeek;
    }
}
