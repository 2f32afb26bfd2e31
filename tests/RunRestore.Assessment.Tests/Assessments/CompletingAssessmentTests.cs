using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.Contracts.Intake;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

public sealed class CompletingAssessmentTests
{
    private readonly AssessmentScenario _scenario = new();

    [Fact]
    public void A_first_screen_completes_today_with_no_findings_when_nothing_was_recorded() =>
        _scenario.Given(Started()).When(new CompleteAssessment(Id(10)))
            .Then(new AssessmentCompleted(Runner.Id, null, Today, Today, false, [], [], Now));

    [Fact]
    public void The_results_become_findings_and_the_pain_site_ranks_the_regions_to_check() =>
        _scenario.Given(Started(pain: Pain(7, BodySites.AnteriorKnee)),
                Recorded(TestCodes.KneeToWall, BodySide.Left, 6, 20),
                Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 21))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(completed =>
            {
                var finding = Assert.Single(completed.Findings);
                Assert.Equal(("M2", BodySide.Left, "M2:ankle_dorsiflexion:left"), (finding.RuleId, finding.Side, finding.Key));
                Assert.Equal(BodySites.AnteriorKnee, completed.PainSite);
                Assert.Equal("K1", completed.Regions[0].RuleId);
            });

    [Fact]
    public void A_later_screen_is_a_reassessment_counted_from_the_first_completion()
    {
        var first = Today.AddDays(-42);

        _scenario.Given(Started(id: 9), CompletedOn(first), Started(id: 10)).When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(completed =>
                Assert.Equal((Today, first, true), (completed.CompletedOn, completed.FirstCompletedOn, completed.IsReassessment)));
    }

    [Fact]
    public void Completing_twice_is_refused_naming_the_rule_and_the_field() =>
        _scenario.Given(Started(), CompletedOn(Today)).When(new CompleteAssessment(Id(10)))
            .ThenRefused("assessment_open", "assessment_id");
}
