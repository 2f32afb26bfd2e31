using System.Globalization;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>L2's figures as of one day: acute (7-day) and chronic (28-day, per week) load and their ratio.</summary>
    internal sealed record AcuteChronicLoad(decimal Acute, decimal Chronic, decimal Ratio, IReadOnlyList<Session> Sessions);

    /// <summary>L2's data minimum (rule set v2): at least this many days of history…</summary>
    public const int AcuteChronicMinimumDays = 21;

    /// <summary>…with at least this many sessions in the chronic window.</summary>
    public const int AcuteChronicMinimumSessions = 6;

    /// <summary>
    /// L2 inputs as of <paramref name="asOf"/>; null when the rule cannot be evaluated ("not enough history", DOMAIN.md
    /// "Load", rule set v2): the first session is less than 21 days back, fewer than 6 sessions are in the 28-day
    /// window, or there was no load at all in it.
    /// </summary>
    internal static AcuteChronicLoad? AcuteChronic(TrainingHistory history, DateOnly asOf)
    {
        if (AcuteChronicData(history, asOf) is not var (days, sessions))
        {
            return null;
        }

        var acuteWindow = DayWindow.Ending(asOf, 7);
        var acute = sessions.Where(s => acuteWindow.Contains(s.Date)).Sum(s => s.Load);
        // Chronic as a weekly equivalent (total over the days of history × 7 / days; 28 days: total / 4) so the ratio
        // compares like with like.
        var chronic = sessions.Sum(s => s.Load) * 7 / days;
        return chronic > 0 ? new AcuteChronicLoad(acute, chronic, acute / chronic, sessions) : null;
    }

    /// <summary>
    /// L2's data minimum: the days of history the chronic window holds (21-28) and its sessions, or null for "not
    /// enough history" (the first session less than 21 days back, or fewer than 6 sessions in the 28-day window).
    /// </summary>
    private static (int Days, IReadOnlyList<Session> Sessions)? AcuteChronicData(TrainingHistory history, DateOnly asOf)
    {
        var earliest = FirstTrainingDay(history) ?? DateOnly.MaxValue;
        // Days of history the chronic window holds (21-28): a runner with 3 weeks of log is averaged over 3 weeks.
        var days = Math.Min(28, asOf.DayNumber - earliest.DayNumber + 1);
        var sessions = Sessions(history, DayWindow.Ending(asOf, 28));
        return days < AcuteChronicMinimumDays || sessions.Count < AcuteChronicMinimumSessions ? null : (days, sessions);
    }

    private static LoadFlag? AcuteChronicFlag(TrainingHistory history, DateOnly asOf)
    {
        if (AcuteChronic(history, asOf) is not { } load)
        {
            return null;
        }

        // L2 thresholds on the exact ratio (acute and chronic are stored exactly, so the decision can be replayed).
        (string Kind, string Severity, string Meaning)? verdict = load.Ratio switch
        {
            >= 1.5m => ("load_spike", "high", "load is rising much faster than usual"),
            > 1.3m => ("load_spike", "caution", "load is rising faster than usual"),
            < 0.8m => ("under_load", "info", "you are training less than usual"),
            _ => null,
        };
        if (verdict is not (var kind, var severity, var meaning))
        {
            return null;
        }

        var ratio = Round(load.Ratio, 2);
        // Evidence X: the ACWR-injury link is contested, so the sentence says so and never speaks of injury risk.
        var contested = kind == "load_spike"
            ? " (acute:chronic ratio; the link to injury is contested, Impellizzeri 2020)"
            : string.Empty;
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"Your training load in the last 7 days ({Show(load.Acute, "0.##")}) is {Show(ratio, "0.00")} times your 4-week average ({Show(load.Chronic, "0.##")} a week): {meaning}{contested}.");
        var numbers = new Dictionary<string, decimal>
        {
            ["acute_load"] = load.Acute,
            ["chronic_load"] = load.Chronic,
            ["acwr"] = ratio,
        };
        return Flag("L2", kind, severity, 'X', numbers, explanation, load.Sessions.Select(s => s.EventId));
    }
}
