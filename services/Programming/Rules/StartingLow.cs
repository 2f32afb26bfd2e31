using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// Start low in Restore (issue 13, beside T3 and P1): while the runner's latest pain at the screen's pain site (any
/// phase) is ≥ 4/10, no exercise starts above the second step of its ladder; T3 climbs from there once sessions go
/// well. An exercise kept at its step from before is not starting, so the cap leaves it where it is.
/// </summary>
internal sealed record StartingLow(string Site, int Pain, DateOnly On)
{
    /// <summary>Pain from which Restore starts low (above P1's default ceiling of 3).</summary>
    public const int PainFrom = 4;

    /// <summary>The highest step an exercise may start on, counted from 0: the second step of its ladder.</summary>
    public const int TopStep = 1;

    /// <summary>The cap for a program in <paramref name="phase"/>, or null when Restore need not start low.</summary>
    public static StartingLow? For(Phase phase, string? painSite, KnownPainReport? latest) =>
        phase == Phase.Restore && painSite is not null && latest is { Severity: >= PainFrom } report
            ? new(painSite, report.Severity, report.Date)
            : null;

    public static bool Allows(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.Step <= TopStep;
    }

    /// <summary>What an exercise's why and the program's why say about the cap.</summary>
    public string Sentence =>
        Invariant($" No exercise starts above step {TopStep + 1} of its ladder while the latest {Wording.Words(Site)} ") +
        Invariant($"pain is {Pain}/10 (reported {Wording.Day(On)}, ≥ {PainFrom}/10): Restore starts low and T3 climbs ") +
        "from there.";
}
