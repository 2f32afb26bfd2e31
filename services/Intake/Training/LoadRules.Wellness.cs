using System.Globalization;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>S1, S2: fewer reports than this in 7 days are not "a week" of sleep or stress.</summary>
    public const int WellnessMinimumReports = 3;

    /// <summary>S1: adult sleep below this average slows recovery (Milewski 2014 saw RR 1.7 under 8 h in adolescents).</summary>
    public const decimal SleepHoursFloor = 7m;

    /// <summary>S2: self-rated stress (1-5) averaging this or more over a week.</summary>
    public const decimal HighStressAverage = 4m;

    private static LoadFlag? ShortSleepFlag(TrainingHistory history, DateOnly asOf)
    {
        var reports = WellnessReports(history, DayWindow.Ending(asOf, 7));
        if (reports.Count < WellnessMinimumReports)
        {
            return null;
        }

        // S1 decided on the exact mean; the stored average is rounded to 2 decimals.
        var sleep = reports.Average(w => w.SleepHours);
        if (sleep >= SleepHoursFloor)
        {
            return null;
        }

        var shown = Round(sleep, 2);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"You slept {Show(shown, "0.0#")} h a night on average over the last 7 days ({reports.Count} reports; under 7 h slows recovery).");
        var numbers = new Dictionary<string, decimal> { ["sleep_hours_average"] = shown, ["reports"] = reports.Count };
        return Flag("S1", "short_sleep", "caution", 'B', numbers, explanation, reports.Select(w => w.EventId));
    }

    private static LoadFlag? HighStressFlag(TrainingHistory history, DateOnly asOf)
    {
        var reports = WellnessReports(history, DayWindow.Ending(asOf, 7));
        if (reports.Count < WellnessMinimumReports)
        {
            return null;
        }

        var stress = StressAverage(reports);
        if (stress < HighStressAverage)
        {
            return null;
        }

        var shown = Round(stress, 2);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"Your stress averaged {Show(shown, "0.0#")} out of 5 over the last 7 days ({reports.Count} reports): your training should progress more slowly for now, and your clinician is told (stress goes with injury, Ivarsson 2017).");
        var numbers = new Dictionary<string, decimal> { ["stress_average"] = shown, ["reports"] = reports.Count };
        return Flag("S2", "high_stress", "caution", 'B', numbers, explanation, reports.Select(w => w.EventId));
    }

    internal static IReadOnlyList<WellnessEntry> WellnessReports(TrainingHistory history, DayWindow window) =>
        [.. history.Wellness.Where(w => window.Contains(w.Date))];

    internal static decimal StressAverage(IReadOnlyList<WellnessEntry> reports) => (decimal)reports.Sum(w => w.Stress) / reports.Count;
}
