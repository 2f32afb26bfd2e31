using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// The phase a first program starts in (issue 13): Restore settles pain; a runner with no open pain and a screen with
/// nothing to treat has none to settle, so Maintain fits. Then Restore → Maintain: at least 14 days into the program, every session of the last 14 days at pain ≤ 2/10 and at
/// least 6 of them (T8's habit: 6 in the first two weeks, 3 a week after). Maintain → Improve is T6's, on a re-screen.
/// </summary>
internal static class PhaseProgress
{
    public static IEnumerable<PhaseAdvanced> Check(RunnerProgram program, DateOnly asOf)
    {
        // R1-R6: while a red flag is open the runner stays in Restore.
        if (program.Phase != Phase.Restore || asOf < program.StartedOn.AddDays(ProgramRules.MaintainWindowDays)
            || program.OpenRedFlags.Count > 0)
        {
            yield break;
        }

        var from = asOf.AddDays(1 - ProgramRules.MaintainWindowDays);
        var window = program.Sessions.Where(s => s.Date >= from && s.Date <= asOf).ToList();
        if (window.Count < ProgramRules.ConsistentSessionsIn14Days ||
            window.Exists(s => s.MaxPain > ProgramRules.MaintainPainLimit))
        {
            yield break;
        }

        var sentence = Invariant($"{window.Count} sessions from {Wording.Day(from)} to {Wording.Day(asOf)}, all at ") +
            Invariant($"pain ≤ {ProgramRules.MaintainPainLimit}/10 (worst {window.Max(s => s.MaxPain)}/10) and at ") +
            Invariant($"least {ProgramRules.ConsistentSessionsIn14Days} in 14 days (T8): the runner moves from ") +
            "Restore to Maintain.";
        yield return new PhaseAdvanced(Phase.Restore, Phase.Maintain, asOf,
            ProgramRules.Explain("T8", sentence, window.Select(s => s.SessionId.ToString())));
    }

    /// <summary>
    /// Maintain for a first program when intake has no open pain report (none unresolved above 0/10, and the screen's
    /// pain site, if any, reported and resolved), the screen found nothing exercises treat and no red flag is open
    /// (R1-R6 keep the runner in Restore); otherwise Restore. The sentence says why Maintain, or is empty.
    /// </summary>
    public static (Phase Phase, string Why) Starting(ScreenSummary screen, RedFlagHolds held)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(held);
        var pain = screen.Reported;
        var siteSettled = screen.PainSite is null || (pain.AtSite is { } report && !pain.Open.Contains(report));
        if (held.Any || pain.Open.Count > 0 || !siteSettled || screen.Findings.Any(ExerciseSelection.IsTreatable))
        {
            return (Phase.Restore, "");
        }

        var site = screen.PainSite is null ? "" : Invariant($" (the {Wording.Words(screen.PainSite)} pain is resolved)");
        return (Phase.Maintain, Invariant($" No open pain{site} and a screen with nothing to treat: there is no pain ") +
            "for Restore to settle, so the program starts in Maintain with progressive strength " +
            Invariant($"{ProgramRules.SessionsPerWeekLater} times a week (T1: 2-3 a week, Lauersen 2018, RR 0.34)."));
    }
}
