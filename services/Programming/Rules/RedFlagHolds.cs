using System.Collections.Frozen;
using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using static System.FormattableString;
using Sites = RunRestore.Contracts.Intake.BodySites;

namespace RunRestore.Programming.Rules;

/// <summary>
/// What an open red flag (DOMAIN.md R1-R6) blocks in a program: exercises that load the flagged region are not
/// prescribed (a femoral-neck or tibial stress injury must not get single-leg loading), progressions and technique
/// work wait for a clinician. A red flag is never treated by the engine.
/// </summary>
internal sealed class RedFlagHolds(IEnumerable<ProgramRedFlag> open)
{
    public static readonly RedFlagHolds None = new([]);

    private static readonly string[] Hip =
        [Regions.HipAbductors, Regions.HipTrunkControl, Regions.PosteriorChain, Regions.Quadriceps, Regions.DynamicBalance];

    private static readonly string[] Knee = [Regions.Quadriceps, Regions.HipTrunkControl, Regions.DynamicBalance];

    private static readonly string[] LowerLeg =
        [Regions.Calf, Regions.AnkleDorsiflexion, Regions.FootAnkleControl, Regions.DynamicBalance, Regions.Foot];

    // The regions whose exercises load a body site (intake's words). "other" (and any word not listed) blocks every
    // lower-limb region: without knowing the site, nothing is safe to add.
    private static readonly FrozenDictionary<string, string[]> LoadedRegions = new Dictionary<string, string[]>
    {
        [Sites.Groin] = Hip, [Sites.Hip] = Hip, [Sites.LateralHip] = Hip,
        [Sites.AnteriorKnee] = Knee, [Sites.LateralKnee] = Knee,
        [Sites.MedialShin] = LowerLeg, [Sites.AnteriorShin] = LowerLeg, [Sites.Calf] = LowerLeg, [Sites.Achilles] = LowerLeg,
        [Sites.HeelPlantar] = LowerLeg, [Sites.Foot] = LowerLeg, [Sites.Midfoot] = LowerLeg, [Sites.OuterFoot] = LowerLeg,
        [Sites.Hamstring] = [Regions.Hamstrings, Regions.PosteriorChain],
        [Sites.LowerBack] = [Regions.Trunk, Regions.PosteriorChain],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Only open flags hold: one a clinician cleared (even before the program existed) blocks nothing.
    public IReadOnlyList<ProgramRedFlag> Open { get; } = [.. open.Where(f => f.IsOpen)];

    public bool Any => Open.Count > 0;

    /// <summary>True when the exercise loads a flagged region (or is contraindicated for the flagged site).</summary>
    public bool Blocks(Exercise exercise) => Open.Any(f => Blocks(exercise, f.BodySite));

    /// <summary>The first open flag, for sentences that name what holds the program.</summary>
    public ProgramRedFlag First => Open[0];

    /// <summary>The rule id of the sentence: the first open flag's.</summary>
    public string RuleId => First.RuleId;

    /// <summary>The open flags' ids, as triggering ids.</summary>
    public IEnumerable<string> Ids => Open.Select(f => f.Id.ToString());

    /// <summary>"red flag R2 (...) at the anterior shin, raised 2026-01-05; red flag R4 (...)" for sentences.</summary>
    public string Describe() => string.Join("; ", Open.Select(f => f.Describe()));

    /// <summary>The sentence a prescription or revision adds while flags are open, or nothing.</summary>
    public string PrescriptionSentence() => !Any
        ? ""
        : Invariant($" While {Describe()} is open, no exercises for that region are prescribed, ") +
            "progressions and technique work wait and the runner stays in Restore until a clinician clears it.";

    private static bool Blocks(Exercise exercise, string site) =>
        ExerciseLibrary.IsContraindicated(exercise, site) ||
        exercise.TargetRegions.Any(r => LoadedRegions.TryGetValue(site, out var loaded) ? loaded.Contains(r) : exercise.Quality != Qualities.Mobility);
}
