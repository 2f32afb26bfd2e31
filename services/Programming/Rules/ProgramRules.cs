using System.Collections.Frozen;
using RunRestore.Contracts;
using RunRestore.Contracts.Safety;
using RunRestore.Programming.Programs;

namespace RunRestore.Programming.Rules;

/// <summary>The programming rules' numbers (DOMAIN.md T1-T9, P1-P4) and the evidence level of every rule id.</summary>
public static class ProgramRules
{
    /// <summary>P1 (v2): pain during activity up to 3/10 is fine by default; a clinician sets 0-5 (4-5 only tendinopathy).</summary>
    public const int DefaultPainCeiling = 3;
    public const int MaxPainCeiling = 5;

    /// <summary>T3: the RPE target a session must stay at or under to count towards progression.</summary>
    public const int TargetRpe = 7;

    /// <summary>T3: consecutive good sessions before the next step on the ladder.</summary>
    public const int GoodSessionsToProgress = 2;

    /// <summary>T2: 4-6 exercises a session, because adherence falls with more.</summary>
    public const int MinExercises = 4;
    public const int MaxExercises = 6;

    /// <summary>T5: strength progressions are held for one week after a load spike.</summary>
    public const int HoldDays = 7;

    /// <summary>T5: the next week's running is cut by 20-30 %.</summary>
    public const int RunningCutFromPercent = 20;
    public const int RunningCutToPercent = 30;

    /// <summary>T6: a re-screen at least 6 weeks after the first, with running pain at most 2/10.</summary>
    public const int TechniqueGateDays = 42;
    public const int TechniquePainLimit = 2;

    /// <summary>
    /// Restore → Maintain: 14 days of sessions at pain ≤ 2/10 (the same 2/10 that T6 and T9 treat as settled) with
    /// T8's habit of ≥ 6 sessions in 14 days.
    /// </summary>
    public const int MaintainWindowDays = 14;
    public const int MaintainPainLimit = 2;
    public const int ConsistentSessionsIn14Days = 6;

    /// <summary>T8: 3 sessions a week in the first two weeks (≥ 6); T1: 2-3 a week is the effective strength dose.</summary>
    public const int SessionsPerWeekEarly = 3;
    public const int SessionsPerWeekLater = 2;

    // DOMAIN.md's evidence levels (A trial, B cohort, C convention, X contested), so no explanation can cite a rule
    // with the wrong strength of evidence.
    private static readonly FrozenDictionary<string, string> EvidenceByRule = new Dictionary<string, string>
    {
        ["L1"] = "B", ["L2"] = "X", ["L3"] = "B", ["L4"] = "C", ["L5"] = "C", ["L6"] = "C", ["S1"] = "B", ["S2"] = "B",
        ["P1"] = "A", ["P2"] = "A", ["P3"] = "C", ["P4"] = "C",
        ["M1"] = "B", ["M2"] = "B", ["M3"] = "B", ["M4"] = "B", ["M5"] = "X", ["M6"] = "C", ["M7"] = "C", ["M8"] = "C",
        ["M9"] = "B",
        ["K1"] = "A", ["K2"] = "B", ["K3"] = "B", ["K4"] = "A", ["K5"] = "A", ["K6"] = "X", ["K7"] = "C", ["K8"] = "C",
        ["T1"] = "A", ["T2"] = "C", ["T3"] = "C", ["T4"] = "A", ["T5"] = "C", ["T6"] = "B", ["T7"] = "C", ["T8"] = "C",
        ["T9"] = "B",
        [RedFlagRules.NightOrRestPain] = RedFlagRules.EvidenceOf(RedFlagRules.NightOrRestPain),
        [RedFlagRules.BoneStress] = RedFlagRules.EvidenceOf(RedFlagRules.BoneStress),
        [RedFlagRules.StructuralJoint] = RedFlagRules.EvidenceOf(RedFlagRules.StructuralJoint),
        [RedFlagRules.Nerve] = RedFlagRules.EvidenceOf(RedFlagRules.Nerve),
        [RedFlagRules.GroinAnteriorHip] = RedFlagRules.EvidenceOf(RedFlagRules.GroinAnteriorHip),
        [RedFlagRules.LowEnergyAvailability] = RedFlagRules.EvidenceOf(RedFlagRules.LowEnergyAvailability),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The evidence level DOMAIN.md gives a rule; "C" (convention) for an id it does not know.</summary>
    public static string EvidenceOf(string ruleId) => EvidenceByRule.GetValueOrDefault(ruleId, "C");

    /// <summary>An explanation citing <paramref name="ruleId"/> at the version the code implements (RuleSet) and its
    /// evidence level.</summary>
    public static Explanation Explain(string ruleId, string sentence, params IEnumerable<string> triggeringIds) =>
        new(ruleId, RuleSet.VersionOf(ruleId), EvidenceOf(ruleId), [.. triggeringIds], sentence);

    /// <summary>A session counts towards progression (T3): done, pain within the ceiling (P1), RPE within target.</summary>
    public static bool IsGood(ExerciseResult result, int painCeiling)
    {
        ArgumentNullException.ThrowIfNull(result);
        return !result.Abandoned && result.PainDuring <= painCeiling && result.Rpe <= TargetRpe;
    }
}
