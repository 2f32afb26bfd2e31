using RunRestore.Programming.Programs;

namespace RunRestore.Programming.Sessions;

/// <summary>
/// P2 (rule set v2), the 24-hour response: a site's baseline is the median of its next-morning reports of the 7 days
/// before (rolling, not the first report ever); +1 above it is noise, ≥ +2 is "up". Only the report for the morning
/// after the latest session (a report dated the next day is within 36 h of it) speaks for that session.
/// </summary>
internal static class MorningBaseline
{
    public const int Days = 7;
    public const int Up = 2;

    /// <summary>The site a report is about: its own, or the program's pain site (the gRPC call names none).</summary>
    public static string? SiteOf(string? bodySite, RunnerProgram program) =>
        string.IsNullOrWhiteSpace(bodySite) ? program.PainSite : bodySite;

    /// <summary>
    /// The median of <paramref name="site"/>'s next-morning pains in the 7 days before <paramref name="date"/>, rounded up
    /// (so "pain − baseline ≥ 2" decides exactly as against the unrounded median), with how many reports made it; null
    /// when there was none.
    /// </summary>
    public static (int Baseline, int Reports)? Of(RunnerProgram program, string? site, DateOnly date)
    {
        var pains = (program.MorningPains ?? [])
            .Where(m => m.BodySite == site && m.Date < date && m.Date >= date.AddDays(-Days))
            .Select(m => m.Pain).Order().ToList();
        if (pains.Count == 0)
        {
            return null;
        }

        var middle = pains.Count / 2;
        var twice = pains.Count % 2 == 1 ? 2 * pains[middle] : pains[middle - 1] + pains[middle];
        return ((twice + 1) / 2, pains.Count);
    }

    /// <summary>Whether a report on <paramref name="date"/> is the morning after the latest session before it.</summary>
    public static bool IsMorningAfterLatestSession(RunnerProgram program, DateOnly date) =>
        LatestSessionBefore(program, date) is { } session && date == session.AddDays(1);

    /// <summary>
    /// The report that speaks for the session logged before <paramref name="sessionDate"/> (T3 needs it at baseline): the
    /// program's pain site, dated the morning after that session; null when there is none (no progression then).
    /// </summary>
    public static MorningPain? ForLatestSessionBefore(RunnerProgram program, DateOnly sessionDate) =>
        LatestSessionBefore(program, sessionDate) is { } latest
            ? (program.MorningPains ?? []).LastOrDefault(m => m.Date == latest.AddDays(1) && Counts(m, program))
            : null;

    /// <summary>The day of the latest session logged before <paramref name="date"/>.</summary>
    public static DateOnly? LatestSessionBefore(RunnerProgram program, DateOnly date) =>
        program.Sessions.Where(s => s.Date < date).Select(s => (DateOnly?)s.Date).Max();

    // Another site's report does not speak for the program's site; a program without a pain site takes any.
    private static bool Counts(MorningPain morning, RunnerProgram program) =>
        program.PainSite is null || morning.BodySite == program.PainSite;
}
