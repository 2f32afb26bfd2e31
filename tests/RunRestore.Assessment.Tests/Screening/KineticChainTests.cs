using RunRestore.Assessment.Screening;
using Xunit;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class KineticChainTests
{
    [Theory]
    [InlineData("anterior_knee", "K1", "A", new[] { "quadriceps", "hip_abductors", "hip_trunk_control", "foot" })]
    [InlineData("lateral_knee", "K2", "B", new[] { "hip_abductors", "hip_trunk_control" })]
    [InlineData("achilles", "K3", "B", new[] { "calf" })]
    [InlineData("calf", "K3", "B", new[] { "calf" })]
    [InlineData("medial_shin", "K4", "A", new[] { "foot", "training_load" })]
    [InlineData("heel_plantar", "K5", "A", new[] { "calf", "ankle_dorsiflexion", "body_mass" })] // K5 v2: BMI not judged without height/weight
    [InlineData("hamstring", "K6", "X", new[] { "hamstrings", "posterior_chain" })]
    [InlineData("hip", "K7", "C", new[] { "hip_abductors", "trunk", "foot_ankle_control" })]
    [InlineData("lateral_hip", "K7", "C", new[] { "hip_abductors", "trunk", "foot_ankle_control" })]
    [InlineData("lower_back", "K8", "C", new[] { "trunk", "hamstrings", "stress" })]
    public void K1_to_K8_without_findings_list_the_rules_regions_in_order_as_still_worth_checking(
        string painSite, string ruleId, string evidence, string[] regions)
    {
        var ranked = ScreeningRules.RankRegions(painSite, []);

        Assert.Equal(regions, ranked.Select(r => r.Region));
        Assert.Equal(Enumerable.Range(1, regions.Length), ranked.Select(r => r.Rank));
        Assert.All(ranked, r => Assert.Equal((ruleId, evidence), (r.RuleId, r.Evidence)));
        Assert.All(ranked, r => Assert.Empty(r.SupportingFindingKeys));
        Assert.All(ranked, r => Assert.StartsWith("Check ", r.Explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void K1_a_region_without_findings_is_worth_checking_in_plain_words()
    {
        var ranked = ScreeningRules.RankRegions("anterior_knee", []);

        Assert.Equal("Check quadriceps strength: often involved in anterior knee pain (K1).", ranked[0].Explanation);
    }

    [Fact]
    public void K1_regions_with_more_supporting_findings_rank_first_then_the_rules_order()
    {
        // Given a poor squat on both sides (2 findings) and one quadriceps finding; no hip or foot findings
        var screen = new ScreenBuilder().Squat(BodySide.Left, Rating.Poor).Squat(BodySide.Right, Rating.Poor).Both(TestCodes.QuadricepsStrength, 2, 3);

        var ranked = screen.Regions("anterior_knee");

        Assert.Equal(["hip_trunk_control", "quadriceps", "hip_abductors", "foot"], ranked.Select(r => r.Region));
        Assert.Equal(["M1:hip_trunk_control:left", "M1:hip_trunk_control:right"], ranked[0].SupportingFindingKeys);
        Assert.Equal(
            "Poor hip and trunk control (left, poor single-leg squat; right, poor single-leg squat) may contribute to anterior knee pain: check and treat it — a treatment target, not a proven cause (Neal 2019).",
            ranked[0].Explanation);
    }

    [Fact]
    public void K3_Achilles_and_calf_pain_both_rank_the_calf_in_their_own_words()
    {
        var screen = new ScreenBuilder().Both(TestCodes.SingleLegHeelRaise, 30, 20);

        Assert.Equal(
            "Calf capacity deficit (right, 20 reps, norm 27, 10 fewer than left) may contribute to calf pain: check and treat it — a treatment target, not a proven cause (K3).",
            Assert.Single(screen.Regions("calf")).Explanation);
        Assert.Contains("Achilles pain", Assert.Single(screen.Regions("achilles")).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void K4_never_ranks_ankle_dorsiflexion_for_medial_shin_pain_as_it_is_not_a_risk_factor()
    {
        var screen = new ScreenBuilder().Both(TestCodes.KneeToWall, 4, 10);

        var ranked = screen.Regions("medial_shin");

        Assert.Single(screen.FindingsOf("M2"));
        Assert.Equal(["foot", "training_load"], ranked.Select(r => r.Region));
    }

    [Fact]
    public void K4_training_load_counts_every_load_finding_so_it_ranks_above_a_single_foot_finding()
    {
        var screen = new ScreenBuilder()
            .Left(TestCodes.NavicularDrop, 12)
            .Flag("L2", "load_spike", "X", "a.", ("acwr", 1.6m)).Flag("L5", "intensity", "C", "b.", ("hard_share_percent", 50m));

        var ranked = screen.Regions("medial_shin");

        Assert.Equal(["training_load", "foot"], ranked.Select(r => r.Region));
        Assert.Equal(["L2:training_load:both", "L5:running_intensity:both"], ranked[0].SupportingFindingKeys);
    }

    [Fact]
    public void K5_heel_pain_ranks_a_dorsiflexion_limit_above_an_unsupported_calf()
    {
        var ranked = new ScreenBuilder().Both(TestCodes.KneeToWall, 10, 7).Regions("heel_plantar");

        // body_mass last: K5 v2's BMI part, not judged without height and weight.
        Assert.Equal(["ankle_dorsiflexion", "calf", "body_mass"], ranked.Select(r => r.Region));
        Assert.Equal(["M2:ankle_dorsiflexion:right"], ranked[0].SupportingFindingKeys);
    }

    [Fact]
    public void K6_hamstring_pain_says_the_evidence_is_contested_with_or_without_findings()
    {
        var ranked = new ScreenBuilder().Both(TestCodes.SingleLegBridgeEndurance, 25, 60).Regions("hamstring");

        Assert.Equal(["posterior_chain", "hamstrings"], ranked.Select(r => r.Region));
        Assert.All(ranked, r => Assert.Equal(("K6", "X"), (r.RuleId, r.Evidence)));
        Assert.EndsWith("(K6; the evidence is contested).", ranked[0].Explanation, StringComparison.Ordinal);
        Assert.Equal("Check hamstring strength and flexibility: often involved in hamstring pain (K6; the evidence is contested).", ranked[1].Explanation);
    }

    [Fact]
    public void K7_hip_pain_ranks_trunk_endurance_when_the_side_plank_is_short()
    {
        var ranked = new ScreenBuilder().Both(TestCodes.SidePlankEndurance, 20, 50).Regions("lateral_hip");

        Assert.Equal(["trunk", "hip_abductors", "foot_ankle_control"], ranked.Select(r => r.Region));
        Assert.Contains("lateral hip pain", ranked[0].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void K8_lower_back_pain_ranks_stress_first_when_intake_flagged_it()
    {
        var ranked = new ScreenBuilder().Flag("S2", "high_stress", "B", "Stressed.", ("stress_average", 4.5m)).Regions("lower_back");

        Assert.Equal(["stress", "trunk", "hamstrings"], ranked.Select(r => r.Region));
        Assert.Equal(
            "High stress (stress 4.5 of 5) may contribute to lower back pain: check and treat it — a treatment target, not a proven cause (K8).",
            ranked[0].Explanation);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("foot")]
    [InlineData(null)]
    [InlineData("elbow")]
    public void Without_a_K_rule_the_findings_own_regions_are_ranked_by_count(string? painSite)
    {
        var screen = new ScreenBuilder().Both(TestCodes.ActiveKneeExtensionDeficit, 10, 30).Both(TestCodes.FootPostureIndex, 8, -7);

        var ranked = screen.Regions(painSite);

        Assert.Equal([("foot", 1), ("hamstrings", 2)], ranked.Select(r => (r.Region, r.Rank)));
        Assert.All(ranked, r => Assert.Equal(("", "C"), (r.RuleId, r.Evidence)));
        Assert.Equal(["M9:foot:left", "M9:foot:right"], ranked[0].SupportingFindingKeys);
        Assert.Empty(ScreeningRules.RankRegions(painSite, []));
    }
}
