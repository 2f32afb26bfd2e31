using RunRestore.Assessment.Screening;
using Xunit;

namespace RunRestore.Assessment.Tests.Screening;

/// <summary>Whole screens as a clinic sees them: the pain report, the results, intake's flags and what the engine proposes.</summary>
public sealed class ClinicalVignetteTests
{
    [Fact]
    public void Anterior_knee_pain_at_9_km_with_weak_left_hip_abductors_and_a_poor_left_squat_ranks_hip_abductors_then_hip_and_trunk_control_K1()
    {
        // Given a runner whose left knee starts to ache at the 9 km mark (the onset is intake's; K1 reasons from the site),
        // left hip abduction at 78 % of the right (M4) and a poor left single-leg squat (M1); the rest is normal
        var screen = new ScreenBuilder { Runner = new ScreenedRunner(34, "female") }
            .Both(TestCodes.HipAbductionStrength, 1.56m, 2.0m)
            .Squat(BodySide.Left, Rating.Poor).Squat(BodySide.Right, Rating.Good)
            .Both(TestCodes.QuadricepsStrength, 3.0m, 3.1m)
            .Both(TestCodes.FootPostureIndex, 3, 2);

        var ranked = screen.Regions("anterior_knee");

        Assert.Equal(["hip_abductors", "hip_trunk_control", "quadriceps", "foot"], ranked.Select(r => r.Region));
        Assert.Equal(["M4:hip_abductors:left"], ranked[0].SupportingFindingKeys);
        Assert.Equal(
            "Hip abductor weakness (left, LSI 78 %) may contribute to anterior knee pain: check and treat it — a treatment target, not a proven cause (Neal 2019).",
            ranked[0].Explanation);
        Assert.Contains("(left, poor single-leg squat)", ranked[1].Explanation, StringComparison.Ordinal);
        Assert.Equal("Check quadriceps strength: often involved in anterior knee pain (K1).", ranked[2].Explanation);
        Assert.All(ranked, r => Assert.Equal(("K1", "A"), (r.RuleId, r.Evidence)));
    }

    [Fact]
    public void Lateral_knee_pain_with_a_right_hip_abductor_deficit_ranks_hip_abductors_first_K2()
    {
        // Given hip abduction of 9.5 %BW left and 7.4 %BW right (LSI 77.9 %) and good squats
        var screen = new ScreenBuilder()
            .Left(TestCodes.HipAbductionStrength, 9.5m, "percent_bw").Right(TestCodes.HipAbductionStrength, 7.4m, "percent_bw")
            .Squat(BodySide.Left, Rating.Good).Squat(BodySide.Right, Rating.Fair);

        var ranked = screen.Regions("lateral_knee");

        Assert.Equal(["hip_abductors", "hip_trunk_control"], ranked.Select(r => r.Region));
        Assert.Equal(("K2", "B"), (ranked[0].RuleId, ranked[0].Evidence));
        Assert.Equal(
            "Hip abductor weakness (right, LSI 77.9 %) may contribute to lateral knee pain: check and treat it — a treatment target, not a proven cause (Fredericson 2000).",
            ranked[0].Explanation);
        Assert.Equal("Check hip and trunk control (single-leg squat): often involved in lateral knee pain (K2).", ranked[1].Explanation);
    }

    [Fact]
    public void Achilles_pain_in_a_40_year_old_man_with_18_heel_raises_left_and_30_right_ranks_the_calf_first_K3()
    {
        var screen = new ScreenBuilder { Runner = new ScreenedRunner(40, "male") }.Both(TestCodes.SingleLegHeelRaise, 18, 30);

        var findings = screen.Findings();
        var ranked = screen.Regions("achilles");

        // Only the left is a finding: 18 is below the norm of 28 and 12 fewer than the right; 30 is above the norm
        Assert.Equal(["M3:calf:left"], findings.Select(f => f.Key));
        var calf = Assert.Single(ranked);
        Assert.Equal(("calf", 1, "K3", "B"), (calf.Region, calf.Rank, calf.RuleId, calf.Evidence));
        Assert.Equal(
            "Calf capacity deficit (left, 18 reps, norm 28, 12 fewer than right) may contribute to Achilles pain: check and treat it — a treatment target, not a proven cause (K3).",
            calf.Explanation);
    }

    [Fact]
    public void Medial_shin_pain_with_a_45_percent_distance_jump_L3_and_a_pronated_foot_ranks_foot_and_training_load_never_dorsiflexion_K4()
    {
        // Given FPI +8 on the right, a knee-to-wall asymmetry (which K4 must ignore) and intake's L3 flag
        var screen = new ScreenBuilder()
            .Both(TestCodes.FootPostureIndex, 4, 8)
            .Both(TestCodes.KneeToWall, 7, 10)
            .Flag("L3", "distance_jump", "B",
                "Your running distance rose 45 % this week (from 20.0 km to 29.0 km). Big weekly jumps (> 30 %) are linked to running injuries (Nielsen 2014).",
                ("distance_km", 29m), ("previous_distance_km", 20m), ("increase_percent", 45m));

        var ranked = screen.Regions("medial_shin");

        Assert.Equal(["foot", "training_load"], ranked.Select(r => r.Region));
        Assert.DoesNotContain(ranked, r => r.Region == "ankle_dorsiflexion");
        Assert.All(ranked, r => Assert.Equal(("K4", "A"), (r.RuleId, r.Evidence)));
        Assert.Equal(
            "Foot mechanics (right, FPI +8, pronated) may contribute to medial shin pain: check and treat it — a treatment target, not a proven cause (K4).",
            ranked[0].Explanation);
        Assert.Equal(
            "Training load (+45 % weekly distance) may contribute to medial shin pain: check and treat it — a treatment target, not a proven cause (K4).",
            ranked[1].Explanation);
    }

    [Fact]
    public void No_impairments_but_a_high_load_spike_L2_and_short_sleep_S1_give_only_load_and_recovery_findings()
    {
        var screen = new ScreenBuilder()
            .Both(TestCodes.HipAbductionStrength, 2.0m, 2.1m).Both(TestCodes.SingleLegHeelRaise, 30, 32).Squat(BodySide.Left, Rating.Good)
            .Flag("L2", "load_spike", "X",
                "Your training load in the last 7 days (2400) is 1.6 times your 4-week average (1500 a week): load is rising much faster than usual (acute:chronic ratio; the link to injury is contested, Impellizzeri 2020).",
                ("acute_load", 2400m), ("chronic_load", 1500m), ("acwr", 1.6m))
            .Flag("S1", "short_sleep", "B",
                "You slept 6.2 h a night on average over the last 7 days (3 reports; under 7 h slows recovery).",
                ("sleep_hours_average", 6.2m), ("reports", 3m));

        var findings = screen.Findings();
        var ranked = screen.Regions(null);

        Assert.Equal([("load", "training_load", "L2", "X"), ("recovery_wellness", "sleep", "S1", "B")],
            findings.Select(f => (f.Kind, f.Region, f.RuleId, f.Evidence)));
        Assert.Equal(
            "Pushing too hard: load rising faster than usual (L2, from the runner's training log when the screen started): \"Your training load in the last 7 days (2400) is 1.6 times your 4-week average (1500 a week): load is rising much faster than usual (acute:chronic ratio; the link to injury is contested, Impellizzeri 2020).\"",
            findings[0].Explanation);
        Assert.Equal(
            "Short sleep (S1, from the runner's training log when the screen started): \"You slept 6.2 h a night on average over the last 7 days (3 reports; under 7 h slows recovery).\"",
            findings[1].Explanation);
        Assert.Equal(["training_load", "sleep"], ranked.Select(r => r.Region));
        Assert.Equal(
            "Training load (ACWR 1.60) was found on this screen: check and treat it (no kinetic-chain rule, K1-K8, covers this pain site).",
            ranked[0].Explanation);
    }

    [Fact]
    public void Lower_back_pain_with_short_side_planks_tight_hamstrings_and_stress_ranks_all_three_K8_regions_by_support()
    {
        var screen = new ScreenBuilder()
            .Both(TestCodes.SidePlankEndurance, 22, 25)
            .Both(TestCodes.ActiveKneeExtensionDeficit, 28, 12)
            .Flag("S2", "high_stress", "B", "Stressed.", ("stress_average", 4.4m));

        var ranked = screen.Regions("lower_back");

        Assert.Equal([("trunk", 2), ("hamstrings", 1), ("stress", 1)], ranked.Select(r => (r.Region, r.SupportingFindingKeys.Count)));
        Assert.All(ranked, r => Assert.Contains("a treatment target, not a proven cause (K8)", r.Explanation, StringComparison.Ordinal));
    }
}
