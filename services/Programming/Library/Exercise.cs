using RunRestore.Contracts.Screening;

namespace RunRestore.Programming.Library;

/// <summary>How much of an exercise: sets of reps or of holds, per side for single-leg and side-lying work.</summary>
public sealed record Dosage(int Sets, int? Reps, int? HoldSeconds, bool PerSide);

/// <summary>
/// One exercise of the seed library (DOMAIN.md "Exercise library"). <paramref name="Ladder"/> and
/// <paramref name="Step"/> place it on its progression ladder (T3 climbs it, T4 steps down). Regions are the
/// assessment service's region words; <paramref name="Contraindications"/> are intake's pain-site words for which the
/// exercise is not chosen; <paramref name="HeavyLowerBody"/> marks what T7 keeps away from hard running days.
/// </summary>
public sealed record Exercise(
    string Code,
    string Name,
    IReadOnlyList<string> TargetRegions,
    string Quality,
    string Ladder,
    int Step,
    Dosage Dosage,
    IReadOnlyList<string> Equipment,
    IReadOnlyList<string> Cues,
    IReadOnlyList<string> Contraindications,
    bool HeavyLowerBody);

/// <summary>What an exercise trains. Technique is running work and is locked until Improve (T6).</summary>
public static class Qualities
{
    public const string Strength = "strength";
    public const string Mobility = "mobility";
    public const string Control = "control";
    public const string Balance = "balance";
    public const string Technique = "technique";
}

/// <summary>The assessment service's region words (RunRestore.Contracts.Assessment.Finding) that exercises target.</summary>
public static class Regions
{
    public const string HipAbductors = KineticChainRegions.HipAbductors;
    public const string Quadriceps = KineticChainRegions.Quadriceps;
    public const string Calf = KineticChainRegions.Calf;
    public const string AnkleDorsiflexion = KineticChainRegions.AnkleDorsiflexion;
    public const string Hamstrings = KineticChainRegions.Hamstrings;
    public const string Trunk = KineticChainRegions.Trunk;
    public const string PosteriorChain = KineticChainRegions.PosteriorChain;
    public const string Foot = KineticChainRegions.Foot;
    public const string HipTrunkControl = KineticChainRegions.HipTrunkControl;
    public const string DynamicBalance = KineticChainRegions.DynamicBalance;
    public const string FootAnkleControl = KineticChainRegions.FootAnkleControl;
}

