namespace RunRestore.Intake.Training;

/// <summary>
/// One calendar week of <see cref="WeeklyLoad"/> figures from the same rule functions as the flags, so the weekly
/// view and the flags cannot disagree. Entries after the week's Sunday (or after today, for the week still running) are
/// ignored except planned races.
/// </summary>
internal static class WeeklyLoads
{
    public static WeeklyLoad Of(TrainingHistory history, DateOnly weekStart, DateOnly today)
    {
        var week = new LoadRules.DayWindow(weekStart, weekStart.AddDays(6));
        // The week's figures as of its Sunday, or as of today while the week is still running.
        var lastDay = today < week.Last && week.Contains(today) ? today : week.Last;
        var partial = LoadRules.IsPartialWeek(history, weekStart, today);
        var runs = history.Runs.Where(r => week.Contains(r.Date)).ToList();
        var runLoad = runs.Sum(r => LoadRules.SessionLoad(r.Rpe, r.DurationMinutes));
        var gymLoad = history.GymSessions.Where(g => week.Contains(g.Date)).Sum(g => LoadRules.SessionLoad(g.Rpe, g.DurationMinutes));
        var distance = runs.Sum(r => r.DistanceKm);

        // L2 as of Sunday: null whenever the flag would not be evaluated (less than 28 days of history, no load).
        var acwr = LoadRules.AcuteChronic(history, lastDay) is { } load ? LoadRules.Round(load.Ratio, 2) : (decimal?)null;
        // L3 against the previous calendar week, even when that week is outside the requested range — but never for
        // or against a partial week (rule set v2): a first week of 3 runs or the unfinished current week is no base.
        var previousWeek = weekStart.AddDays(-7);
        var previousDistance = LoadRules.RunDistance(history, new LoadRules.DayWindow(previousWeek, weekStart.AddDays(-1)));
        var change = !partial && !LoadRules.IsPartialWeek(history, previousWeek, today)
            && LoadRules.IncreasePercent(distance, previousDistance) is { } percent
            ? LoadRules.Round(percent, 1)
            : (decimal?)null;
        // L4 over the week's own 7 days.
        var monotony = LoadRules.Monotony(LoadRules.DailyLoads(LoadRules.Sessions(history, week), week));
        var reports = LoadRules.WellnessReports(history, week);

        return new WeeklyLoad(
            WeekStart: weekStart,
            DistanceKm: distance,
            RunMinutes: runs.Sum(r => r.DurationMinutes),
            Runs: runs.Count,
            RunLoad: runLoad,
            GymLoad: gymLoad,
            Acwr: acwr,
            DistanceChangePercent: change,
            Monotony: monotony,
            Strain: LoadRules.Strain(runLoad + gymLoad, monotony),
            HardShare: LoadRules.HardShare(history, lastDay),
            // L6's calendar view: planned competitions in the week count, as they do for the flag.
            Races: LoadRules.RaceDays(history, week, lastDay).Count,
            SleepHoursAverage: reports.Count > 0 ? LoadRules.Round(reports.Average(w => w.SleepHours), 2) : null,
            StressAverage: reports.Count > 0 ? LoadRules.Round(LoadRules.StressAverage(reports), 2) : null,
            Partial: partial);
    }
}
