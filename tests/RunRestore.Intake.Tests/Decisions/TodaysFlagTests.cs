using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

/// <summary>
/// DOMAIN.md "Load" preamble (rule set v2; issue 13): flags are evaluated as of the runner's today in their time zone —
/// by the daily check and by GetTrainingLoad alike (<see cref="ReevaluatingLoadFlags.ActiveAsOf"/>), never as of the
/// day of the last entry.
/// </summary>
public sealed class TodaysFlagTests
{
    // Three weeks of 1000 load in six gym sessions (L2's data minimum), then 1500 on day 0: L2 caution (ratio 1.33);
    // the next day day -27's 500 leaves the 4 weeks and the ratio is 1.5: high.
    private static IntakeScenario SpikeOnDayZero(string timeZone = RunnerToday.DefaultTimeZone)
    {
        var scenario = new IntakeScenario(timeZone).Given(
            Gym(1, -27, 50), Gym(2, -26, 50), Gym(3, -20, 50), Gym(4, -19, 50), Gym(5, -13, 50), Gym(6, -12, 50));
        return scenario.WhenLogged(() => Gym(7, 0, 150));
    }

    private static GymSessionLogged Gym(int id, int day, int minutes) => new(Id(id), Day(day), minutes, 10, "", Now);

    [Fact]
    public void A_runner_in_Auckland_sees_the_caution_turn_high_when_their_day_turns_while_it_is_still_the_same_day_in_UTC()
    {
        // 12:00 UTC on day 0 is 01:00 on day 1 in Auckland (NZDT, +13)
        var noonUtc = Now.Date.AddHours(12);
        var atDayOne = new DateTimeOffset(noonUtc, TimeSpan.Zero);

        var auckland = SpikeOnDayZero("Pacific/Auckland");
        auckland.When(log => ReevaluatingLoadFlags.Decide(log, RunnerToday.Of(log.TimeZone, atDayOne), atDayOne));
        var changed = auckland.ThenSingle<LoadFlagSeverityChanged>();
        Assert.Equal(("L2", "high", Day(1)), (changed.Flag.RuleId, changed.Flag.Severity, changed.AsOf));

        // A runner in UTC is still on day 0: nothing changes for them yet
        var utc = SpikeOnDayZero();
        utc.When(log => ReevaluatingLoadFlags.Decide(log, RunnerToday.Of(log.TimeZone, atDayOne), atDayOne));
        Assert.Empty(utc.Decided);
    }

    [Fact]
    public void A_runner_who_stopped_logging_three_weeks_ago_has_no_active_load_spike_today()
    {
        var scenario = SpikeOnDayZero();
        Assert.Equal(["L2"], scenario.Log.OpenFlags.Values.Select(f => f.RuleId));

        // The episode is still open (the daily check has not run yet), but as of day 21 it is no longer true
        Assert.Empty(ReevaluatingLoadFlags.ActiveAsOf(scenario.Log, Day(21), Now.AddDays(21)));
    }

    [Fact]
    public void An_open_flag_still_true_today_is_shown_with_todays_severity_and_numbers()
    {
        var scenario = SpikeOnDayZero();

        var today = Assert.Single(ReevaluatingLoadFlags.ActiveAsOf(scenario.Log, Day(0), Now));
        var tomorrow = Assert.Single(ReevaluatingLoadFlags.ActiveAsOf(scenario.Log, Day(1), Now.AddDays(1)));

        Assert.Equal(("L2", "caution"), (today.RuleId, today.Severity));
        Assert.Equal(("L2", "high"), (tomorrow.RuleId, tomorrow.Severity));
        Assert.NotEqual(today.Numbers["acwr"], tomorrow.Numbers["acwr"]);
    }

    [Fact]
    public void An_entry_dated_after_the_runners_today_keeps_the_flags_it_raised_until_that_day_comes()
    {
        // Day 0's session was logged while the runner's today was still day -1 (the one day of slack)
        var scenario = SpikeOnDayZero();

        var flag = Assert.Single(ReevaluatingLoadFlags.ActiveAsOf(scenario.Log, Day(-1), Now));

        Assert.Equal(("L2", "caution"), (flag.RuleId, flag.Severity));
    }
}
