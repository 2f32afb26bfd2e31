using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>An exercise being chosen, with every finding key it addresses (primary first).</summary>
internal sealed class Pick(Exercise exercise, string ruleId, Dosage dosage, string reason, string findingKey)
{
    public Exercise Exercise { get; } = exercise;

    public List<string> Keys { get; } = [findingKey];

    public static Pick ForFinding(Exercise exercise, ScreenFinding finding, string note = "")
    {
        var steps = ExerciseLibrary.Ladder(exercise.Ladder).Count;
        var ladder = steps == 1 ? "."
            : exercise.Step + 1 < steps
                ? Invariant($"; it starts on step {exercise.Step + 1} of {steps} on its ladder so it can progress ") +
                    "(T1, T3)."
                : Invariant($"; it is step {steps} of {steps}, the top of its ladder, ") + "and steps back if it hurts (T4).";
        return new(exercise, finding.RuleId, exercise.Dosage,
            Invariant($"{exercise.Name} addresses the {Wording.Finding(finding)} ({finding.RuleId})") + ladder + note, finding.Key);
    }

    public static Pick Carried(ProgramExercise kept, ScreenFinding finding, bool untested) => new(kept.Exercise(),
        finding.RuleId, kept.Dosage, Invariant($"{kept.Exercise().Name} stays at its current step: the ") +
            Invariant($"{Wording.Finding(finding)} ({finding.RuleId}) ") +
            (untested ? "was not re-tested on the re-screen, and untested is not resolved (T6)." : "is still open on the re-screen."),
        kept.FindingKey);

    public static Pick Rejustified(ProgramExercise kept, ScreenFinding finding) => new(kept.Exercise(), finding.RuleId,
        kept.Dosage, Invariant($"{kept.Exercise().Name} stays at its current step and now addresses the ") +
            Invariant($"{Wording.Finding(finding)} ({finding.RuleId}) found on the re-screen."),
        finding.Key);

    /// <summary>The key of an exercise kept for T1's dose alone: the finding it was chosen for is no longer open.</summary>
    public const string MaintenanceKey = "T1:maintenance";

    // The exercise no longer cites its old finding (resolved on the re-screen, or not found again): T1 justifies it.
    public static Pick Maintenance(ProgramExercise kept) => new(kept.Exercise(), "T1", kept.Dosage,
        Invariant($"{kept.Exercise().Name} stays as maintenance at its current step: the finding it was chosen for is ") +
            "no longer open, and progressive strength 2-3 times a week keeps its effect (T1); T2 asks for at least 4 exercises.",
        MaintenanceKey);

    public static Pick Default(Exercise exercise, string ruleId, string key, string reason) =>
        new(exercise, ruleId, exercise.Dosage, reason, key);

    public PrescribedExercise ToPrescribed()
    {
        var also = Keys.Count > 1 ? Invariant($" It also serves {string.Join(", ", Keys.Skip(1))}.") : "";
        return new PrescribedExercise(Exercise.Code, Keys[0], dosage, ProgramRules.Explain(ruleId, reason + also, Keys));
    }
}
