using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Errors;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// T7: plans a week's strength days so no heavy lower-body work falls within 24 h before an interval, tempo, long run
/// or race (not that day, not the day before), with at least one rest day, spread as evenly as the week allows.
/// Every strength day is treated as heavy: most programs hold a loaded squat, thrust, Nordic or heel-drop step.
/// T8 (v2): the same days each week — the usual weekdays for the dose (3: Monday, Wednesday, Friday; 2: Monday,
/// Thursday) are kept whenever T7 allows, so every week's plan (GetWeekPlan) repeats them and moves only a day a hard
/// run rules out.
/// </summary>
public static class WeekPlanner
{
    public const int DaysInWeek = 7;

    /// <summary>
    /// The strength days of the 7 days from <paramref name="weekStart"/>. <paramref name="hardRunDays"/> may include
    /// the day after the week (a hard run then rules out the week's last day). <paramref name="availableDays"/>
    /// limits the choice to days the runner can train (null: any day). No day before <paramref name="programStart"/> is
    /// planned: a program cannot have had a session before it existed.
    /// </summary>
    public static WeekPlan Plan(DateOnly weekStart, IReadOnlyList<DateOnly> hardRunDays, int sessions,
        IReadOnlyList<DayOfWeek>? availableDays, DateOnly? programStart = null)
    {
        ArgumentNullException.ThrowIfNull(hardRunDays);
        new FieldViolations()
            .Check(sessions is >= 1 and < DaysInWeek, "sessions_per_week", "must be between 1 and 6 (T7 keeps a rest day)")
            .ThrowIfAny();

        var hard = hardRunDays.ToHashSet();
        var week = Enumerable.Range(0, DaysInWeek).Select(weekStart.AddDays).ToArray();
        var candidates = week.Where(d => !hard.Contains(d) && !hard.Contains(d.AddDays(1)))
            .Where(d => availableDays is null || availableDays.Contains(d.DayOfWeek))
            .Where(d => programStart is not { } start || d >= start).ToArray();
        // T7's rest day: a day with neither strength nor a hard run.
        var room = Math.Max(0, DaysInWeek - 1 - week.Count(hard.Contains));
        var count = Math.Min(sessions, Math.Min(candidates.Length, room));
        var usual = UsualDays(sessions);
        var chosen = BestSpread(candidates, count, usual);

        var days = chosen.Select(d => new StrengthDay(d, Invariant($"{d.DayOfWeek} {Wording.Day(d)}: no interval, ") +
            "tempo, long run or race that day or the next, so heavy lower-body work ends more than 24 h " +
            "before the next hard run (T7)" + (usual.Contains(d.DayOfWeek)
                ? "; one of the runner's usual strength days, the same each week (T8)."
                : Invariant($"; instead of a usual day ({string.Join(", ", usual)}), which a hard run rules out this ") +
                    "week: T7 comes before T8's same days each week.")))
            .ToList();
        var shortfall = count < sessions
            ? Invariant($"Only {count} of {sessions} strength days fit: hard runs, the days before them, the ") +
                "runner's available days and one rest day (T7) leave no more room" + StartSentence(weekStart, programStart)
            : null;
        return new WeekPlan(weekStart, days, shortfall);
    }

    private static string StartSentence(DateOnly weekStart, DateOnly? programStart) =>
        programStart is { } start && start > weekStart ? Invariant($", and the program started on {Wording.Day(start)}.") : ".";

    /// <summary>The Monday that starts <paramref name="date"/>'s week (the week GetWeekPlan and a prescription plan).</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// T8 (v2): the weekdays a dose of <paramref name="sessions"/> keeps each week — the earliest set with the widest
    /// smallest gap, counted around the week as it repeats (3: Monday, Wednesday, Friday; 2: Monday, Thursday).
    /// </summary>
    public static IReadOnlySet<DayOfWeek> UsualDays(int sessions)
    {
        var monday = new DateOnly(2024, 1, 1);
        var week = Enumerable.Range(0, DaysInWeek).Select(monday.AddDays).ToArray();
        var best = Combinations(week, Math.Clamp(sessions, 1, DaysInWeek - 1))
            .OrderByDescending(c => c.Select((d, i) => (i + 1 < c.Length ? c[i + 1] : c[0].AddDays(DaysInWeek)).DayNumber - d.DayNumber).Min())
            .First();
        return best.Select(d => d.DayOfWeek).ToHashSet();
    }

    // At most C(7,3) = 35 combinations: try them all and keep the one with the most usual days (T8), then the widest
    // smallest gap (recovery between sessions), then the fewest back-to-back days, then the earliest.
    private static DateOnly[] BestSpread(DateOnly[] candidates, int count, IReadOnlySet<DayOfWeek> usual)
    {
        DateOnly[] best = [];
        (int Usual, int MinGap, int Adjacent) bestScore = (-1, -1, int.MaxValue);
        foreach (var combination in Combinations(candidates, count))
        {
            var gaps = combination.Zip(combination.Skip(1), (a, b) => b.DayNumber - a.DayNumber).ToArray();
            var score = (Usual: combination.Count(d => usual.Contains(d.DayOfWeek)),
                MinGap: gaps.Length == 0 ? DaysInWeek : gaps.Min(), Adjacent: gaps.Count(g => g == 1));
            if (score.Usual > bestScore.Usual || (score.Usual == bestScore.Usual && (score.MinGap > bestScore.MinGap
                || (score.MinGap == bestScore.MinGap && score.Adjacent < bestScore.Adjacent))))
            {
                (best, bestScore) = (combination, score);
            }
        }

        return best;
    }

    private static IEnumerable<DateOnly[]> Combinations(DateOnly[] items, int count, int start = 0)
    {
        if (count == 0)
        {
            yield return [];
            yield break;
        }

        for (var i = start; i <= items.Length - count; i++)
        {
            foreach (var rest in Combinations(items, count - 1, i + 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
