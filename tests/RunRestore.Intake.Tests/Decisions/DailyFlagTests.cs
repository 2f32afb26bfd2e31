using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

/// <summary>
/// DOMAIN.md "Load" preamble (rule set v2): flags are evaluated as of the runner's today, every day, not only when data
/// arrives — a runner who stops logging loses "load spike" once it is no longer true.
/// </summary>
public sealed class DailyFlagTests
{
    // Three weeks of 1000 load in six gym sessions (L2's data minimum), then 1500 today: L2 caution (ratio 1.33).
    private readonly IntakeScenario _scenario = new IntakeScenario().Given(
        Gym(1, -27, 50), Gym(2, -26, 50), Gym(3, -20, 50), Gym(4, -19, 50), Gym(5, -13, 50), Gym(6, -12, 50));

    private static GymSessionLogged Gym(int id, int day, int minutes) => new(Id(id), Day(day), minutes, 10, "", Now);

    [Fact]
    public void A_runner_who_stops_logging_loses_load_spike_once_it_is_no_longer_true()
    {
        // Given L2's load spike raised today
        _scenario.WhenLogged(() => Gym(7, 0, 150));
        Assert.Equal("L2", _scenario.ThenSingle<LoadFlagRaised>().Flag.RuleId);

        // When nothing is logged for 8 days and the daily check runs
        _scenario.When(log => ReevaluatingLoadFlags.Decide(log, Day(8), Now.AddDays(8)));

        // Then the spike is cleared as of that day, naming its rule and version; the check starts no new episode
        var cleared = _scenario.ThenSingle<LoadFlagCleared>();
        Assert.Equal(("L2", "load_spike", 2, Day(8)), (cleared.RuleId, cleared.Kind, cleared.RuleVersion, cleared.AsOf));
        Assert.Empty(_scenario.Decided.OfType<LoadFlagRaised>());
        Assert.Empty(_scenario.Log.OpenFlags);
    }

    [Fact]
    public void A_caution_that_becomes_high_as_days_pass_is_announced_and_a_flag_unchanged_today_is_left_alone()
    {
        _scenario.WhenLogged(() => Gym(7, 0, 150));

        // The same day nothing has changed
        _scenario.When(log => ReevaluatingLoadFlags.Decide(log, Day(0), Now));
        Assert.Empty(_scenario.Decided);

        // The next day day -27's 500 leaves the 4 weeks: 1500 against 4000 / 4 = 1000 a week, ratio 1.5 → high
        _scenario.When(log => ReevaluatingLoadFlags.Decide(log, Day(1), Now.AddDays(1)));

        var changed = _scenario.ThenSingle<LoadFlagSeverityChanged>();
        Assert.Equal(("L2", "high", "caution", Day(1)), (changed.Flag.RuleId, changed.Flag.Severity, changed.PreviousSeverity,
            changed.AsOf));
        Assert.Equal("high", _scenario.Log.OpenFlags["L2:load_spike"].Severity);
    }

    [Fact]
    public void Without_open_flags_or_with_an_entry_after_today_nothing_is_decided()
    {
        _scenario.When(log => ReevaluatingLoadFlags.Decide(log, Day(30), Now.AddDays(30)));
        Assert.Empty(_scenario.Decided);

        _scenario.WhenLogged(() => Gym(7, 0, 150));
        _scenario.When(log => ReevaluatingLoadFlags.Decide(log, Day(-1), Now));
        Assert.Empty(_scenario.Decided);
    }
}
