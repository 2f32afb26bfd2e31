using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;
using ClinicScreen = RunRestore.Contracts.Assessment.ClinicScreen;
using ClinicScreenResult = RunRestore.Contracts.Assessment.ClinicScreenResult;
using ClinicScreenSubmitted = RunRestore.Contracts.Assessment.ClinicScreenSubmitted;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

/// <summary>
/// Issue 13: a clinic's system submits a screen done on paper or migrated from its records with data.performed_on;
/// StartAssessment's date rule (≤ today, ≥ a year ago) applies to it, and the 14-day / 42-day rules count from it.
/// </summary>
public sealed class ClinicScreenPerformedOnTests
{
    private readonly AssessmentScenario _scenario = new();

    private static ClinicScreenSubmitted Screen(string? performedOn) =>
        new("1.0", "screen-1", "clinic-a/ehr", "runrestore.clinic.screen_submitted", Runner.Id.ToString(), null,
            new ClinicScreen("paper screen", null, [new ClinicScreenResult(TestCodes.KneeToWall, "left", 9, null, null, null)],
                performedOn));

    private static string Iso(DateOnly day) => FieldChecks.Iso(day);

    [Fact]
    public void A_clinic_screen_done_ten_days_ago_is_stored_and_completed_as_performed_that_day()
    {
        var performed = Today.AddDays(-10);

        _scenario.When(Screen(Iso(performed)));

        _scenario.Then<AssessmentStarted>(started => Assert.Equal(performed, started.PerformedOn));
        _scenario.Then<AssessmentCompleted>(completed =>
            Assert.Equal((performed, performed), (completed.CompletedOn, completed.FirstCompletedOn)));
    }

    [Fact]
    public void A_clinic_screen_without_performed_on_is_performed_today() =>
        _scenario.When(Screen(null)).Then<AssessmentCompleted>(completed => Assert.Equal(Today, completed.CompletedOn));

    [Fact]
    public void A_migrated_clinic_screen_older_than_the_first_screen_becomes_the_first_the_42_days_count_from()
    {
        var first = Today.AddDays(-20);
        var migrated = Today.AddDays(-60);

        _scenario.Given(Started(id: 9), CompletedOn(first)).When(Screen(Iso(migrated)))
            .Then<AssessmentCompleted>(completed =>
                Assert.Equal((migrated, migrated, true), (completed.CompletedOn, completed.FirstCompletedOn, completed.IsReassessment)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-367)]
    public void A_clinic_screen_performed_in_the_future_or_over_a_year_ago_is_refused_naming_data_performed_on(int days)
    {
        var problem = _scenario.When(Screen(Iso(Today.AddDays(days)))).ThenRefused("data.performed_on");

        Assert.Equal($"must be from {Iso(Today.AddYears(-1))} to {Iso(Today)}", problem.Message);
    }

    [Theory]
    [InlineData("02/03/2026")]
    [InlineData("yesterday")]
    public void A_clinic_screen_performed_on_that_is_no_date_is_refused_naming_data_performed_on(string performedOn) =>
        Assert.Equal("must be a date as YYYY-MM-DD", _scenario.When(Screen(performedOn)).ThenRefused("data.performed_on").Message);
}
