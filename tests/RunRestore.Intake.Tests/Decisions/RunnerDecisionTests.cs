using RunRestore.Intake.Pain;
using RunRestore.Intake.Profiles;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

public sealed class RunnerDecisionTests
{
    private static readonly Guid NewRunner = Id(2);

    private static ProfileDraft Profile(params PastInjuryDraft[] injuries) => new(
        new GoalDraft(Date(120), 42.195, "First marathon"),
        new AvailabilityDraft([Choice.Of(DayOfWeek.Sunday), Choice.Of(DayOfWeek.Tuesday), Choice.Of(DayOfWeek.Sunday)], 90),
        injuries);

    [Fact]
    public void A_clinic_registers_a_runner_and_the_stream_starts_with_the_registration() =>
        new IntakeScenario()
            .When(() => RegisteringRunner.Decide(new RegisterRunner(NewRunner, " Grete ", 1990, RunnerSex.Female, Now)))
            .Then(new RunnerRegistered(NewRunner, "Grete", 1990, RunnerSex.Female, Now));

    [Fact]
    public void A_registration_without_a_sex_is_refused_naming_sex()
    {
        var scenario = new IntakeScenario()
            .When(() => RegisteringRunner.Decide(new RegisterRunner(NewRunner, "Grete", 1990, null, Now)));

        Assert.Equal("must be SEX_FEMALE, SEX_MALE or SEX_OTHER", scenario.ThenRefused("sex"));
    }

    [Fact]
    public void A_profile_update_keeps_the_training_days_once_each_monday_first_and_the_injury_history()
    {
        var updated = new IntakeScenario()
            .WhenRunner(runner => UpdatingRunnerProfile.Decide(
                Profile(new PastInjuryDraft(Choice.Of(BodySite.Achilles), Choice.Of(Side.Left), 2023, " tendinopathy ")),
                runner.TimeZone, Now))
            .ThenSingle<RunnerProfileUpdated>();

        Assert.Equal(new Goal(Day(120), 42.195m, "First marathon"), updated.Profile.Goal);
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Sunday], updated.Profile.Availability!.TrainingDays);
        Assert.Equal(new PastInjury(BodySite.Achilles, Side.Left, 2023, "tendinopathy"), Assert.Single(updated.Profile.InjuryHistory));
    }

    [Fact]
    public void An_injury_without_a_body_site_and_an_unknown_weekday_are_refused_naming_their_fields()
    {
        var scenario = new IntakeScenario().WhenRunner(runner => UpdatingRunnerProfile.Decide(
            Profile(new PastInjuryDraft(Choice.NotGiven<BodySite>(), Choice.Of(Side.Left), 2023, null)) with
            {
                Availability = new AvailabilityDraft([Choice.Of(DayOfWeek.Monday), Choice.Unknown<DayOfWeek>("9")], 90),
            }, runner.TimeZone, Now));

        Assert.Equal("must be given", scenario.ThenRefused("profile.injury_history[0].body_site"));
        Assert.Equal("9 is not a known value", scenario.ThenRefused("profile.availability.training_days[1]"));
    }
}
