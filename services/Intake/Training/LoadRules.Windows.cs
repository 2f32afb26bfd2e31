using System.Globalization;
using RunRestore.Contracts;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>A run of whole calendar days, both ends included (every rule window in DOMAIN.md ends on "as of").</summary>
    internal readonly record struct DayWindow(DateOnly First, DateOnly Last)
    {
        public static DayWindow Ending(DateOnly last, int days) => new(last.AddDays(1 - days), last);

        public bool Contains(DateOnly date) => date >= First && date <= Last;
    }

    /// <summary>A run or gym session reduced to what the load rules need: one load model for both (L1).</summary>
    internal sealed record Session(Guid EventId, DateOnly Date, decimal Load);

    internal static IReadOnlyList<Session> Sessions(TrainingHistory history, DayWindow window) =>
    [
        .. history.Runs.Where(r => window.Contains(r.Date))
            .Select(r => new Session(r.EventId, r.Date, SessionLoad(r.Rpe, r.DurationMinutes))),
        .. history.GymSessions.Where(g => window.Contains(g.Date))
            .Select(g => new Session(g.EventId, g.Date, SessionLoad(g.Rpe, g.DurationMinutes))),
    ];

    /// <summary>The load of every day of the window, oldest first; a day without sessions has load 0.</summary>
    internal static decimal[] DailyLoads(IEnumerable<Session> sessions, DayWindow window)
    {
        var days = new decimal[window.Last.DayNumber - window.First.DayNumber + 1];
        foreach (var session in sessions.Where(s => window.Contains(s.Date)))
        {
            days[session.Date.DayNumber - window.First.DayNumber] += session.Load;
        }

        return days;
    }

    /// <summary>
    /// Half-up rounding for every stored number, so a clinician recomputing by hand gets the same figure
    /// (banker's rounding, .NET's default, would store 0.625 as 0.62).
    /// </summary>
    internal static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Numbers in explanations are invariant: the sentence is stored and read back on any server.</summary>
    internal static string Show(decimal value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static LoadFlag Flag(
        string ruleId, string kind, string severity, char evidence, Dictionary<string, decimal> numbers, string explanation,
        IEnumerable<Guid> eventIds) =>
        new(ruleId, RuleSet.VersionOf(ruleId), kind, severity, evidence, numbers, explanation, [.. eventIds.Distinct().Order()]);
}
