using RunRestore.Contracts;
using RunRestore.Contracts.Intake;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>The region K5's BMI part points at (assessment's own: no exercise treats it, programming skips it).</summary>
    public const string BodyMassRegion = "body_mass";

    /// <summary>K5 (v2): BMI above this is a contributing factor in plantar heel pain (OR 3.7, Riddle 2003).</summary>
    public const decimal HeelPainBmiThreshold = 27m;

    private const string HeelRule = "K5";

    /// <summary>
    /// K5 (v2, evidence A): heel (plantar fascia) pain with BMI &gt; 27 is a finding to check and treat, with the BMI figure
    /// in its explanation. No other pain site's rule names body mass, and without height and weight nothing is judged.
    /// </summary>
    public static Finding? BodyMassFinding(string? painSite, BodyMeasures? body)
    {
        if (painSite != BodySites.HeelPlantar || body is null || body.Bmi <= HeelPainBmiThreshold)
        {
            return null;
        }

        return new Finding(FindingKinds.BodyComposition, BodyMassRegion, null, body.Bmi, $"BMI {Show(body.Bmi)}", HeelRule,
            RuleSet.VersionOf(HeelRule), "A", ["screen:height_cm", "screen:weight_kg"],
            $"BMI {Show(body.Bmi)} ({Show(body.WeightKg)} kg, {Show(body.HeightCm)} cm) is above {Show(HeelPainBmiThreshold)}: with heel " +
            "(plantar fascia) pain it is a contributing factor to discuss and treat (K5, OR 3.7, Riddle 2003) — a treatment target, " +
            "not a proven cause.");
    }

    /// <summary>
    /// K5's regions: the shared table's (calf, ankle dorsiflexion) plus body mass when BMI &gt; 27 supports it or when it was
    /// not judged (no height and weight: the region says so); a BMI of 27 or less adds nothing.
    /// </summary>
    private static IReadOnlyList<string> RegionsOf(KineticChainRule rule, IReadOnlyList<Finding> findings, BodyMeasures? body) =>
        rule.RuleId == HeelRule && (body is null || Supporting(BodyMassRegion, findings).Count > 0)
            ? [.. rule.Regions, BodyMassRegion]
            : rule.Regions;

    private static string BodyMassNotJudged(KineticChainRule rule) =>
        $"Check {RegionWords.AsCheck(BodyMassRegion)}: K5's BMI part (BMI above {Show(HeelPainBmiThreshold)}, OR 3.7, Riddle 2003) " +
        $"was not judged for {rule.PainWords} — the screen has no height and weight.";
}
