namespace RunRestore.Contracts.Screening;

/// <summary>
/// DOMAIN.md K1-K8, the one kinetic-chain table: for a pain site (intake's words), the regions to check and treat, in
/// the rule's order. Assessment ranks a screen's regions by it; programming fills a program from it. Regional
/// interdependence (Sueki, Cleland &amp; Wainner 2013): the pain site is often not the source, so these are treatment
/// targets, not proven causes. Regions use the findings' vocabulary (<see cref="KineticChainRegions"/>); some
/// (training load, stress) have no exercise, and programming skips them.
/// </summary>
public static class KineticChain
{
    /// <summary>One K rule: its id, its evidence level (A, B, C, X) and the regions in its order.</summary>
    public sealed record Rule(string Id, string Evidence, IReadOnlyList<string> Regions);

    private static readonly Rule K1 = new("K1", "A",
        [KineticChainRegions.Quadriceps, KineticChainRegions.HipAbductors, KineticChainRegions.HipTrunkControl, KineticChainRegions.Foot]);
    private static readonly Rule K2 = new("K2", "B", [KineticChainRegions.HipAbductors, KineticChainRegions.HipTrunkControl]);
    private static readonly Rule K3 = new("K3", "B", [KineticChainRegions.Calf]);
    // K4: dorsiflexion is NOT a risk factor for medial shin pain, so ankle_dorsiflexion is deliberately absent; load
    // counts through L2 and L3.
    private static readonly Rule K4 = new("K4", "A", [KineticChainRegions.Foot, KineticChainRegions.TrainingLoad]);
    // K5 also names BMI > 27; the screen does not record body mass, so only the tested regions are listed.
    private static readonly Rule K5 = new("K5", "A", [KineticChainRegions.Calf, KineticChainRegions.AnkleDorsiflexion]);
    private static readonly Rule K6 = new("K6", "X", [KineticChainRegions.Hamstrings, KineticChainRegions.PosteriorChain]);
    // K7: hip abductor strength, side-plank endurance (trunk), single-leg balance (M6: foot and ankle control).
    private static readonly Rule K7 = new("K7", "C",
        [KineticChainRegions.HipAbductors, KineticChainRegions.Trunk, KineticChainRegions.FootAnkleControl]);
    // K8: trunk endurance, hamstring flexibility, stressors (hip mobility has no test of its own on the screen).
    private static readonly Rule K8 = new("K8", "C", [KineticChainRegions.Trunk, KineticChainRegions.Hamstrings, KineticChainRegions.Stress]);

    private static readonly Dictionary<string, Rule> BySite = new(StringComparer.Ordinal)
    {
        ["anterior_knee"] = K1,
        ["lateral_knee"] = K2,
        ["achilles"] = K3,
        ["calf"] = K3,
        ["medial_shin"] = K4,
        ["heel_plantar"] = K5,
        ["hamstring"] = K6,
        ["hip"] = K7,
        ["lateral_hip"] = K7,
        ["lower_back"] = K8,
    };

    /// <summary>The pain sites a K rule covers.</summary>
    public static IReadOnlyCollection<string> Sites => BySite.Keys;

    /// <summary>
    /// The rule for <paramref name="painSite"/>; null for "foot", "other", no pain site or a word intake does not use
    /// (no K rule covers them).
    /// </summary>
    public static Rule? For(string? painSite) =>
        painSite is not null && BySite.TryGetValue(painSite, out var rule) ? rule : null;
}

/// <summary>The regions findings, the kinetic chain and the exercise library share.</summary>
public static class KineticChainRegions
{
    public const string HipAbductors = "hip_abductors";
    public const string Quadriceps = "quadriceps";
    public const string Calf = "calf";
    public const string AnkleDorsiflexion = "ankle_dorsiflexion";
    public const string Hamstrings = "hamstrings";
    public const string Trunk = "trunk";
    public const string PosteriorChain = "posterior_chain";
    public const string Foot = "foot";
    public const string HipTrunkControl = "hip_trunk_control";
    public const string DynamicBalance = "dynamic_balance";
    public const string FootAnkleControl = "foot_ankle_control";
    public const string TrainingLoad = "training_load";
    public const string Stress = "stress";
}
