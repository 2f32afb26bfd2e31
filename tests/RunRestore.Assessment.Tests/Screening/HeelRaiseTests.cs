using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.Screening.ScreenBuilder;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class HeelRaiseTests
{
    [Theory]
    [InlineData(20, "male", 37)]
    [InlineData(29, "female", 30)]
    [InlineData(30, "male", 32)]
    [InlineData(39, "female", 27)]
    [InlineData(40, "male", 28)]
    [InlineData(49, "female", 24)]
    [InlineData(50, "male", 23)]
    [InlineData(59, "female", 21)]
    [InlineData(60, "male", 19)]
    [InlineData(81, "female", 19)]
    [InlineData(35, "other", 27)]    // "other": the female (lower) norm
    public void M3_the_norm_follows_age_and_sex(int age, string sex, int norm)
    {
        Assert.Equal(norm, HeelRaiseNorm.RepsFor(new ScreenedRunner(age, sex)));
    }

    [Theory]
    [InlineData(17, 25, 25, true)]    // 5 below the 20-29 norm of 30, but no norm under 20 and no side difference
    [InlineData(19, 20, 30, false)]   // 10 fewer than the right: the side difference still counts
    public void M3_a_runner_under_20_gets_no_age_norm_only_the_side_difference_and_the_finding_says_so(int age, int left, int right,
        bool noFinding)
    {
        var findings = new ScreenBuilder { Runner = new ScreenedRunner(age, "female") }
            .Left(TestCodes.SingleLegHeelRaise, left).Right(TestCodes.SingleLegHeelRaise, right)
            .FindingsOf("M3");

        Assert.Null(HeelRaiseNorm.RepsFor(new ScreenedRunner(age, "female")));
        if (noFinding)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((BodySide.Left, "20 vs 30 reps"), (finding.Side, finding.MagnitudeLabel));
        Assert.Contains("no age norm applies under 20 (M3 has none), so only the side difference counts", finding.Explanation,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(28, false)]   // at the norm
    [InlineData(27, true)]
    public void M3_reps_below_the_age_and_sex_norm_are_a_calf_capacity_deficit(int reps, bool fires)
    {
        // Given a 45-year-old man: norm 28
        var screen = new ScreenBuilder { Runner = new ScreenedRunner(45, "male") }.Right(TestCodes.SingleLegHeelRaise, reps);

        Assert.Equal(fires, screen.FindingsOf("M3").Count == 1);
    }

    [Theory]
    [InlineData(35, null)]   // difference 5
    [InlineData(36, null)]   // exactly 6: M3 says more than 6
    [InlineData(37, 30)]     // 7: the weaker left side
    public void M3_a_side_difference_of_more_than_6_reps_is_a_deficit_on_the_weaker_side_even_above_the_norm(int right, int? leftReps)
    {
        // Given a 35-year-old woman (norm 27): both sides above the norm
        var findings = new ScreenBuilder().Left(TestCodes.SingleLegHeelRaise, 30).Right(TestCodes.SingleLegHeelRaise, right).FindingsOf("M3");

        if (leftReps is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((BodySide.Left, (decimal)leftReps.Value, "30 vs 37 reps"), (finding.Side, finding.Magnitude, finding.MagnitudeLabel));
        Assert.Equal(
            "Left single-leg heel raise reached 30 reps, 7 fewer than the right (37; a side difference over 6 counts): a calf capacity deficit to check and treat (M3).",
            finding.Explanation);
    }

    [Fact]
    public void M3_both_sides_below_the_norm_give_one_finding_each_and_the_asymmetry_joins_the_weaker_sides_finding()
    {
        // Given a 40-year-old man (norm 28): 18 reps left, 26 right
        var screen = new ScreenBuilder { Runner = new ScreenedRunner(40, "male") }
            .Left(TestCodes.SingleLegHeelRaise, 18, id: 1).Right(TestCodes.SingleLegHeelRaise, 26, id: 2);

        var findings = screen.FindingsOf("M3");

        Assert.Equal(["M3:calf:left", "M3:calf:right"], findings.Select(f => f.Key));
        Assert.All(findings, f => Assert.Equal((FindingKinds.StrengthDeficit, "calf", "B"), (f.Kind, f.Region, f.Evidence)));
        Assert.Equal("18 reps, norm 28, 8 fewer than right", findings[0].MagnitudeLabel);
        Assert.Equal([Input(1), Input(2)], findings[0].TriggeringInputs);
        Assert.Equal(
            "Left single-leg heel raise reached 18 reps, below the norm of 28 for the runner's age and sex and 8 fewer than the right (26; a side difference over 6 counts): a calf capacity deficit to check and treat (M3).",
            findings[0].Explanation);
        Assert.Equal("26 reps, norm 28", findings[1].MagnitudeLabel);
        Assert.Equal([Input(2)], findings[1].TriggeringInputs);
    }
}
