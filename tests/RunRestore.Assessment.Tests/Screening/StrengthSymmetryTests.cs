using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.Screening.ScreenBuilder;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class StrengthSymmetryTests
{
    [Theory]
    [InlineData(8.51, null)]   // LSI 85.1 %
    [InlineData(8.5, null)]    // exactly 85 %: M4 says below 85 %
    [InlineData(8.49, 84.9)]
    public void M4_a_hip_abduction_limb_symmetry_index_below_85_percent_is_weakness_on_the_weaker_side(double left, double? lsi)
    {
        var findings = new ScreenBuilder().Both(TestCodes.HipAbductionStrength, (decimal)left, 10).FindingsOf("M4");

        if (lsi is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((FindingKinds.StrengthDeficit, "hip_abductors", BodySide.Left, "B"), (finding.Kind, finding.Region, finding.Side, finding.Evidence));
        Assert.Equal(((decimal)lsi.Value, "LSI 84.9 %"), (finding.Magnitude, finding.MagnitudeLabel));
    }

    [Fact]
    public void M4_explains_the_limb_symmetry_index_in_a_sentence_and_names_both_results()
    {
        var finding = Assert.Single(new ScreenBuilder()
            .Left(TestCodes.HipAbductionStrength, 1.56m, id: 1).Right(TestCodes.HipAbductionStrength, 2.0m, id: 2).FindingsOf("M4"));

        Assert.Equal((78m, "LSI 78 %"), (finding.Magnitude, finding.MagnitudeLabel));
        Assert.Equal([Input(1), Input(2)], finding.TriggeringInputs);
        Assert.Equal((2, "M4:hip_abductors:left"), (finding.RuleVersion, finding.Key));
        Assert.Equal("Left hip abduction is 78 % of the right (limb symmetry index; below 85 % counts as weakness).", finding.Explanation);
    }

    [Fact]
    public void M4_compares_only_results_in_the_same_unit()
    {
        var screen = new ScreenBuilder().Left(TestCodes.HipAbductionStrength, 2, "n_per_kg").Right(TestCodes.HipAbductionStrength, 20, "percent_bw");

        Assert.Empty(screen.FindingsOf("M4"));
    }

    [Fact]
    public void M4_in_percent_of_body_weight_is_judged_like_newtons_per_kilogram()
    {
        var screen = new ScreenBuilder().Left(TestCodes.HipAbductionStrength, 30, "percent_bw").Right(TestCodes.HipAbductionStrength, 24, "percent_bw");

        Assert.Equal("Right hip abduction is 80 % of the left (limb symmetry index; below 85 % counts as weakness).", Assert.Single(screen.FindingsOf("M4")).Explanation);
    }

    [Theory]
    [InlineData(8.5, false)]
    [InlineData(8.49, true)]
    public void K1_quadriceps_strength_with_a_limb_symmetry_index_below_85_percent_is_weakness_by_product_convention(double right, bool fires)
    {
        var findings = new ScreenBuilder().Both(TestCodes.QuadricepsStrength, 10, (decimal)right).FindingsOf("K1");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal((FindingKinds.StrengthDeficit, "quadriceps", BodySide.Right, "C"), (f.Kind, f.Region, f.Side, f.Evidence)));
        Assert.All(findings, f => Assert.Contains("a product convention", f.Explanation, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4.25, false)]
    [InlineData(4.2, true)]
    public void K6_hamstring_strength_with_a_limb_symmetry_index_below_85_percent_is_weakness_and_says_the_evidence_is_contested(double left, bool fires)
    {
        var findings = new ScreenBuilder().Both(TestCodes.HamstringStrength, (decimal)left, 5).FindingsOf("K6");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal((FindingKinds.StrengthDeficit, "hamstrings", BodySide.Left, "X"), (f.Kind, f.Region, f.Side, f.Evidence)));
        Assert.All(findings, f => Assert.Equal(
            "Left hamstring strength is 84 % of the right (limb symmetry index; below 85 % counts as weakness; the evidence for hamstring strength is contested).",
            f.Explanation));
    }
}
