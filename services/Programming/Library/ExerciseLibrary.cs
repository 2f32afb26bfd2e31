using System.Collections.Frozen;

namespace RunRestore.Programming.Library;

/// <summary>
/// The seed exercise library of DOMAIN.md as data, with ladder navigation: <see cref="Next"/> is where T3 progresses
/// to, <see cref="Previous"/> where T4 regresses to. The data lives in the *Ladders files beside this one.
/// </summary>
public static class ExerciseLibrary
{
    /// <summary>Every exercise, ladder by ladder and step by step.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        .. HipAndThighLadders.All, .. CalfAndHamstringLadders.All, .. BalanceAndMobility.All, .. TrunkLadder.All,
        .. TechniqueDrills.All,
    ];

    private static readonly FrozenDictionary<string, Exercise> ByCode =
        All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Exercise[]> ByLadder = All.GroupBy(e => e.Ladder, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.OrderBy(e => e.Step).ToArray(), StringComparer.Ordinal);

    /// <summary>The exercise with this code, or null.</summary>
    public static Exercise? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The exercise with this code; throws for a code the library does not have (a bug, not input).</summary>
    public static Exercise Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"No exercise '{code}' in the library.");

    /// <summary>The next step on the exercise's ladder (T3), or null at the top or for an unknown code.</summary>
    public static Exercise? Next(string code) => Neighbour(code, +1);

    /// <summary>The previous step on the exercise's ladder (T4), or null at the first step or for an unknown code.</summary>
    public static Exercise? Previous(string code) => Neighbour(code, -1);

    /// <summary>The steps of a ladder in order; empty for an unknown ladder.</summary>
    public static IReadOnlyList<Exercise> Ladder(string ladder) => ByLadder.GetValueOrDefault(ladder) ?? [];

    /// <summary>Exercises that target <paramref name="region"/> (an assessment region word), in library order.</summary>
    public static IReadOnlyList<Exercise> ForRegion(string region) =>
        [.. All.Where(e => e.TargetRegions.Contains(region, StringComparer.Ordinal))];

    /// <summary>True when the exercise must not be chosen for this intake pain site.</summary>
    public static bool IsContraindicated(Exercise exercise, string? painSite)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return painSite is not null && exercise.Contraindications.Contains(painSite, StringComparer.Ordinal);
    }

    private static Exercise? Neighbour(string code, int direction)
    {
        if (Find(code) is not { } exercise)
        {
            return null;
        }

        var steps = ByLadder[exercise.Ladder];
        var index = Array.IndexOf(steps, exercise) + direction;
        return index >= 0 && index < steps.Length ? steps[index] : null;
    }
}
