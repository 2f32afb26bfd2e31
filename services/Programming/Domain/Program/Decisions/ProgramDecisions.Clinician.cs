using static System.FormattableString;

namespace RunRestore.Programming.Domain.Program.Decisions;

public static partial class ProgramDecisions
{
    /// <summary>As the proto documents (1-200 characters).</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// P1: the pain-during-activity ceiling. 3/10 is the default; a clinician may allow up to 5/10 (tendinopathy).
    /// Setting the ceiling it already has changes nothing.
    /// </summary>
    public static IReadOnlyList<object> SetPainCeiling(int value, string reason, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var text = reason?.Trim() ?? "";
        new FieldProblems()
            .Check(value is >= 0 and <= 10, "pain_ceiling", "must be between 0 and 10")
            .Check(value is < 0 or > 10 or (>= ProgramRules.DefaultPainCeiling and <= ProgramRules.MaxPainCeiling),
                "pain_ceiling", "P1 allows a ceiling of 3 to 5 (5 only for tendinopathy)")
            .Check(text.Length > 0, "reason", "must be given")
            .Check(text.Length <= MaxReasonLength, "reason", Invariant($"must be at most {MaxReasonLength} characters"))
            .ThrowIfAny();
        if (value == program.PainCeiling)
        {
            return [];
        }

        return [new PainCeilingSet(program.PainCeiling, value, text, ProgramRules.Explain("P1",
            Invariant($"The pain ceiling during exercise goes from {program.PainCeiling}/10 to {value}/10: {text} ") +
                "(P1 allows up to 5/10 for tendinopathy).",
            "pain_ceiling"), now)];
    }

    /// <summary>
    /// A clinician puts the runner in a phase by hand, with a reason. Moving into Improve does not open technique work
    /// by itself: T6 still wants a re-screen; leaving Improve locks it again.
    /// </summary>
    public static IReadOnlyList<object> OverridePhase(Phase to, string reason, string clinician, RunnerProgram program,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var text = reason?.Trim() ?? "";
        var who = clinician?.Trim() ?? "";
        new FieldProblems()
            .Check(Phases.IsKnown(to), "phase", "must be restore, maintain or improve")
            .Check(text.Length > 0, "reason", "must be given")
            .Check(text.Length <= MaxReasonLength, "reason", Invariant($"must be at most {MaxReasonLength} characters"))
            .Check(who.Length > 0, "clinician", "must be given")
            .ThrowIfAny();
        if (to == program.Phase)
        {
            return [];
        }

        var technique = to == Phase.Improve
            ? " Technique work still waits for a re-screen that passes T6."
            : program.TechniqueUnlocked ? " Technique work is locked again: it belongs to Improve (T6)." : "";
        var why = ProgramRules.Explain(to == Phase.Improve ? "T6" : "T8", Invariant($"{who} moved the runner from ") +
            Invariant($"{Phases.Word(program.Phase)} to {Phases.Word(to)} by hand: {text}.{technique}"),
            "clinician:" + who);
        return [new PhaseOverridden(program.Phase, to, text, who, why, now)];
    }
}
