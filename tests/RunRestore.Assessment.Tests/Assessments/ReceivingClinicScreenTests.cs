using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using ClinicScreen = RunRestore.Contracts.Assessment.ClinicScreen;
using ClinicScreenResult = RunRestore.Contracts.Assessment.ClinicScreenResult;
using ClinicScreenSubmitted = RunRestore.Contracts.Assessment.ClinicScreenSubmitted;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

public sealed class ReceivingClinicScreenTests
{
    private readonly AssessmentScenario _scenario = new();

    private static ClinicScreenSubmitted Screen(params ClinicScreenResult[] results) =>
        new("1.0", "screen-1", "clinic-a/ehr", "runrestore.clinic.screen_submitted", Runner.Id.ToString(), null,
            new ClinicScreen("season check", null, results));

    private static ClinicScreenResult Result(string code, string? side, decimal value, string? rating = null) =>
        new(code, side, value, null, rating, null);

    [Fact]
    public void A_screen_is_stored_as_one_assessment_started_with_its_results_and_completed() =>
        _scenario.When(Screen(Result(TestCodes.KneeToWall, " Left ", 9), Result(TestCodes.SingleLegSquat, "right", 0, "GOOD")))
            .Then(
                new AssessmentStarted(Id(100), Runner.Id, "season check", 36, "female", null, NoFlags, Now, Today),
                new TestResultRecorded(new TestResult(Id(101), TestCodes.KneeToWall, BodySide.Left, 9, "cm", null, ""), Now),
                new TestResultRecorded(new TestResult(Id(102), TestCodes.SingleLegSquat, BodySide.Right, 0, "rating", Rating.Good, ""), Now),
                new AssessmentCompleted(Runner.Id, null, Today, Today, false, [], [], Now));

    [Fact]
    public void A_screen_after_a_completed_one_is_a_reassessment()
    {
        var first = Today.AddDays(-30);

        _scenario.Given(Started(id: 9), CompletedOn(first)).When(Screen(Result(TestCodes.KneeToWall, "left", 9)))
            .Then<AssessmentCompleted>(c => Assert.Equal((first, true), (c.FirstCompletedOn, c.IsReassessment)));
    }

    [Fact]
    public void A_bad_result_refuses_the_whole_screen_naming_the_result_by_index() =>
        Assert.Equal("sideways is not a known side", _scenario
            .When(Screen(Result(TestCodes.KneeToWall, "left", 9), Result(TestCodes.KneeToWall, "sideways", 9)))
            .ThenRefused("data.results[1].side").Message);

    [Fact]
    public void An_unknown_rating_word_is_refused_naming_the_result() =>
        _scenario.When(Screen(Result(TestCodes.SingleLegSquat, "left", 0, "excellent"))).ThenRefused("data.results[0].rating");

    [Fact]
    public void A_screen_without_results_is_refused() =>
        _scenario.When(Screen()).ThenRefused("data.results");

    [Fact]
    public void A_screen_naming_another_clinic_than_its_sender_is_refused() =>
        _scenario.When(Screen(Result(TestCodes.KneeToWall, "left", 9)) with { Clinic = "clinic-b" }).ThenRefused("clinic");

    [Fact]
    public void Another_cloudevents_version_is_refused() =>
        _scenario.When(Screen(Result(TestCodes.KneeToWall, "left", 9)) with { SpecVersion = "0.3" }).ThenRefused("specversion");
}
