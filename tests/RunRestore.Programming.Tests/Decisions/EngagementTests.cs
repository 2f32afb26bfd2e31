using RunRestore.Programming.Engagement;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class EngagementTests
{
    private readonly ProgramScenario _scenario = new();

    public EngagementTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Session(0);
    }

    private IReadOnlyList<object> Check(DateTimeOffset at) =>
        _scenario.When(state => CheckingEngagement.Decide(state!, at));

    [Fact]
    public void Missed_sessions_nudge_after_49_hours_alert_after_14_days_and_go_inactive_at_21_each_once()
    {
        Assert.Empty(Check(At(2, 19)));
        var nudge = Assert.IsType<EngagementNudged>(Assert.Single(Check(At(2, 19, 1))));
        Assert.Empty(Check(At(5)));
        Assert.Empty(Check(At(14)));
        var engagement = Assert.IsType<ClinicianAlertRaised>(Assert.Single(Check(At(14, 18, 1))));
        Assert.Empty(Check(At(20)));
        var inactive = Assert.IsType<ClinicianAlertRaised>(Assert.Single(Check(At(21))));
        Assert.Empty(Check(At(30)));

        Assert.Equal(At(0), nudge.QuietSince);
        Assert.Equal(("P4", "C"), (nudge.Why.RuleId, nudge.Why.Evidence));
        Assert.Equal("engagement", engagement.Level);
        Assert.Equal("inactive", inactive.Level);
        Assert.Contains("21 days or more", inactive.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_logged_session_starts_a_new_quiet_spell()
    {
        Check(At(3));
        _scenario.Session(4);

        Assert.Empty(Check(At(6, 18)));
        Assert.IsType<EngagementNudged>(Assert.Single(Check(At(6, 19, 1))));
    }

    [Fact]
    public void A_late_check_nudges_and_raises_only_the_most_severe_level()
    {
        var events = Check(At(25));

        Assert.IsType<EngagementNudged>(events[0]);
        Assert.Equal("inactive", Assert.IsType<ClinicianAlertRaised>(events[1]).Level);
        Assert.Equal(2, events.Count);
    }

    [Fact]
    public void Before_any_session_the_quiet_spell_runs_from_the_prescription()
    {
        var fresh = new ProgramScenario();
        fresh.Prescribe(Screens.First(Screens.AnteriorKnee));

        var nudge = Assert.Single(fresh.When(state => CheckingEngagement.Decide(state!, At(3))));

        Assert.Contains("since the program started", Assert.IsType<EngagementNudged>(nudge).Why.Sentence, StringComparison.Ordinal);
    }
}
