using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.Screening.ScreenBuilder;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class FootPostureTests
{
    [Theory]
    [InlineData(7, "FPI +7, pronated")]
    [InlineData(6, "FPI +6, pronated")]
    [InlineData(5, null)]
    [InlineData(-4, null)]
    [InlineData(-5, "FPI −5, supinated")]
    [InlineData(-6, "FPI −6, supinated")]
    public void M9_a_foot_posture_index_of_6_or_more_or_minus_5_or_less_is_a_foot_mechanics_finding(int fpi, string? label)
    {
        var findings = new ScreenBuilder().Left(TestCodes.FootPostureIndex, fpi).FindingsOf("M9");

        Assert.Equal(label, findings.SingleOrDefault()?.MagnitudeLabel);
        Assert.All(findings, f => Assert.Equal((FindingKinds.FootMechanics, "foot", BodySide.Left, "B", (decimal)fpi), (f.Kind, f.Region, f.Side, f.Evidence, f.Magnitude)));
    }

    [Theory]
    [InlineData(9.9, false)]
    [InlineData(10, false)]
    [InlineData(10.1, true)]
    public void M9_a_navicular_drop_of_more_than_10_mm_is_a_foot_mechanics_finding(double mm, bool fires)
    {
        var findings = new ScreenBuilder().Right(TestCodes.NavicularDrop, (decimal)mm).FindingsOf("M9");

        Assert.Equal(fires, findings.Count == 1);
    }

    [Fact]
    public void M9_a_pronated_foot_with_a_large_navicular_drop_is_one_finding_per_side()
    {
        var screen = new ScreenBuilder()
            .Right(TestCodes.FootPostureIndex, 8, id: 1).Right(TestCodes.NavicularDrop, 12, id: 2).Left(TestCodes.NavicularDrop, 4);

        var finding = Assert.Single(screen.FindingsOf("M9"));

        Assert.Equal(("M9:foot:right", 8m, "FPI +8, pronated; navicular drop 12 mm"), (finding.Key, finding.Magnitude, finding.MagnitudeLabel));
        Assert.Equal([Input(1), Input(2)], finding.TriggeringInputs);
        Assert.Equal(
            "Right foot has a Foot Posture Index of +8 (pronated; +6 or more counts) and a navicular drop of 12 mm (over 10 mm counts): foot mechanics to check and treat (M9).",
            finding.Explanation);
    }
}
