using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Grpc;
using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

/// <summary>
/// A re-screen's verdict on the previous screen's findings (issue 13; DOMAIN.md, the paragraph after T9): re-tested and
/// gone is resolved, a skipped test is not re-tested — never resolved. The event, GetAssessment and CompareAssessments
/// say the same.
/// </summary>
public sealed class RescreenVerdictTests
{
    private const string LeftAnkle = "M2:ankle_dorsiflexion:left";

    // A first screen with a left knee-to-wall asymmetry (6 vs 9 cm, M2), then an open re-screen.
    private static AssessmentScenario FirstScreenWithAnAnkleFinding() => new AssessmentScenario()
        .Given(Started(id: 9), Recorded(TestCodes.KneeToWall, BodySide.Left, 6, 20), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 21))
        .When(new CompleteAssessment(Id(9)))
        .Given(Started(id: 10));

    [Fact]
    public void A_re_screen_that_skips_the_test_of_a_finding_leaves_it_not_re_tested_not_resolved() =>
        FirstScreenWithAnAnkleFinding()
            .Given(Recorded(TestCodes.HipAbductionStrength, BodySide.Left, 2, 30), Recorded(TestCodes.HipAbductionStrength, BodySide.Right, 2, 31))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(c =>
            {
                Assert.Equal((Id(9), true), (c.PreviousAssessmentId, c.IsReassessment));
                Assert.Equal([LeftAnkle], c.NotRetestedFindingKeys);
                Assert.Empty(c.ResolvedFindingKeys!);
            });

    [Fact]
    public void A_re_screen_that_re_tests_a_finding_and_no_longer_finds_it_resolves_it() =>
        FirstScreenWithAnAnkleFinding()
            .Given(Recorded(TestCodes.KneeToWall, BodySide.Left, 8.5m, 30), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 31))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(c =>
            {
                Assert.Equal([LeftAnkle], c.ResolvedFindingKeys);
                Assert.Empty(c.NotRetestedFindingKeys!);
            });

    [Fact]
    public void A_finding_the_re_screen_still_finds_is_neither_resolved_nor_not_re_tested() =>
        FirstScreenWithAnAnkleFinding()
            .Given(Recorded(TestCodes.KneeToWall, BodySide.Left, 6.5m, 30), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 31))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(c =>
            {
                Assert.Contains(c.Findings, f => f.Key == LeftAnkle);
                Assert.Equal((0, 0), (c.ResolvedFindingKeys!.Count, c.NotRetestedFindingKeys!.Count));
            });

    [Fact]
    public void A_first_screen_has_no_previous_screen_and_no_verdict() =>
        new AssessmentScenario().Given(Started(id: 9), Recorded(TestCodes.KneeToWall, BodySide.Left, 6, 20))
            .When(new CompleteAssessment(Id(9)))
            .Then<AssessmentCompleted>(c => Assert.Equal((null, null, null, false),
                (c.PreviousAssessmentId, c.ResolvedFindingKeys, c.NotRetestedFindingKeys, c.IsReassessment)));

    [Fact]
    public void The_previous_screen_is_the_latest_completed_one_not_the_first() =>
        new AssessmentScenario()
            .Given(Started(id: 8), Recorded(TestCodes.KneeToWall, BodySide.Left, 6, 20), Recorded(TestCodes.KneeToWall, BodySide.Right, 9, 21),
                CompletedOn(Today.AddDays(-60)))
            .Given(Started(id: 9), CompletedOn(Today.AddDays(-30)))
            .Given(Started(id: 10), Recorded(TestCodes.HipAbductionStrength, BodySide.Left, 2, 30))
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(c => Assert.Equal((Id(9), Today.AddDays(-60)), (c.PreviousAssessmentId, c.FirstCompletedOn)));

    [Fact]
    public void GetAssessment_and_CompareAssessments_show_the_same_verdict_as_the_event()
    {
        var scenario = FirstScreenWithAnAnkleFinding()
            .Given(Recorded(TestCodes.HipAbductionStrength, BodySide.Left, 2, 30))
            .When(new CompleteAssessment(Id(10)));
        var shown = AssessmentProtoMapping.ToProto(scenario.State);

        scenario.When(new Compare(Id(9), Id(10))).Then<AssessmentComparison>(comparison =>
            Assert.Equal(comparison.NotRetested.Select(f => f.Key), shown.NotRetestedFindingKeys));
        Assert.Equal((LeftAnkle, 0, Id(9).ToString()),
            (Assert.Single(shown.NotRetestedFindingKeys), shown.ResolvedFindingKeys.Count, shown.PreviousAssessmentId));
    }
}
