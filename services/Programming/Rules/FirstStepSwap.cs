using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// DOMAIN.md, the paragraph after T9: an exercise already on the first step of its ladder that exceeds the pain
/// ceiling twice is swapped for another exercise for the same region, or raises a clinician alert when none fits — it
/// is never held for ever without a word. Cited as T4 (pain above the ceiling is T4's regress; there is no step back).
/// </summary>
internal static class FirstStepSwap
{
    /// <summary>Times over the ceiling on the first step before the exercise is swapped or reported.</summary>
    public const int PainfulSessions = 2;

    public static IEnumerable<object> For(ProgramExercise exercise, RunnerProgram program, DateOnly on, DateTimeOffset at,
        string[] ids, string cause)
    {
        var current = exercise.Exercise();
        var name = current.Name;
        if (Alternative(current, program) is { } other)
        {
            yield return new ExerciseSwapped(current.Code, other.Code, other.Dosage, on, ProgramRules.Explain("T4",
                Invariant($"{cause}, the {PainfulSessions}nd time on the first step of its ladder: the {name} is ") +
                    Invariant($"swapped for the {other.Name}, the first step of another way to train the ") +
                    Invariant($"{Wording.Words(Shared(current, other))} (T4)."), [.. ids, other.Code]));
            yield break;
        }

        yield return new ExerciseHeld(current.Code, on, ProgramRules.Explain("T4",
            Invariant($"{cause}, the {PainfulSessions}nd time on the first step of its ladder, and no other exercise ") +
                Invariant($"for the {Wording.Words(current.TargetRegions[0])} fits: the {name} stays until the clinician reviews it (T4)."),
            ids));
        yield return new ClinicianAlertRaised("low", ProgramRules.Explain("T4",
            Invariant($"The {name} went over the pain ceiling of {program.PainCeiling}/10 {PainfulSessions} times on the ") +
                Invariant($"first step of its ladder and no other exercise for the {Wording.Words(current.TargetRegions[0])} ") +
                "fits: please review the exercise or the ceiling (T4).", ids), at);
    }

    // The first step of another ladder for one of the same regions, not already in the program, that suits the pain site.
    private static Exercise? Alternative(Exercise current, RunnerProgram program)
    {
        var ladders = program.Exercises.Select(x => x.Exercise().Ladder).ToHashSet(StringComparer.Ordinal);
        return current.TargetRegions
            .SelectMany(ExerciseLibrary.ForRegion)
            .FirstOrDefault(e => ExerciseLibrary.Previous(e.Code) is null && !ladders.Contains(e.Ladder)
                && e.Quality != Qualities.Technique && !ExerciseLibrary.IsContraindicated(e, program.PainSite));
    }

    private static string Shared(Exercise current, Exercise other) =>
        current.TargetRegions.First(r => other.TargetRegions.Contains(r, StringComparer.Ordinal));
}
