using System.Globalization;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>L5: fewer runs than this in 14 days say too little about how a runner trains (one hard run of 2 = 50 %).</summary>
    public const int IntensityMinimumRuns = 4;

    private static LoadFlag? IntensityFlag(TrainingHistory history, DateOnly asOf)
    {
        var window = DayWindow.Ending(asOf, 14);
        var runs = history.Runs.Where(r => window.Contains(r.Date)).ToList();
        var hard = runs.Count(IsHard);
        // L5 "> 40 %" in whole numbers (hard / runs > 2 / 5), so exactly 40 % does not fire.
        if (runs.Count < IntensityMinimumRuns || 5 * hard <= 2 * runs.Count)
        {
            return null;
        }

        var percent = Round(100m * hard / runs.Count, 1);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"{hard} of your {runs.Count} runs in the last 14 days ({Show(percent, "0")} %) were hard (RPE 7 or more, tempo, interval or race): your running is too intense (80/20 convention: keep most runs easy).");
        var numbers = new Dictionary<string, decimal>
        {
            ["hard_runs"] = hard,
            ["runs"] = runs.Count,
            ["hard_share_percent"] = percent,
        };
        return Flag("L5", "intensity", "caution", 'C', numbers, explanation, runs.Select(r => r.EventId));
    }

    /// <summary>
    /// L5 share (0-1, 2 decimals) of hard runs in the 14 days ending <paramref name="asOf"/>; null without runs.
    /// The weekly view shows it without L5's minimum of 4 runs: it is a trend, not a flag.
    /// </summary>
    internal static decimal? HardShare(TrainingHistory history, DateOnly asOf)
    {
        var window = DayWindow.Ending(asOf, 14);
        var runs = history.Runs.Where(r => window.Contains(r.Date)).ToList();
        return runs.Count > 0 ? Round((decimal)runs.Count(IsHard) / runs.Count, 2) : null;
    }

    /// <summary>L5: hard means RPE 7 or more, or a tempo, interval or race session whatever its RPE.</summary>
    private static bool IsHard(RunEntry run) =>
        run.Rpe >= 7 || run.Type is SessionType.Tempo or SessionType.Interval or SessionType.Race;
}
