using System.Globalization;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>A race day (L6): a Race run and a competition on the same date are one race; distance is the longest.</summary>
    internal sealed record RaceDay(DateOnly Date, decimal DistanceKm, IReadOnlyList<Guid> EventIds);

    /// <summary>L6: a half marathon (21.0975 km) or longer needs 10 days before the next race.</summary>
    public const decimal HalfMarathonKm = 21.0975m;

    /// <summary>
    /// L6 race days in the window, oldest first. Competitions count when planned (L6 is about the calendar);
    /// runs count only up to <paramref name="asOf"/>, because a run is logged after it happened.
    /// </summary>
    internal static IReadOnlyList<RaceDay> RaceDays(TrainingHistory history, DayWindow window, DateOnly asOf) =>
    [
        .. history.Runs.Where(r => r.Type == SessionType.Race && r.Date <= asOf)
            .Select(r => (r.Date, r.DistanceKm, r.EventId))
            .Concat(history.Competitions.Select(c => (c.Date, c.DistanceKm, c.EventId)))
            .Where(race => window.Contains(race.Date))
            .GroupBy(race => race.Date)
            .OrderBy(day => day.Key)
            .Select(day => new RaceDay(day.Key, day.Max(r => r.DistanceKm), [.. day.Select(r => r.EventId)])),
    ];

    private static LoadFlag? RaceCalendarFlag(TrainingHistory history, DateOnly asOf)
    {
        // Every 21-day span that includes asOf lies within [asOf - 20, asOf + 21].
        var races = RaceDays(history, new DayWindow(asOf.AddDays(-20), asOf.AddDays(21)), asOf);
        var closest = races.Zip(races.Skip(1))
            .Select(pair => (Earlier: pair.First, Later: pair.Second, Days: pair.Second.Date.DayNumber - pair.First.Date.DayNumber))
            .OrderBy(pair => pair.Days)
            .ThenBy(pair => pair.Earlier.Date)
            .FirstOrDefault();
        // L6 "≥ 2 races within 21 days": at most 20 days apart. Its second clause (within 10 days after a half
        // marathon) is always inside the first; it only changes the explanation.
        if (closest.Earlier is null || closest.Days > 20)
        {
            return null;
        }

        var afterLongRace = closest.Earlier.DistanceKm >= HalfMarathonKm && closest.Days <= 10;
        var earlier = FieldChecks.Iso(closest.Earlier.Date);
        var later = FieldChecks.Iso(closest.Later.Date);
        var explanation = afterLongRace
            ? string.Create(CultureInfo.InvariantCulture,
                $"Your race on {later} comes {closest.Days} days after a half marathon or longer on {earlier}: after a race that long, leave at least 10 days before racing again.")
            : string.Create(CultureInfo.InvariantCulture,
                $"You have races on {earlier} and {later}, {closest.Days} days apart ({races.Count} races between {FieldChecks.Iso(asOf.AddDays(-20))} and {FieldChecks.Iso(asOf.AddDays(21))}): two races within 21 days leave too little time to recover.");
        var numbers = new Dictionary<string, decimal>
        {
            ["races_in_window"] = races.Count,
            ["days_between"] = closest.Days,
        };
        return Flag("L6", "too_many_races", "caution", 'C', numbers, explanation, races.SelectMany(r => r.EventIds));
    }
}
