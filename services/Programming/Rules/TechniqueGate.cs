using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Running;
using static System.FormattableString;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Rules;

/// <summary>T6's verdict on a re-screen: whether technique opens, whether that moves Maintain to Improve, and why.</summary>
internal sealed record GateVerdict(bool Open, bool AdvanceToImprove, Explanation Why, IReadOnlyList<string> Reasons);

/// <summary>
/// T6 (v2): technique / gait retraining only with running evidence (≥ 3 runs in the last 14 days at running pain
/// ≤ 2/10, or a completed T9 ladder), no open strength/control findings on a re-screen ≥ 6 weeks after the first that
/// re-tested every open finding (untested is not resolved), and the runner in Improve. Strength work alone often leaves
/// running mechanics unchanged (Willy &amp; Davis 2011), so the re-screen decides; a runner in Maintain who passes moves
/// to Improve. Strength-session pain never stands in for running pain.
/// </summary>
internal static class TechniqueGate
{
    public static GateVerdict Evaluate(ScreenSummary screen, RunnerProgram current)
    {
        var days = screen.CompletedOn.DayNumber - screen.FirstCompletedOn.DayNumber;
        var blocking = screen.Findings.Where(f => BlocksTechnique(f.Kind) && !screen.Resolved.Contains(f.Key)).ToList();
        var running = screen.Running ?? RunningEvidence.None;

        var reasons = new List<string>();
        if (!screen.IsReassessment || days < ProgramRules.TechniqueGateDays)
        {
            reasons.Add(Invariant($"this screen is {days} days after the first and T6 needs a re-screen at least ") +
                Invariant($"{ProgramRules.TechniqueGateDays} days (6 weeks) later"));
        }

        if (screen.NotRetested.Count > 0)
        {
            reasons.Add("the re-screen did not re-test " + string.Join(", ", screen.NotRetested.Select(k => Named(k, current))) +
                ", and untested is not resolved");
        }

        if (blocking.Count > 0)
        {
            reasons.Add("strength/control findings are still open " +
                Invariant($"({string.Join(", ", blocking.Select(Wording.Finding))})"));
        }

        if (running.Shortfall() is { } shortfall)
        {
            reasons.Add(shortfall);
        }

        // R1-R6: technique work is blocked while a red flag is open, whatever the re-screen found.
        var redFlags = new RedFlagHolds(current.OpenRedFlags);
        if (redFlags.Any)
        {
            reasons.Add(redFlags.Describe() + " is open and blocks technique work until a clinician clears it");
        }

        if (current.Phase is not (Phase.Maintain or Phase.Improve))
        {
            reasons.Add("the runner is still in Restore and must reach Maintain first");
        }

        var ids = new[] { screen.AssessmentId.ToString() }.Concat(blocking.Select(f => f.Key)).Concat(screen.NotRetested)
            .Concat(running.Runs.Select(r => r.RunId.ToString())).Concat(redFlags.Ids);
        if (reasons.Count > 0)
        {
            return new GateVerdict(false, false, ProgramRules.Explain("T6",
                "Technique work stays locked: " + string.Join("; ", reasons) + ".", ids), reasons);
        }

        var advance = current.Phase == Phase.Maintain;
        var evidence = running.ReturnToRunLadderComplete
            ? "the return-to-run ladder is complete (T9)"
            : Invariant($"{running.EasyRuns} runs in the last {RunningEvidence.WindowDays} days were at running pain ") +
                Invariant($"≤ {RunningEvidence.PainLimit}/10 (worst {running.WorstPain}/10)");
        var sentence = Invariant($"The re-screen {days} days after the first re-tested every open finding and found no ") +
            $"open strength/control findings, and {evidence}, so technique work starts " +
            "(step rate +5 %, then up to +10 %; running drills)" +
            (advance ? " and the runner moves from Maintain to Improve." : ".");
        return new GateVerdict(true, advance, ProgramRules.Explain("T6", sentence, ids), []);
    }

    /// <summary>The previous screen's finding in words, or its key when the program never held it.</summary>
    private static string Named(string key, RunnerProgram current) =>
        current.OpenFindings.Find(f => f.Key == key) is { } finding ? Invariant($"the {Wording.Finding(finding)} ({key})") : key;

    /// <summary>The kinds T6 reads as "open strength/control findings" that keep technique work locked.</summary>
    private static bool BlocksTechnique(string kind) => kind is FindingKinds.StrengthDeficit or FindingKinds.ControlCompensation;
}
