namespace RunRestore.Assessment.Screening;

/// <summary>
/// One kinetic-chain rule (DOMAIN.md K1-K8): for a pain site, the regions to check and treat, in the rule's order.
/// Regional interdependence (Sueki, Cleland &amp; Wainner 2013): the pain site is often not the source, so these are
/// treatment targets, not proven causes.
/// </summary>
/// <param name="PainWords">The pain site in a sentence, e.g. "anterior knee pain".</param>
/// <param name="Source">What an explanation cites when findings support a region, e.g. "Neal 2019".</param>
/// <param name="Caveat">Added to every citation; K6's evidence is contested (X), so its sentences say so.</param>
public sealed record KineticChainRule(
    string RuleId, string Evidence, string PainWords, string Source, string Caveat, IReadOnlyList<string> Regions);

/// <summary>The K rules by intake's pain-site words (anterior_knee, lateral_knee, achilles, calf, ...).</summary>
public static class KineticChain
{
    private static readonly KineticChainRule Calf = new("K3", "B", "Achilles pain", "K3", "", ["calf"]);
    private static readonly KineticChainRule Hip = new("K7", "C", "hip pain", "K7", "", ["hip_abductors", "trunk", "foot_ankle_control"]);

    private static readonly Dictionary<string, KineticChainRule> BySite = new(StringComparer.Ordinal)
    {
        // K1: hip weakness is a treatment target, not a proven risk factor (Neal 2019); hip + knee work is preferred.
        ["anterior_knee"] = new("K1", "A", "anterior knee pain", "Neal 2019", "",
            ["quadriceps", "hip_abductors", "hip_trunk_control", "foot"]),
        ["lateral_knee"] = new("K2", "B", "lateral knee pain", "Fredericson 2000", "", ["hip_abductors", "hip_trunk_control"]),
        ["achilles"] = Calf,
        ["calf"] = Calf with { PainWords = "calf pain" },
        // K4: dorsiflexion is NOT a risk factor for medial shin pain, so ankle_dorsiflexion is deliberately absent
        // and never ranked here, even when M2 found an asymmetry. Load counts through L2 and L3 (training_load).
        ["medial_shin"] = new("K4", "A", "medial shin pain", "K4", "", ["foot", "training_load"]),
        // K5 also names BMI > 27; the screen does not record body mass, so only the tested regions are ranked.
        ["heel_plantar"] = new("K5", "A", "heel pain", "K5", "", ["calf", "ankle_dorsiflexion"]),
        ["hamstring"] = new("K6", "X", "hamstring pain", "K6", "; the evidence is contested", ["hamstrings", "posterior_chain"]),
        ["hip"] = Hip,
        ["lateral_hip"] = Hip with { PainWords = "lateral hip pain" },
        ["lower_back"] = new("K8", "C", "lower back pain", "K8", "", ["trunk", "hamstrings", "stress"]),
    };

    /// <summary>
    /// The rule for <paramref name="painSite"/>; null for "foot", "other", no pain site or a word intake does not
    /// use (no K rule covers them).
    /// </summary>
    public static KineticChainRule? For(string? painSite) =>
        painSite is not null && BySite.TryGetValue(painSite, out var rule) ? rule : null;
}
