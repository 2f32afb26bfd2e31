using RunRestore.Contracts.Intake;
using RunRestore.Contracts.Safety;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>
    /// Load findings K4's training_load stands for: L2/L3 are in that region, L4-L6 are load too and count with them.
    /// </summary>
    private static readonly string[] TrainingLoadRegions = ["training_load", "running_intensity", "race_calendar", "training_monotony"];

    /// <summary>
    /// The regions to check and treat for <paramref name="painSite"/> (K1-K8), rank 1 first: regions with supporting
    /// findings first (more findings first, ties in the K rule's order), then the rule's other regions in its order,
    /// as they are still worth checking. Without a K rule ("foot", "other", none): the regions of the findings
    /// themselves, most findings first (ties in finding order), with no rule id; empty without findings.
    /// </summary>
    /// <param name="body">The screen's height and weight; K5 (v2) adds body mass for heel pain (ScreeningRules.BodyMass.cs).</param>
    public static IReadOnlyList<ContributingRegion> RankRegions(string? painSite, IReadOnlyList<Finding> findings,
        BodyMeasures? body = null)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (painSite == BodySites.Groin)
        {
            return [GroinRegion];
        }

        if (KineticChain.For(painSite) is not { } rule)
        {
            return RegionsOfFindings(findings);
        }

        var ranked = RegionsOf(rule, findings, body)
            .Select((region, order) => (Region: region, Order: order, Support: Supporting(region, findings)))
            .OrderBy(r => r.Support.Count == 0)
            .ThenByDescending(r => r.Support.Count)
            .ThenBy(r => r.Order);
        return [.. ranked.Select((r, i) => new ContributingRegion(r.Region, i + 1, rule.RuleId, rule.Evidence,
            [.. r.Support.Select(f => f.Key)], Explain(rule, r.Region, r.Support)))];
    }

    /// <summary>
    /// R5: groin / anterior hip pain gets no lateral-hip (K7) reasoning and no region that leads to single-leg loading;
    /// the one region to check is the possible femoral-neck bone stress injury, until a clinician clears it.
    /// </summary>
    private static readonly ContributingRegion GroinRegion = new(BodySites.Groin, 1, RedFlagRules.GroinAnteriorHip,
        RedFlagRules.EvidenceOf(RedFlagRules.GroinAnteriorHip), [],
        "Groin / anterior hip pain: treat it as a high-risk bone stress site (femoral neck) until a clinician clears it — no lateral-hip (K7) reasoning and no single-leg loading (R5).");

    private static List<Finding> Supporting(string region, IReadOnlyList<Finding> findings) =>
        region == "training_load"
            ? [.. findings.Where(f => f.Kind == FindingKinds.Load && TrainingLoadRegions.Contains(f.Region, StringComparer.Ordinal))]
            : [.. findings.Where(f => string.Equals(f.Region, region, StringComparison.Ordinal))];

    private static string Explain(KineticChainRule rule, string region, List<Finding> support) =>
        support.Count == 0 && region == BodyMassRegion
            ? BodyMassNotJudged(rule)
            : support.Count == 0
            ? $"Check {RegionWords.AsCheck(region)}: often involved in {rule.PainWords} ({rule.RuleId}{rule.Caveat})."
            : $"{RegionWords.AsFinding(region)} ({Details(support)}) may contribute to {rule.PainWords}: check and treat it — a treatment target, not a proven cause ({rule.Source}{rule.Caveat}).";

    /// <summary>
    /// No K rule applies, so nothing links a region to the pain: the screen's own findings are listed as regions to
    /// treat. Evidence "C": ranking them by how many findings they have is the product's convention.
    /// </summary>
    private static List<ContributingRegion> RegionsOfFindings(IReadOnlyList<Finding> findings) =>
    [
        .. findings
            .GroupBy(f => f.Region, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .Select((g, i) => new ContributingRegion(g.Key, i + 1, string.Empty, "C", [.. g.Select(f => f.Key)],
                $"{RegionWords.AsFinding(g.Key)} ({Details([.. g])}) was found on this screen: check and treat it (no kinetic-chain rule, K1-K8, covers this pain site)."))
    ];

    /// <summary>"left, LSI 78 %; right, LSI 82 %": each supporting finding's side and label.</summary>
    private static string Details(IEnumerable<Finding> support) =>
        string.Join("; ", support.Select(f => f.Side is { } side ? $"{Word(side)}, {f.MagnitudeLabel}" : f.MagnitudeLabel));
}
