using RunRestore.Assessment.Assessments;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

public sealed class StartingAssessmentTests
{
    private readonly AssessmentScenario _scenario = new();

    [Fact]
    public void A_start_keeps_the_runner_the_pain_report_and_the_load_picture_as_they_are_now() =>
        _scenario.GivenPainReport(Pain(7))
            .When(new StartAssessment(Runner.Id.ToString(), "  knee pain since March  ", Id(7).ToString()))
            .Then(new AssessmentStarted(Id(100), Runner.Id, "knee pain since March", 36, "female", Pain(7), NoFlags, Now));

    [Fact]
    public void A_start_without_a_pain_report_has_no_pain_snapshot() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "season check", ""))
            .Then<AssessmentStarted>(started => Assert.Null(started.Pain));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    public void A_missing_or_multi_line_reason_is_refused_naming_reason(string reason) =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), reason, "")).ThenRefused("reason");

    [Fact]
    public void A_reason_over_200_characters_is_refused() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), new string('r', 201), "")).ThenRefused("reason");

    [Fact]
    public void A_pain_report_id_that_is_no_uuid_is_refused_naming_pain_report_id() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "knee pain", "yesterday's")).ThenRefused("pain_report_id");

    [Fact]
    public void A_pain_report_intake_has_not_published_here_yet_is_not_found()
    {
        var ex = _scenario.GivenPainReport(Pain(7)).When(new StartAssessment(Runner.Id.ToString(), "knee pain", Id(8).ToString()))
            .ThenNotFound();

        Assert.Contains("retry in a moment", ex.Message, StringComparison.Ordinal);
    }
}
