using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

public sealed class ComparingAssessmentsTests
{
    private readonly AssessmentScenario _scenario = new AssessmentScenario()
        .Given(Started(id: 9), Recorded(TestCodes.KneeToWall, BodySide.Left, 6, 20), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 21))
        .When(new CompleteAssessment(Id(9)))
        .Given(Started(id: 10), Recorded(TestCodes.KneeToWall, BodySide.Left, 8.5m, 30), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 31));

    [Fact]
    public void Two_completed_screens_compare_per_test_and_side_and_finding_by_finding()
    {
        _scenario.When(new CompleteAssessment(Id(10))).When(new Compare(Id(9), Id(10)))
            .Then<AssessmentComparison>(comparison =>
            {
                Assert.Equal([(BodySide.Left, 2.5m, true), (BodySide.Right, 0m, false)],
                    comparison.Changes.Select(c => (c.Side!.Value, c.Change, c.ExceedsMdc)));
                Assert.Equal("M2:ankle_dorsiflexion:left", Assert.Single(comparison.Resolved).Key);
                Assert.Empty(comparison.Persisting);
                Assert.Empty(comparison.New);
            });
    }

    [Fact]
    public void A_finding_whose_test_the_later_screen_skipped_is_not_retested_never_resolved()
    {
        // The later screen records only hip abduction: the left ankle finding of the first is not re-tested.
        new AssessmentScenario()
            .Given(Started(id: 9), Recorded(TestCodes.KneeToWall, BodySide.Left, 6, 20), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 21))
            .When(new CompleteAssessment(Id(9)))
            .Given(Started(id: 10), Recorded(TestCodes.HipAbductionStrength, BodySide.Left, 2, 30),
                Recorded(TestCodes.HipAbductionStrength, BodySide.Right, 2, 31))
            .When(new CompleteAssessment(Id(10))).When(new Compare(Id(9), Id(10)))
            .Then<AssessmentComparison>(comparison =>
            {
                Assert.Equal("M2:ankle_dorsiflexion:left", Assert.Single(comparison.NotRetested).Key);
                Assert.Empty(comparison.Resolved);
            });
    }

    [Theory]
    [InlineData(2.0, 2.25, false)]   // +12.5 %: within the 15 % MDC
    [InlineData(2.0, 2.5, true)]     // +25 %: real
    [InlineData(2.0, 1.6, true)]     // −20 %: real
    public void M4_a_hip_abduction_change_over_15_percent_of_the_previous_value_is_real(double before, double after, bool real)
    {
        new AssessmentScenario()
            .Given(Started(id: 9), Recorded(TestCodes.HipAbductionStrength, BodySide.Left, (decimal)before, 20))
            .When(new CompleteAssessment(Id(9)))
            .Given(Started(id: 10), Recorded(TestCodes.HipAbductionStrength, BodySide.Left, (decimal)after, 30))
            .When(new CompleteAssessment(Id(10))).When(new Compare(Id(9), Id(10)))
            .Then<AssessmentComparison>(comparison =>
            {
                var change = Assert.Single(comparison.Changes);
                Assert.Equal((0.3m, real), (change.Mdc, change.ExceedsMdc));
            });
    }

    [Fact]
    public void An_open_screen_is_refused_naming_the_rule_and_the_field_of_the_open_one()
    {
        var ex = _scenario.When(new Compare(Id(9), Id(10))).ThenRefused(ComparingAssessments.CompletedRule, "assessment_b_id");

        Assert.Equal("Both assessments must be completed to compare them.", ex.Message);
        Assert.Single(ex.Violations);
    }

    [Fact]
    public void Two_open_screens_name_both_fields() =>
        Assert.Equal(["assessment_a_id", "assessment_b_id"], new AssessmentScenario().Given(Started(id: 9), Started(id: 10))
            .When(new Compare(Id(9), Id(10))).ThenRefused(ComparingAssessments.CompletedRule, "assessment_a_id")
            .Violations.Select(v => v.Subject));

    [Fact]
    public void Screens_of_two_runners_are_refused_as_bad_input_naming_assessment_b_id()
    {
        var other = Started(id: 11) with { RunnerId = Id(2) };

        _scenario.When(new CompleteAssessment(Id(10))).Given(other, CompletedOn(Today)).When(new Compare(Id(9), Id(11)))
            .ThenRefused("assessment_b_id");
    }
}
