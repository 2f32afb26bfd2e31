using RunRestore.Contracts;
using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.Screening.ScreenBuilder;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class FindingsTests
{
    [Fact]
    public void An_empty_screen_without_flags_has_no_findings()
    {
        Assert.Empty(new ScreenBuilder().Findings());
    }

    [Fact]
    public void When_a_side_was_tested_twice_the_last_result_counts()
    {
        // Given a first left attempt of 20 s (a finding), retested at 40 s
        var screen = new ScreenBuilder()
            .Left(TestCodes.SingleLegBridgeEndurance, 20, id: 1).Right(TestCodes.SingleLegBridgeEndurance, 8, id: 2)
            .Left(TestCodes.SingleLegBridgeEndurance, 40, id: 3);

        var finding = Assert.Single(screen.FindingsOf("M7"));

        Assert.Equal(BodySide.Right, finding.Side);
        Assert.Equal([Input(3), Input(2)], finding.TriggeringInputs);
    }

    [Fact]
    public void Results_without_a_side_in_an_unknown_unit_or_of_an_unknown_test_are_ignored()
    {
        var screen = new ScreenBuilder()
            .Result(TestCodes.ActiveKneeExtensionDeficit, null, 40)
            .Right(TestCodes.ActiveKneeExtensionDeficit, 40, unit: "radians")
            .Right("plank_to_failure", 5);

        Assert.Empty(screen.Findings());
    }

    [Fact]
    public void A_screen_with_every_impairment_lists_findings_in_catalogue_order_with_unique_keys_the_rule_version_and_a_sentence_each()
    {
        var screen = new ScreenBuilder { Runner = new ScreenedRunner(40, "male") }
            .Squat(BodySide.Left, Rating.Poor)
            .Both(TestCodes.KneeToWall, 6, 10)
            .Both(TestCodes.SingleLegHeelRaise, 18, 30)
            .Both(TestCodes.HipAbductionStrength, 1.5m, 2)
            .Both(TestCodes.QuadricepsStrength, 2, 3)
            .Both(TestCodes.HamstringStrength, 2, 3)
            .Both(TestCodes.YBalanceAnterior, 50, 60)
            .Both(TestCodes.SingleLegBalanceEyesClosed, 5, 30)
            .Both(TestCodes.SingleLegBridgeEndurance, 10, 60)
            .Both(TestCodes.SidePlankEndurance, 10, 60)
            .Both(TestCodes.ActiveKneeExtensionDeficit, 30, 5)
            .Both(TestCodes.FootPostureIndex, 9, 0)
            .Flag("L3", "distance_jump", "B", "Distance jumped.", ("increase_percent", 40m));

        var findings = screen.Findings();

        Assert.Equal(["M1", "M2", "M3", "M4", "K1", "K6", "M5", "M6", "M7", "M7", "M8", "M9", "L3"], findings.Select(f => f.RuleId));
        Assert.Equal(findings.Count, findings.Select(f => f.Key).Distinct().Count());
        Assert.All(findings, f => Assert.Equal(RuleSet.VersionOf(f.RuleId), f.RuleVersion));
        Assert.All(findings, f => Assert.EndsWith(".", f.Explanation.TrimEnd('"'), StringComparison.Ordinal));
        Assert.All(findings, f => Assert.NotEmpty(f.TriggeringInputs));
        Assert.All(findings, f => Assert.DoesNotContain("diagnos", f.Explanation, StringComparison.OrdinalIgnoreCase));
    }
}
