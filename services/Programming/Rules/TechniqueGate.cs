using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using static System.FormattableString;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Rules;

/// <summary>T6's verdict on a re-screen: whether technique opens, whether that moves Maintain to Improve, and why.</summary>
internal sealed record GateVerdict(bool Open, bool AdvanceToImprove, Explanation Why);

/// <summary>
/// T6: technique / gait retraining only with running pain ≤ 2/10, no open strength/control findings on a re-screen
/// ≥ 6 weeks after the first, and the runner in Improve. Strength work alone often leaves running mechanics unchanged
/// (Willy &amp; Davis 2011), so the re-screen decides; a runner in Maintain who passes moves to Improve.
/// </summary>
internal static class TechniqueGate
{
    public static GateVerdict Evaluate(ScreenSummary screen, RunnerProgram current)
    {
        var days = screen.CompletedOn.DayNumber - screen.FirstCompletedOn.DayNumber;
        var blocking = screen.Findings.Where(f => BlocksTechnique(f.Kind)).ToList();
        var pain = RecentPain(screen, current);
        var phaseOk = current.Phase is Phase.Maintain or Phase.Improve;

        var reasons = new List<string>();
        if (!screen.IsReassessment || days < ProgramRules.TechniqueGateDays)
        {
            reasons.Add(Invariant($"this screen is {days} days after the first and T6 needs a re-screen at least ") +
                Invariant($"{ProgramRules.TechniqueGateDays} days (6 weeks) later"));
        }

        if (blocking.Count > 0)
        {
            reasons.Add("strength/control findings are still open " +
                Invariant($"({string.Join(", ", blocking.Select(Wording.Finding))})"));
        }

        if (pain is null)
        {
            reasons.Add("no pain was reported in the last two weeks to confirm running pain is at most 2/10");
        }
        else if (pain > ProgramRules.TechniquePainLimit)
        {
            reasons.Add(Invariant($"recent pain is {pain}/10 and T6 needs at most ") +
                Invariant($"{ProgramRules.TechniquePainLimit}/10"));
        }

        // R1-R6: technique work is blocked while a red flag is open, whatever the re-screen found.
        var redFlags = new RedFlagHolds(current.OpenRedFlags);
        if (redFlags.Any)
        {
            reasons.Add(redFlags.Describe() + " is open and blocks technique work until a clinician clears it");
        }

        if (!phaseOk)
        {
            reasons.Add("the runner is still in Restore and must reach Maintain first");
        }

        var ids = new[] { screen.AssessmentId.ToString() }.Concat(blocking.Select(f => f.Key)).Concat(redFlags.Ids);
        if (reasons.Count > 0)
        {
            return new GateVerdict(false, false, ProgramRules.Explain("T6",
                "Technique work stays locked: " + string.Join("; ", reasons) + ".", ids));
        }

        var advance = current.Phase == Phase.Maintain;
        var sentence = Invariant($"The re-screen {days} days after the first found no open strength/control findings ") +
            Invariant($"and recent pain is {pain}/10, so technique work starts ") +
            "(step rate +5 %, then up to +10 %; running drills)" +
            (advance ? " and the runner moves from Maintain to Improve." : ".");
        return new GateVerdict(true, advance, ProgramRules.Explain("T6", sentence, ids));
    }

    // T6 asks for running pain; when the caller does not send it, the program's own reports of the last two weeks
    // (session pain and next-morning pain) are the closest evidence it holds.
    private static int? RecentPain(ScreenSummary screen, RunnerProgram current)
    {
        if (screen.RecentRunningPain is { } running)
        {
            return running;
        }

        var since = screen.CompletedOn.AddDays(-ProgramRules.MaintainWindowDays);
        var reports = current.Sessions.Where(s => s.Date > since).Select(s => s.MaxPain).ToList();
        if (current.LastMorningPain is { } morning && morning.Date > since)
        {
            reports.Add(morning.Pain);
        }

        return reports.Count > 0 ? reports.Max() : null;
    }

    /// <summary>The kinds T6 reads as "open strength/control findings" that keep technique work locked.</summary>
    private static bool BlocksTechnique(string kind) => kind is FindingKinds.StrengthDeficit or FindingKinds.ControlCompensation;
}
