using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>T5 once (issue 13): L2 high and L3 in the same week are one reaction citing both, not two.</summary>
public sealed class LoadFlagOnceTests
{
    private readonly ProgramScenario _scenario = new();

    public LoadFlagOnceTests() => _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));

    private IReadOnlyList<object> Flag(int day, string ruleId, string kind, string severity) =>
        _scenario.When(state => ReactingToLoadFlag.Decide(new ReactToLoadFlag(ruleId, kind, severity), state!, At(day, 9)));

    [Fact]
    public void L2_high_and_L3_of_the_same_week_record_the_running_advice_and_the_hold_once_citing_both()
    {
        Flag(3, "L2", "load_spike", "high");
        var second = Flag(3, "L3", "distance_jump", "caution");

        Assert.Single(_scenario.History.OfType<RunningVolumeAdvised>());
        Assert.Single(_scenario.History.OfType<ProgressionsHeld>());
        var joined = Assert.IsType<LoadFlagJoinedHold>(Assert.Single(second));
        Assert.Equal(("T5", 1), (joined.Why.RuleId, joined.Why.RuleVersion));
        Assert.Equal(["L2:load_spike:high", "L3:distance_jump:caution"], joined.Why.TriggeringIds);
        Assert.Contains("(L2, acute:chronic ≥ 1.5; contested evidence) and weekly running distance jumped by more than 30 % (L3)",
            joined.Advice, StringComparison.Ordinal);
        Assert.Equal(Day(4), joined.WeekStart);
        Assert.Equal(Day(10), _scenario.Program.HoldProgressionsUntil);
    }

    [Fact]
    public void The_same_rule_again_in_the_hold_week_changes_nothing_and_a_flag_after_the_week_reacts_afresh()
    {
        Flag(3, "L3", "distance_jump", "caution");

        Assert.Empty(Flag(5, "L3", "distance_jump", "caution"));
        var later = Flag(10, "L2", "load_spike", "high");
        Assert.IsType<RunningVolumeAdvised>(later[0]);
        Assert.Equal(["L2:load_spike:high"], _scenario.Program.CurrentLoadHoldFlags);
    }

    [Fact]
    public void Flags_of_one_day_delivered_days_apart_are_still_one_reaction_dated_by_when_they_fired()
    {
        _scenario.When(state => ReactingToLoadFlag.Decide(new ReactToLoadFlag("L2", "load_spike", "high", Day(3)), state!, At(5, 9)));
        var late = _scenario.When(state => ReactingToLoadFlag.Decide(new ReactToLoadFlag("L3", "distance_jump", "caution", Day(3)), state!, At(12, 9)));

        Assert.IsType<LoadFlagJoinedHold>(Assert.Single(late));
        var held = Assert.Single(_scenario.History.OfType<ProgressionsHeld>());
        Assert.Equal((Day(3), Day(10)), (held.From, held.Until));
    }
}
