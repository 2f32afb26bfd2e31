using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using static System.FormattableString;

namespace RunRestore.Programming.LoadFlags;

/// <summary>
/// S1 (sleep) and S2 (stress), rule set v2: while either is active, strength progressions are held like T5 holds them,
/// and every hold names the flag. Unlike T5 the hold has no end date: it ends when intake clears the flag
/// (<see cref="EndingWellnessHold"/>). The runner is told only what programming does: the exercises stay where they are.
/// </summary>
public static class HoldingForWellness
{
    public static bool IsWellness(string ruleId) => ruleId is "S1" or "S2";

    /// <summary>The hold for an S1/S2 flag; the same flag at the same severity again changes nothing.</summary>
    public static IReadOnlyList<object> Decide(ReactToLoadFlag flag, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(program);
        var (ruleId, kind, severity, _) = flag;
        if (program.ActiveWellnessFlags.Exists(f => f.RuleId == ruleId && f.Kind == kind && f.Severity == severity))
        {
            return [];
        }

        var today = Wording.Today(now);
        var id = Invariant($"{ruleId}:{kind}:{severity}");
        return [new ProgressionsHeldForWellness(ruleId, kind, severity, today, ProgramRules.Explain(ruleId,
            Invariant($"As {LoadFlagWords.What([id])}, strength exercises stay at their current step from ") +
                Invariant($"{Wording.Day(today)} for as long as intake flags it ({ruleId}, {severity}); they may move up ") +
                "again once the flag is cleared.", id))];
    }

    /// <summary>What GetCurrentProgram tells the runner while flags hold: which flags, and that exercises stay.</summary>
    public static string Advice(IReadOnlyList<WellnessFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        return Invariant($"While {LoadFlagWords.What(flags.Select(Id))}, strength exercises stay at their current step; ") +
            "they may move up again once that is no longer flagged.";
    }

    /// <summary>The flag's id as explanations cite it: "S2:high_stress:caution".</summary>
    public static string Id(WellnessFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return Invariant($"{flag.RuleId}:{flag.Kind}:{flag.Severity}");
    }
}
