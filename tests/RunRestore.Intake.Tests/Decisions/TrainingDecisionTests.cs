using RunRestore.Intake.Competitions;
using RunRestore.Intake.Training;
using RunRestore.Intake.Wellness;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

public sealed class TrainingDecisionTests
{
    private static RunDraft RunInput(int day = 0, double km = 10, int seconds = 3600) =>
        new(Date(day), km, seconds, Choice.Of(SessionType.Tempo), 6, 150, null, null, Choice.Of(Surface.Trail), null, null);

    [Fact]
    public void A_run_is_logged_with_its_session_type_and_surface() =>
        new IntakeScenario()
            .WhenLogged(() => LoggingRun.Decide(RunInput(), Id(10), Now, Today))
            .Then(new RunLogged(Id(10), Today, 10m, 3600, SessionType.Tempo, 6, 150, null, null, Surface.Trail, null, null, Now));

    [Fact]
    public void A_run_without_a_session_type_or_with_an_unknown_surface_is_refused_naming_the_field()
    {
        var scenario = new IntakeScenario().WhenLogged(() => LoggingRun.Decide(
            RunInput() with { SessionType = Choice.NotGiven<SessionType>(), Surface = Choice.Unknown<Surface>("42") }, Id(10), Now, Today));

        Assert.Equal("must be given", scenario.ThenRefused("session_type"));
        Assert.Equal("42 is not a known value", scenario.ThenRefused("surface"));
    }

    [Fact]
    public void A_run_faster_than_any_human_record_is_refused_naming_duration_seconds() =>
        Assert.Contains("2:20 min/km", new IntakeScenario()
            .WhenLogged(() => LoggingRun.Decide(RunInput(km: 10, seconds: 1300), Id(10), Now, Today))
            .ThenRefused("duration_seconds"), StringComparison.Ordinal);

    [Fact]
    public void An_import_checks_every_item_on_its_own_and_raises_a_flag_once_for_the_whole_batch()
    {
        var ids = new Queue<Guid>([Id(11), Id(12), Id(13), Id(14), Id(15)]);
        var items = ImportingRuns.Check(
            [RunInput(-20, 5), RunInput(-10, 10), RunInput(-5, 6), RunInput(-1, 7.5), RunInput(0, double.NaN)], ids.Dequeue, Now, Today);
        var scenario = new IntakeScenario()
            .When(log => LoadFlagEpisodes.WithFlags(log, [.. items.Select(i => i.Run).OfType<RunLogged>()], Now));

        Assert.Equal("distance_km", Assert.Single(items[4].Violations).Field);
        Assert.Equal(4, scenario.Decided.OfType<RunLogged>().Count());
        Assert.Equal(["L3"], scenario.Flags.Raised.Where(r => r == "L3"));
    }

    [Fact]
    public void An_empty_import_is_refused_naming_runs() =>
        Assert.Equal("must hold at least one run", new IntakeScenario()
            .When(log => [.. ImportingRuns.Check([], Guid.NewGuid, Now, Today)])
            .ThenRefused("runs"));

    [Fact]
    public void A_gym_session_is_logged_with_its_trimmed_focus() =>
        new IntakeScenario()
            .WhenLogged(() => LoggingGymSession.Decide(new GymSessionDraft(Date(0), 45, 6, " hips "), Id(20), Now, Today))
            .Then(new GymSessionLogged(Id(20), Today, 45, 6, "hips", Now));

    [Fact]
    public void A_gym_session_of_no_minutes_is_refused_naming_duration_minutes() =>
        Assert.Equal("must be 1-600 minutes", new IntakeScenario()
            .WhenLogged(() => LoggingGymSession.Decide(new GymSessionDraft(Date(0), 0, 6, null), Id(20), Now, Today))
            .ThenRefused("duration_minutes"));

    [Fact]
    public void A_race_months_ahead_is_put_on_the_calendar() =>
        new IntakeScenario()
            .WhenLogged(() => SchedulingCompetition.Decide(
                new CompetitionDraft(Date(90), 21.1, Choice.Of(CompetitionPriority.A), "Spring half"), Id(30), Now, Today))
            .Then(new CompetitionScheduled(Id(30), Day(90), 21.1m, CompetitionPriority.A, "Spring half", Now));

    [Fact]
    public void A_race_of_an_unknown_priority_is_refused_naming_priority() =>
        Assert.Equal("7 is not a known value", new IntakeScenario()
            .WhenLogged(() => SchedulingCompetition.Decide(
                new CompetitionDraft(Date(90), 21.1, Choice.Unknown<CompetitionPriority>("7"), null), Id(30), Now, Today))
            .ThenRefused("priority"));

    [Fact]
    public void A_days_wellness_is_reported_with_sleep_to_the_hundredth() =>
        new IntakeScenario()
            .WhenLogged(() => ReportingWellness.Decide(new WellnessDraft(Date(0), 7.456, 2, 3, false), Id(40), Now, Today))
            .Then(new WellnessReported(Id(40), Today, 7.46m, 2, 3, false, Now));

    [Fact]
    public void A_stress_of_six_is_refused_naming_stress() =>
        Assert.Equal("must be 1-5", new IntakeScenario()
            .WhenLogged(() => ReportingWellness.Decide(new WellnessDraft(Date(0), 7, 6, 3, false), Id(40), Now, Today))
            .ThenRefused("stress"));
}
