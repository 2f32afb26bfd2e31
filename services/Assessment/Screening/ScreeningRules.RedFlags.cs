using RunRestore.Contracts.Intake;
using RunRestore.Contracts.Safety;

namespace RunRestore.Assessment.Screening;

/// <summary>The pain a screen reasons from, in intake's words (site, side, phase).</summary>
public sealed record ScreenedPain(Guid PainReportId, string BodySite, string Side, string Phase);

/// <summary>
/// A red flag a completed screen raises (DOMAIN.md R2, R5): critical, for the region of <paramref name="BodySite"/>;
/// <paramref name="TriggeringIds"/> are the results' ids, or the pain report's for R5.
/// </summary>
public sealed record ScreenRedFlag(string RuleId, string BodySite, string Side, IReadOnlyList<string> Signs,
    IReadOnlyList<Guid> TriggeringIds, string Explanation);

public static partial class ScreeningRules
{
    /// <summary>Pain phases that are pain with running (R5): during, after and the morning after a run, not at rest.</summary>
    private static readonly string[] RunningPhases = [PainPhases.DuringRun, PainPhases.AfterRun, PainPhases.NextMorning];

    /// <summary>
    /// The red flags of a screen, one per flag: R2 per side where the single-leg hop test hurt or the bone was tender
    /// (yes or unsure; the last answer per side counts), then R5 when the pain is groin / anterior hip pain with
    /// running. The region is the screen's pain site ("other" without one). The engine never treats them: they
    /// route the runner to a clinician before anything else.
    /// </summary>
    public static IReadOnlyList<ScreenRedFlag> RedFlags(IReadOnlyList<TestResult> results, ScreenedPain? pain)
    {
        ArgumentNullException.ThrowIfNull(results);
        var site = pain?.BodySite ?? BodySites.Other;
        var hop = SidePair.Of(results, TestCodes.SingleLegHopPain);
        var tender = SidePair.Of(results, TestCodes.BonyTenderness);
        var flags = new List<ScreenRedFlag>();
        foreach (var side in new[] { BodySide.Left, BodySide.Right })
        {
            var positive = new[] { (Pair: hop, Sign: RedFlagSigns.PainOnHopping), (Pair: tender, Sign: RedFlagSigns.BonyTenderness) }
                .Select(c => (Result: side == BodySide.Left ? c.Pair.Left : c.Pair.Right, c.Sign))
                .Where(c => c.Result is { } r && TestCatalogue.IsPresent(r.Value))
                .ToList();
            if (positive.Count == 0)
            {
                continue;
            }

            var highRisk = BodySites.HighRiskBoneStress.Contains(site);
            var signs = positive.Select(p => p.Sign).Concat(highRisk ? [RedFlagSigns.HighRiskBoneSite] : []).ToList();
            var what = string.Join(" and ", positive.Select(p => Describe(p.Sign, p.Result!.Value)));
            var explanation = $"{Capital(side)} {what} on the screen: a bone stress sign at the {site.Replace('_', ' ')}" +
                (highRisk ? ", a high-risk site" : "") + " (R2, Warden, Davis & Fredericson 2014).";
            flags.Add(new ScreenRedFlag(RedFlagRules.BoneStress, site, Word(side), signs,
                [.. positive.Select(p => p.Result!.ResultId)], explanation));
        }

        if (pain is { BodySite: BodySites.Groin } && RunningPhases.Contains(pain.Phase, StringComparer.Ordinal))
        {
            flags.Add(new ScreenRedFlag(RedFlagRules.GroinAnteriorHip, site, pain.Side,
                [RedFlagSigns.GroinPainWithRunning, RedFlagSigns.HighRiskBoneSite], [pain.PainReportId],
                $"Groin / anterior hip pain with running ({pain.Phase.Replace('_', ' ')}): treated as a femoral-neck bone stress site until a clinician clears it, not as lateral-hip pain (R5, R2)."));
        }

        return flags;
    }

    private static string Describe(string sign, decimal answer) =>
        (sign == RedFlagSigns.PainOnHopping ? "single-leg hopping hurt" : "bony tenderness was found") +
        (answer == 2m ? " (answered unsure, which counts as present)" : "");
}
