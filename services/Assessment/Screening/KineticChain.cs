using RunRestore.Contracts.Intake;
using Chain = RunRestore.Contracts.Screening.KineticChain;

namespace RunRestore.Assessment.Screening;

/// <summary>
/// One kinetic-chain rule (DOMAIN.md K1-K8) as assessment explains it: the shared table's regions
/// (<see cref="Chain"/>) with the words a screen's explanations use.
/// </summary>
/// <param name="PainWords">The pain site in a sentence, e.g. "anterior knee pain".</param>
/// <param name="Source">What an explanation cites when findings support a region, e.g. "Neal 2019".</param>
/// <param name="Caveat">Added to every citation; K6's evidence is contested (X), so its sentences say so.</param>
public sealed record KineticChainRule(
    string RuleId, string Evidence, string PainWords, string Source, string Caveat, IReadOnlyList<string> Regions);

/// <summary>The K rules by intake's pain-site words (anterior_knee, lateral_knee, achilles, calf, ...).</summary>
public static class KineticChain
{
    // What the explanations cite when findings support a region; the rule id where no study is named.
    private static readonly Dictionary<string, string> Sources = new(StringComparer.Ordinal)
    {
        // K1: hip weakness is a treatment target, not a proven risk factor (Neal 2019); hip + knee work is preferred.
        ["K1"] = "Neal 2019",
        ["K2"] = "Fredericson 2000",
        ["K5"] = "Riddle 2003",
    };

    private static readonly Dictionary<string, string> PainWordsBySite = new(StringComparer.Ordinal)
    {
        [BodySites.Achilles] = "Achilles pain",
        [BodySites.Hip] = "hip pain",
        [BodySites.HeelPlantar] = "heel pain",
    };

    /// <summary>
    /// The rule for <paramref name="painSite"/>; null for "foot", "other", no pain site or a word intake does not
    /// use (no K rule covers them).
    /// </summary>
    public static KineticChainRule? For(string? painSite)
    {
        if (Chain.For(painSite) is not { } rule)
        {
            return null;
        }

        var words = PainWordsBySite.TryGetValue(painSite!, out var named) ? named : $"{painSite!.Replace('_', ' ')} pain";
        return new KineticChainRule(rule.Id, rule.Evidence, words, Sources.GetValueOrDefault(rule.Id, rule.Id),
            rule.Evidence == "X" ? "; the evidence is contested" : "", rule.Regions);
    }
}
