using RunRestore.Intake.Messaging;
using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;
using Contract = RunRestore.Contracts.Intake;

namespace RunRestore.Intake.Tests.Decisions;

/// <summary>
/// DOMAIN.md "Load" (rule set v2): a change of severity of an open flag is an event of its own, and goes out as the
/// flag raised again with its new severity, so programming's T5 sees "high".
/// </summary>
public sealed class FlagSeverityTests
{
    // Three weeks of 1000 load in six gym sessions (L2's data minimum), all in the 28 days to today.
    private readonly IntakeScenario _scenario = new IntakeScenario().Given(
        Gym(1, -27, 50), Gym(2, -26, 50), Gym(3, -20, 50), Gym(4, -19, 50), Gym(5, -13, 50), Gym(6, -12, 50));

    private static GymSessionLogged Gym(int id, int day, int minutes) => new(Id(id), Day(day), minutes, 10, "", Now);

    [Fact]
    public void L2_going_from_caution_to_high_is_announced_and_published_as_the_flag_raised_with_severity_high()
    {
        // Given a caution: 1500 this week against (3000 + 1500) / 4 = 1125 a week, ratio 1.33
        _scenario.WhenLogged(() => Gym(7, 0, 150));
        Assert.Equal("caution", _scenario.ThenSingle<LoadFlagRaised>().Flag.Severity);

        // When 500 more make it 2000 against 1250, ratio 1.6
        _scenario.WhenLogged(() => Gym(8, 0, 50));

        // Then the severity change is its own event, the open flag is now high, and the services hear "high"
        var changed = _scenario.ThenSingle<LoadFlagSeverityChanged>();
        Assert.Equal(("L2", "high", "caution", 2), (changed.Flag.RuleId, changed.Flag.Severity, changed.PreviousSeverity,
            changed.Flag.RuleVersion));
        Assert.Empty(_scenario.Decided.OfType<LoadFlagRaised>());
        Assert.Equal("high", _scenario.Log.OpenFlags["L2:load_spike"].Severity);
        var published = Assert.IsType<Contract.LoadFlagRaised>(new IntakeIntegrationEvents().ToIntegrationEvent(
            new JasperFx.Events.Event<LoadFlagSeverityChanged>(changed) { StreamId = RunnerId }));
        Assert.Equal(("L2", "high"), (published.RuleId, published.Severity));
    }

    [Fact]
    public void The_same_severity_on_the_next_write_decides_no_flag_event()
    {
        _scenario.WhenLogged(() => Gym(7, 0, 150));

        _scenario.WhenLogged(() => Gym(8, 0, 1));

        Assert.IsType<GymSessionLogged>(Assert.Single(_scenario.Decided));
    }
}
