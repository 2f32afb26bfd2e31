using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.Screening.ScreenBuilder;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class BalanceTests
{
    [Theory]
    [InlineData(66, false)]     // 4 cm
    [InlineData(65.9, true)]    // 4.1 cm
    [InlineData(66.1, false)]   // 3.9 cm: noise
    public void M5_an_anterior_reach_side_difference_of_more_than_4_cm_is_a_dynamic_balance_finding_on_the_shorter_side(double left, bool fires)
    {
        var findings = new ScreenBuilder().Both(TestCodes.YBalanceAnterior, (decimal)left, 70).FindingsOf("M5");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal((FindingKinds.Balance, "dynamic_balance", BodySide.Left, "X"), (f.Kind, f.Region, f.Side, f.Evidence)));
        Assert.All(findings, f => Assert.Contains("contested", f.Explanation, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(94.1, false)]
    [InlineData(94, false)]
    [InlineData(93.9, true)]
    public void M5_a_composite_reach_below_94_percent_of_limb_length_is_low_on_that_side(double composite, bool fires)
    {
        var findings = new ScreenBuilder().Right(TestCodes.YBalanceComposite, (decimal)composite).FindingsOf("M5");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(("dynamic_balance", BodySide.Right, "X", "composite 93.9 %"), (f.Region, f.Side, f.Evidence, f.MagnitudeLabel)));
    }

    [Fact]
    public void M5_an_anterior_asymmetry_and_a_low_composite_on_the_same_side_merge_into_one_finding()
    {
        var screen = new ScreenBuilder()
            .Left(TestCodes.YBalanceAnterior, 60, id: 1).Right(TestCodes.YBalanceAnterior, 66, id: 2).Left(TestCodes.YBalanceComposite, 90, id: 3);

        var finding = Assert.Single(screen.FindingsOf("M5"));

        Assert.Equal(("M5:dynamic_balance:left", 6m), (finding.Key, finding.Magnitude));
        Assert.Equal("anterior reach 6 cm less than right; composite 90 %", finding.MagnitudeLabel);
        Assert.Equal([Input(1), Input(2), Input(3)], finding.TriggeringInputs);
        Assert.Equal(
            "Left Y-balance: the anterior reach (60 cm) is 6 cm shorter than the right (over 4 cm counts as an asymmetry) and the composite reach is 90 % of limb length (under 94 % counts as low): a dynamic balance finding to check and treat, though these Y-balance thresholds are contested evidence (M5).",
            finding.Explanation);
    }

    [Theory]
    [InlineData(10.1, false)]
    [InlineData(10, false)]
    [InlineData(9.9, true)]
    public void M6_standing_on_one_leg_with_eyes_closed_for_under_10_seconds_is_a_foot_and_ankle_control_finding(double seconds, bool fires)
    {
        var findings = new ScreenBuilder().Left(TestCodes.SingleLegBalanceEyesClosed, (decimal)seconds).FindingsOf("M6");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal((FindingKinds.Balance, "foot_ankle_control", BodySide.Left, "C"), (f.Kind, f.Region, f.Side, f.Evidence)));
    }

    [Theory]
    [InlineData(14.1, false)]   // 29.5 % shorter
    [InlineData(14, false)]     // exactly 30 %: M6 says more than 30 %
    [InlineData(13.9, true)]    // 30.5 %
    public void M6_a_side_more_than_30_percent_shorter_than_the_better_side_is_a_finding(double left, bool fires)
    {
        var findings = new ScreenBuilder().Both(TestCodes.SingleLegBalanceEyesClosed, (decimal)left, 20).FindingsOf("M6");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(
            "Left single-leg balance with eyes closed lasted 13.9 s — it is 30.5 % shorter than the right (20 s; over 30 % counts): a balance and foot-control finding to check and treat (M6).",
            f.Explanation));
    }

    [Fact]
    public void M6_a_side_both_under_10_seconds_and_much_shorter_than_the_other_gives_one_finding_with_both_reasons()
    {
        var finding = Assert.Single(new ScreenBuilder().Both(TestCodes.SingleLegBalanceEyesClosed, 20, 6).FindingsOf("M6"));

        Assert.Equal((BodySide.Right, 6m, "6 s vs 20 s"), (finding.Side, finding.Magnitude, finding.MagnitudeLabel));
        Assert.Equal(
            "Right single-leg balance with eyes closed lasted 6 s — under 10 s counts as low and it is 70 % shorter than the left (20 s; over 30 % counts): a balance and foot-control finding to check and treat (M6).",
            finding.Explanation);
    }
}
