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
            .When(new StartAssessment(Runner.Id.ToString(), "  knee pain since March  ", Id(7).ToString(), ""))
            .Then(new AssessmentStarted(Id(100), Runner.Id, "knee pain since March", 36, "female", Pain(7), NoFlags, Now, Today));

    [Fact]
    public void A_start_without_a_pain_report_has_no_pain_snapshot() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "season check", "", ""))
            .Then<AssessmentStarted>(started => Assert.Null(started.Pain));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    public void A_missing_or_multi_line_reason_is_refused_naming_reason(string reason) =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), reason, "", "")).ThenRefused("reason");

    [Fact]
    public void A_reason_over_200_characters_is_refused() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), new string('r', 201), "", "")).ThenRefused("reason");

    [Fact]
    public void A_pain_report_id_that_is_no_uuid_is_refused_naming_pain_report_id() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "knee pain", "yesterday's", "")).ThenRefused("pain_report_id");

    [Fact]
    public void A_screen_done_yesterday_on_paper_is_stored_as_performed_yesterday_and_completes_on_that_day()
    {
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "paper screen", "", Iso(Today.AddDays(-1))))
            .Then<AssessmentStarted>(started => Assert.Equal(Today.AddDays(-1), started.PerformedOn));

        _scenario.When(new CompleteAssessment(Id(100)))
            .Then<AssessmentCompleted>(completed =>
                Assert.Equal((Today.AddDays(-1), Today.AddDays(-1), false), (completed.CompletedOn, completed.FirstCompletedOn, completed.IsReassessment)));
    }

    [Fact]
    public void A_migrated_screen_performed_exactly_a_year_ago_is_accepted() =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "migrated record", "", Iso(Today.AddYears(-1))))
            .Then<AssessmentStarted>(started => Assert.Equal(Today.AddYears(-1), started.PerformedOn));

    [Theory]
    [InlineData(1)]
    [InlineData(-367)]
    public void A_performed_on_in_the_future_or_over_a_year_ago_is_refused_naming_performed_on(int days)
    {
        var problem = _scenario.When(new StartAssessment(Runner.Id.ToString(), "screen", "", Iso(Today.AddDays(days))))
            .ThenRefused("performed_on");

        Assert.Contains($"to {Iso(Today)}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-02-30")]
    [InlineData("02/03/2026")]
    public void A_performed_on_that_is_no_date_is_refused_naming_performed_on(string performedOn) =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "screen", "", performedOn)).ThenRefused("performed_on");

    [Fact]
    public void A_paper_screen_performed_before_the_first_screen_becomes_the_first_the_42_days_count_from()
    {
        var first = Today.AddDays(-20);
        var paper = Today.AddDays(-50);

        _scenario.Given(Started(id: 9), CompletedOn(first), Started(id: 10) with { PerformedOn = paper })
            .When(new CompleteAssessment(Id(10)))
            .Then<AssessmentCompleted>(completed =>
                Assert.Equal((paper, paper, true), (completed.CompletedOn, completed.FirstCompletedOn, completed.IsReassessment)));
    }

    [Fact]
    public void A_pain_report_intake_has_not_published_here_yet_is_not_found()
    {
        var ex = _scenario.GivenPainReport(Pain(7)).When(new StartAssessment(Runner.Id.ToString(), "knee pain", Id(8).ToString(), ""))
            .ThenNotFound();

        Assert.Contains("retry in a moment", ex.Message, StringComparison.Ordinal);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
