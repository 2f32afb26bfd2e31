using System.Globalization;

namespace RunRestore.Assessment.Screening;

/// <summary>
/// One age band of the M3 single-leg heel-raise norm: reps to failure a runner of that age and sex should reach.
/// One table feeds both the rule and the catalogue's norms text, so what the clinician reads is what the rule uses.
/// </summary>
/// <param name="ToAge">Last age of the band; null for the open-ended 60+ band.</param>
public sealed record HeelRaiseNorm(int FromAge, int? ToAge, int MaleReps, int FemaleReps)
{
    /// <summary>DOMAIN.md M3 bands, youngest first.</summary>
    public static IReadOnlyList<HeelRaiseNorm> All { get; } =
    [
        new(20, 29, 37, 30),
        new(30, 39, 32, 27),
        new(40, 49, 28, 24),
        new(50, 59, 23, 21),
        new(60, null, 19, 19),
    ];

    /// <summary>
    /// The norm for <paramref name="runner"/> (age from the birth year); null under 20: M3 has no band for them, and
    /// an adult norm would call a growing runner's calf weak (issue 13), so only the side difference counts. Sex
    /// "other" (and anything unrecognised) uses the female norm: it is the lower one, so a calf deficit is never
    /// reported only because of the sex recorded.
    /// </summary>
    public static int? RepsFor(ScreenedRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        if (All.LastOrDefault(b => runner.AgeYears >= b.FromAge) is not { } band)
        {
            return null;
        }

        return string.Equals(runner.Sex, "male", StringComparison.OrdinalIgnoreCase) ? band.MaleReps : band.FemaleReps;
    }

    /// <summary>The band in words, e.g. "40-49 y: male 28, female 24 reps".</summary>
    public string Describe()
    {
        var ages = ToAge is { } to
            ? string.Create(CultureInfo.InvariantCulture, $"{FromAge}-{to} y")
            : string.Create(CultureInfo.InvariantCulture, $"{FromAge}+ y");
        return MaleReps == FemaleReps
            ? string.Create(CultureInfo.InvariantCulture, $"{ages}: {MaleReps} reps")
            : string.Create(CultureInfo.InvariantCulture, $"{ages}: male {MaleReps}, female {FemaleReps} reps");
    }
}
