using RunRestore.Intake.Profiles;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Runners;

/// <summary>
/// DOMAIN.md "Load" preamble (rule set v2; issue 13): a runner's today is taken in their time zone (an IANA id stored on
/// the runner, UTC by default); the latest date a run may carry is one day after that today.
/// </summary>
public sealed class RunnerTimeZoneTests
{
    // 2026-03-15 04:00 UTC: still the 14th in Los Angeles (21:00 PDT), already the 15th 17:00 in Auckland (NZDT).
    private static readonly DateTimeOffset EarlyUtc = new(2026, 3, 15, 4, 0, 0, TimeSpan.Zero);

    private static RunDraft RunOn(string date) =>
        new(date, 10, 3600, Choice.Of(SessionType.Easy), 4, null, null, null, Choice.NotGiven<Surface>(), null, null);

    private static ProfileDraft ProfileIn(string? zone) => new(null, null, [], zone);

    [Theory]
    [InlineData("UTC", "2026-03-15")]
    [InlineData("America/Los_Angeles", "2026-03-14")]
    [InlineData("Pacific/Auckland", "2026-03-15")]
    [InlineData(null, "2026-03-15")]
    public void The_runners_today_is_the_date_on_their_own_clock(string? zone, string today) =>
        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), RunnerToday.Of(zone, EarlyUtc));

    [Fact]
    public void A_clinic_registers_a_runner_in_Berlin_and_the_stream_keeps_the_zone() =>
        new IntakeScenario()
            .When(() => RegisteringRunner.Decide(new RegisterRunner(Id(2), "Grete", 1990, RunnerSex.Female, Now, " Europe/Berlin ")))
            .Then(new RunnerRegistered(Id(2), "Grete", 1990, RunnerSex.Female, Now, "Europe/Berlin"));

    [Fact]
    public void A_runner_registered_without_a_zone_is_in_UTC() =>
        new IntakeScenario()
            .When(() => RegisteringRunner.Decide(new RegisterRunner(Id(2), "Grete", 1990, RunnerSex.Female, Now, "")))
            .Then(new RunnerRegistered(Id(2), "Grete", 1990, RunnerSex.Female, Now, "UTC"));

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../../etc/passwd")]
    [InlineData("/usr/share/zoneinfo/UTC")]
    [InlineData("Europe/Berlin\0")]
    public void A_zone_that_is_not_an_IANA_id_is_refused_naming_time_zone(string zone)
    {
        var scenario = new IntakeScenario()
            .When(() => RegisteringRunner.Decide(new RegisterRunner(Id(2), "Grete", 1990, RunnerSex.Female, Now, zone)));

        Assert.Contains("is not an IANA time zone", scenario.ThenRefused("time_zone"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_in_Los_Angeles_cannot_log_a_run_two_days_after_their_evening_that_UTC_would_let_through()
    {
        var losAngeles = RunnerToday.Of("America/Los_Angeles", EarlyUtc);

        new IntakeScenario("America/Los_Angeles")
            .WhenLogged(() => LoggingRun.Decide(RunOn("2026-03-16"), Id(10), EarlyUtc, losAngeles))
            .ThenRefused("date");
        // On the UTC runner's clock the 16th is tomorrow and allowed
        Assert.Single(new IntakeScenario()
            .WhenLogged(() => LoggingRun.Decide(RunOn("2026-03-16"), Id(10), EarlyUtc, RunnerToday.Of("UTC", EarlyUtc)))
            .Decided.OfType<RunLogged>());
    }

    [Fact]
    public void Moving_a_runner_to_Berlin_is_stored_beside_the_profile_and_their_log_follows()
    {
        var scenario = new IntakeScenario()
            .WhenRunner(runner => UpdatingRunnerProfile.Decide(ProfileIn("Europe/Berlin"), runner.TimeZone, Now));

        Assert.Equal(new RunnerTimeZoneChanged("Europe/Berlin", "UTC", Now), scenario.ThenSingle<RunnerTimeZoneChanged>());
        Assert.Equal(("Europe/Berlin", "Europe/Berlin"), (scenario.Runner.TimeZone, scenario.Log.TimeZone));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Europe/Berlin")]
    public void A_profile_update_without_a_zone_or_with_the_same_one_keeps_the_zone_and_says_nothing_about_it(string? zone)
    {
        var scenario = new IntakeScenario("Europe/Berlin")
            .WhenRunner(runner => UpdatingRunnerProfile.Decide(ProfileIn(zone), runner.TimeZone, Now));

        Assert.IsType<RunnerProfileUpdated>(Assert.Single(scenario.Decided));
        Assert.Equal("Europe/Berlin", scenario.Runner.TimeZone);
    }

    [Fact]
    public void A_profile_update_with_an_unknown_zone_is_refused_naming_profile_time_zone() =>
        Assert.Contains("Atlantis/Capital", new IntakeScenario()
            .WhenRunner(runner => UpdatingRunnerProfile.Decide(ProfileIn("Atlantis/Capital"), runner.TimeZone, Now))
            .ThenRefused("profile.time_zone"), StringComparison.Ordinal);
}
