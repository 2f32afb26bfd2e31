using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Messaging;
using RunRestore.Assessment.Screening;
using RunRestore.Contracts;
using RunRestore.Contracts.Intake;
using RunRestore.Contracts.Safety;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

/// <summary>
/// DOMAIN.md R2 and R5 on a screen (issue 13): the hop test and the bony-tenderness check raise a critical red flag
/// when answered yes or unsure, and groin pain gets R5, never lateral-hip (K7) reasoning. What a clinic notices: the
/// RedFlagRaised the completion publishes, and the regions to check.
/// </summary>
public sealed class ScreenRedFlagTests
{
    private const decimal No = 0m;
    private const decimal Yes = 1m;
    private const decimal Unsure = 2m;

    private readonly AssessmentScenario _scenario = new();

    [Fact]
    public void R2_pain_on_hopping_answered_unsure_raises_a_critical_flag_for_the_screens_pain_site_and_side() =>
        _scenario.Given(Started(pain: Pain(7, BodySites.MedialShin)),
                Recorded(TestCodes.SingleLegHopPain, BodySide.Left, Unsure, 20),
                Recorded(TestCodes.SingleLegHopPain, BodySide.Right, No, 21))
            .When(new CompleteAssessment(Id(10)))
            .Then<ScreenRedFlagRaised>(flag =>
            {
                Assert.Equal((Id(100), "R2", RuleSet.VersionOf("R2"), RedFlagSeverities.Critical, "B"),
                    (flag.RedFlagId, flag.RuleId, flag.RuleVersion, flag.Severity, flag.Evidence));
                Assert.Equal((BodySites.MedialShin, BodySides.Left, Today), (flag.BodySite, flag.Side, flag.RaisedOn));
                Assert.Equal([RedFlagSigns.PainOnHopping], flag.Signs);
                Assert.Equal([Id(20)], flag.TriggeringIds);
                Assert.Contains("unsure, which counts as present", flag.Explanation, StringComparison.Ordinal);
                Assert.Contains("(R2", flag.Explanation, StringComparison.Ordinal);
            });

    [Fact]
    public void R2_hop_pain_and_bony_tenderness_on_a_high_risk_site_are_one_flag_per_side_with_every_sign()
    {
        _scenario.Given(Started(pain: Pain(7, BodySites.AnteriorShin)),
                Recorded(TestCodes.SingleLegHopPain, BodySide.Right, Yes, 20),
                Recorded(TestCodes.BonyTenderness, BodySide.Right, Yes, 21),
                Recorded(TestCodes.BonyTenderness, BodySide.Left, Yes, 22))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(_ => { });

        var flags = _scenario.State.RedFlags!;
        Assert.Equal([BodySides.Left, BodySides.Right], flags.Select(f => f.Side));
        Assert.Equal([RedFlagSigns.BonyTenderness, RedFlagSigns.HighRiskBoneSite], flags[0].Signs);
        Assert.Equal([RedFlagSigns.PainOnHopping, RedFlagSigns.BonyTenderness, RedFlagSigns.HighRiskBoneSite], flags[1].Signs);
        Assert.Equal([Id(20), Id(21)], flags[1].TriggeringIds);
        Assert.All(flags, f => Assert.Equal(BodySites.AnteriorShin, f.BodySite));
    }

    [Fact]
    public void R2_a_retest_answered_no_replaces_the_first_answer_and_no_flag_is_raised()
    {
        _scenario.Given(Started(pain: Pain(7, BodySites.MedialShin)),
                Recorded(TestCodes.SingleLegHopPain, BodySide.Left, Yes, 20),
                Recorded(TestCodes.SingleLegHopPain, BodySide.Left, No, 21),
                Recorded(TestCodes.BonyTenderness, BodySide.Left, No, 22))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(completed => Assert.Empty(completed.Findings));

        Assert.Null(_scenario.State.RedFlags);
    }

    [Fact]
    public void R2_without_a_pain_report_the_flag_names_region_other() =>
        _scenario.Given(Started(), Recorded(TestCodes.BonyTenderness, BodySide.Right, Yes, 20))
            .When(new CompleteAssessment(Id(10)))
            .Then<ScreenRedFlagRaised>(flag => Assert.Equal((BodySites.Other, BodySides.Right), (flag.BodySite, flag.Side)));

    [Fact]
    public void R5_groin_pain_with_running_raises_a_flag_and_the_only_region_to_check_is_the_bone_not_the_lateral_hip()
    {
        _scenario.Given(Started(pain: Pain(7, BodySites.Groin)),
                Recorded(TestCodes.HipAbductionStrength, BodySide.Left, 1.2m, 20),
                Recorded(TestCodes.HipAbductionStrength, BodySide.Right, 2.0m, 21))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(completed =>
            {
                var region = Assert.Single(completed.Regions);
                Assert.Equal((BodySites.Groin, "R5", "B"), (region.Region, region.RuleId, region.Evidence));
                Assert.Contains("no lateral-hip (K7) reasoning", region.Explanation, StringComparison.Ordinal);
                Assert.DoesNotContain(completed.Regions, r => r.RuleId == "K7" || r.Region == "hip_abductors");
            });

        var flag = Assert.Single(_scenario.State.RedFlags!);
        Assert.Equal(("R5", RuleSet.VersionOf("R5"), RedFlagSeverities.Critical, BodySites.Groin, BodySides.Left),
            (flag.RuleId, flag.RuleVersion, flag.Severity, flag.BodySite, flag.Side));
        Assert.Equal([RedFlagSigns.GroinPainWithRunning, RedFlagSigns.HighRiskBoneSite], flag.Signs);
        Assert.Equal([Id(7)], flag.TriggeringIds);
    }

    [Fact]
    public void R5_groin_pain_at_rest_still_gets_no_lateral_hip_reasoning_but_no_R5_flag()
    {
        _scenario.Given(Started(pain: Pain(7, BodySites.Groin) with { Phase = PainPhases.AtRest }))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(completed => Assert.Equal("R5", Assert.Single(completed.Regions).RuleId));

        Assert.Null(_scenario.State.RedFlags);
    }

    [Fact]
    public void R2_an_answer_that_is_not_0_1_or_2_is_refused_naming_value_and_nothing_is_stored()
    {
        _scenario.Given(Started()).When(Record(TestCodes.SingleLegHopPain, BodySide.Left, 1.5)).ThenRefused("value");
        _scenario.When(Record(TestCodes.BonyTenderness, BodySide.Left, 3)).ThenRefused("value");
        Assert.Empty(_scenario.State.Results);
    }

    [Fact]
    public void R2_the_published_contract_comes_from_the_screen_and_tells_the_runner_to_see_their_clinician()
    {
        var flag = _scenario.Given(Started(pain: Pain(7, BodySites.Midfoot)),
                Recorded(TestCodes.SingleLegHopPain, BodySide.Left, Yes, 20))
            .When(new CompleteAssessment(Id(10)))
            .Then<ScreenRedFlagRaised>(_ => { });

        var published = AssessmentIntegrationEvents.ToContract(flag);

        Assert.Equal((Runner.Id, flag.RedFlagId, "screen", "R2", 2, RedFlagSeverities.Critical, BodySites.Midfoot),
            (published.RunnerId, published.RedFlagId, published.Source, published.RuleId, published.RuleVersion,
                published.Severity, published.BodySite));
        Assert.Equal(RedFlagRules.RunnerAdvice, published.RunnerAdvice);
        Assert.Contains(RedFlagSigns.HighRiskBoneSite, published.Signs);
    }
}
