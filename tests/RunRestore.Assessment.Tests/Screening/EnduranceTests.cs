using RunRestore.Assessment.Screening;
using Xunit;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class EnduranceTests
{
    [Theory]
    [InlineData(TestCodes.SingleLegBridgeEndurance, "posterior_chain", 30.1, false)]
    [InlineData(TestCodes.SingleLegBridgeEndurance, "posterior_chain", 30, false)]
    [InlineData(TestCodes.SingleLegBridgeEndurance, "posterior_chain", 29.9, true)]
    [InlineData(TestCodes.SidePlankEndurance, "trunk", 30, false)]
    [InlineData(TestCodes.SidePlankEndurance, "trunk", 29.9, true)]
    public void M7_holding_a_bridge_or_side_plank_for_under_30_seconds_is_an_endurance_deficit(string code, string region, double seconds, bool fires)
    {
        var findings = new ScreenBuilder().Right(code, (decimal)seconds).FindingsOf("M7");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal((FindingKinds.StrengthDeficit, region, BodySide.Right, "C"), (f.Kind, f.Region, f.Side, f.Evidence)));
    }

    [Theory]
    [InlineData(85.1, false)]
    [InlineData(85, false)]     // exactly 15 % shorter: M7 says more than 15 %
    [InlineData(84.9, true)]
    public void M7_a_side_more_than_15_percent_shorter_than_the_better_side_is_a_finding(double left, bool fires)
    {
        var findings = new ScreenBuilder().Both(TestCodes.SidePlankEndurance, (decimal)left, 100).FindingsOf("M7");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(("M7:trunk:left", "84.9 s vs 100 s"), (f.Key, f.MagnitudeLabel)));
    }

    [Fact]
    public void M7_the_bridge_and_the_side_plank_are_separate_findings_with_their_own_regions()
    {
        var screen = new ScreenBuilder().Both(TestCodes.SingleLegBridgeEndurance, 20, 45).Both(TestCodes.SidePlankEndurance, 60, 40);

        var findings = screen.FindingsOf("M7");

        Assert.Equal(["M7:posterior_chain:left", "M7:trunk:right"], findings.Select(f => f.Key));
        Assert.Equal(
            "Left single-leg bridge hold lasted 20 s — under 30 s counts as low and it is 55.6 % shorter than the right (45 s; over 15 % counts): a posterior-chain endurance deficit to check and treat (M7).",
            findings[0].Explanation);
    }
}
