using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

public sealed class RecordingTestResultTests
{
    private readonly AssessmentScenario _scenario = new AssessmentScenario().Given(Started());

    [Fact]
    public void A_result_in_the_catalogue_is_recorded_in_the_default_unit() =>
        _scenario.When(Record(TestCodes.KneeToWall, BodySide.Left, 9.5, notes: " barefoot "))
            .Then(new TestResultRecorded(new TestResult(Id(100), TestCodes.KneeToWall, BodySide.Left, 9.5m, "cm", null, "barefoot"), Now));

    [Fact]
    public void A_result_may_use_another_unit_of_the_test() =>
        _scenario.When(Record(TestCodes.HipAbductionStrength, BodySide.Right, 30, unit: "percent_bw"))
            .Then<TestResultRecorded>(r => Assert.Equal(("percent_bw", 30m), (r.Result.Unit, r.Result.Value)));

    [Fact]
    public void M4_left_and_right_in_different_units_are_refused_naming_unit_and_nothing_is_stored()
    {
        var problem = _scenario.Given(Started(), Recorded(TestCodes.HipAbductionStrength, BodySide.Left, 1.8m, 20))
            .When(Record(TestCodes.HipAbductionStrength, BodySide.Right, 30, unit: "percent_bw"))
            .ThenRefused("unit");

        Assert.Contains("left and right must share a unit (M4)", problem.Message, StringComparison.Ordinal);
        Assert.Single(_scenario.State.Results);
    }

    [Fact]
    public void A_rated_test_keeps_its_rating() =>
        _scenario.When(Record(TestCodes.SingleLegSquat, BodySide.Right, 0, rating: Rating.Poor))
            .Then<TestResultRecorded>(r => Assert.Equal(Rating.Poor, r.Result.Rating));

    [Fact]
    public void A_per_side_test_without_a_side_is_refused_naming_side() =>
        Assert.Contains("measured per side", _scenario.When(Record(TestCodes.KneeToWall, null, 9)).ThenRefused("side").Message,
            StringComparison.Ordinal);

    [Fact]
    public void A_side_the_proto_does_not_define_is_refused_quoting_it()
    {
        var command = Record(TestCodes.KneeToWall, null, 9) with { Side = Choice.NotKnown<BodySide>("7") };

        Assert.Equal("7 is not a known side", _scenario.When(command).ThenRefused("side").Message);
    }

    [Fact]
    public void A_rated_test_without_a_rating_is_refused_naming_rating() =>
        _scenario.When(Record(TestCodes.SingleLegSquat, BodySide.Left, 0)).ThenRefused("rating");

    [Fact]
    public void A_unit_the_test_does_not_use_is_refused_naming_unit() =>
        _scenario.When(Record(TestCodes.KneeToWall, BodySide.Left, 9, unit: "inch")).ThenRefused("unit");

    [Fact]
    public void A_value_outside_the_test_range_is_refused_naming_value() =>
        _scenario.When(Record(TestCodes.KneeToWall, BodySide.Left, 21)).ThenRefused("value");

    [Fact]
    public void A_code_not_in_the_catalogue_is_refused_naming_test_code() =>
        _scenario.When(Record("plank_hold", null, 60)).ThenRefused("test_code");

    [Fact]
    public void A_completed_assessment_takes_no_more_results() =>
        _scenario.Given(CompletedOn(Today)).When(Record(TestCodes.KneeToWall, BodySide.Left, 9))
            .ThenRefused("assessment_open", "assessment_id");
}
