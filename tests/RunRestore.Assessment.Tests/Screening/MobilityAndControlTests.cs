using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.Screening.ScreenBuilder;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class MobilityAndControlTests
{
    [Theory]
    [InlineData(Rating.Good, false)]
    [InlineData(Rating.Fair, false)]
    [InlineData(Rating.Poor, true)]
    public void M1_only_a_poor_single_leg_squat_is_a_hip_and_trunk_control_finding(Rating rating, bool fires)
    {
        var findings = new ScreenBuilder().Squat(BodySide.Right, rating).FindingsOf("M1");

        Assert.Equal(fires, findings.Count == 1);
    }

    [Fact]
    public void M1_names_the_side_the_compensations_and_the_evidence()
    {
        var finding = Assert.Single(new ScreenBuilder().Squat(BodySide.Left, Rating.Poor, id: 1).Squat(BodySide.Right, Rating.Fair).FindingsOf("M1"));

        Assert.Equal((FindingKinds.ControlCompensation, "hip_trunk_control", BodySide.Left, "B"), (finding.Kind, finding.Region, finding.Side, finding.Evidence));
        Assert.Equal(("poor single-leg squat", "M1:hip_trunk_control:left"), (finding.MagnitudeLabel, finding.Key));
        Assert.Null(finding.Magnitude);
        Assert.Equal([Input(1)], finding.TriggeringInputs);
        Assert.Equal(
            "Left single-leg squat was rated poor (trunk lean, pelvic drop, hip adduction or knee valgus): a hip and trunk control compensation to check and treat (M1, Crossley 2011).",
            finding.Explanation);
    }

    [Theory]
    [InlineData(9.4, null)]     // 1.4 cm
    [InlineData(9.5, null)]     // exactly 1.5 cm: M2 says more than 1.5 cm
    [InlineData(9.6, 1.6)]
    public void M2_a_knee_to_wall_side_difference_of_more_than_1_5_cm_is_a_mobility_limit_on_the_lower_side(double right, double? difference)
    {
        var findings = new ScreenBuilder().Left(TestCodes.KneeToWall, 8).Right(TestCodes.KneeToWall, (decimal)right).FindingsOf("M2");

        if (difference is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((FindingKinds.MobilityLimit, "ankle_dorsiflexion", BodySide.Left, "B"), (finding.Kind, finding.Region, finding.Side, finding.Evidence));
        Assert.Equal((decimal)difference.Value, finding.Magnitude);
    }

    [Fact]
    public void M2_states_both_sides_and_names_both_results()
    {
        var findings = new ScreenBuilder().Left(TestCodes.KneeToWall, 11, id: 1).Right(TestCodes.KneeToWall, 9, id: 2).FindingsOf("M2");

        var finding = Assert.Single(findings);
        Assert.Equal((BodySide.Right, "2 cm less than left"), (finding.Side, finding.MagnitudeLabel));
        Assert.Equal([Input(1), Input(2)], finding.TriggeringInputs);
        Assert.Equal(
            "Right ankle dorsiflexion (knee-to-wall 9 cm) is 2 cm less than the left (11 cm); a side difference over 1.5 cm is a real asymmetry (M2).",
            finding.Explanation);
    }

    [Fact]
    public void M2_needs_both_sides_to_speak_of_an_asymmetry()
    {
        Assert.Empty(new ScreenBuilder().Left(TestCodes.KneeToWall, 2).FindingsOf("M2"));
    }

    [Theory]
    [InlineData(19.9, false)]
    [InlineData(20, false)]
    [InlineData(20.1, true)]
    public void M8_an_active_knee_extension_deficit_of_more_than_20_degrees_is_a_hamstring_mobility_limit(double degrees, bool fires)
    {
        var findings = new ScreenBuilder().Right(TestCodes.ActiveKneeExtensionDeficit, (decimal)degrees).FindingsOf("M8");

        Assert.Equal(fires, findings.Count == 1);
    }

    [Fact]
    public void M8_judges_each_side_on_its_own()
    {
        var findings = new ScreenBuilder().Both(TestCodes.ActiveKneeExtensionDeficit, 25, 30).FindingsOf("M8");

        Assert.Equal([BodySide.Left, BodySide.Right], findings.Select(f => f.Side));
        Assert.All(findings, f => Assert.Equal((FindingKinds.MobilityLimit, "hamstrings", "C"), (f.Kind, f.Region, f.Evidence)));
        Assert.Equal(
            "Left active knee extension stops 25° short of straight (over 20° counts as limited hamstring flexibility): a mobility limit to check and treat (M8).",
            findings[0].Explanation);
        Assert.Equal("30° deficit", findings[1].MagnitudeLabel);
    }
}
