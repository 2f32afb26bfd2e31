using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class LoadFlagTests
{
    private readonly ProgramScenario _scenario = new();

    public LoadFlagTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    private IReadOnlyList<object> Flag(int day, string ruleId, string kind, string severity) =>
        _scenario.When(state => ReactingToLoadFlag.Decide(new ReactToLoadFlag(ruleId, kind, severity), state!, At(day, 9)));

    [Fact]
    public void A_weekly_distance_jump_advises_cutting_running_20_to_30_percent_and_holds_progressions_a_week()
    {
        var events = Flag(3, "L3", "distance_jump", "caution");

        var advised = Assert.IsType<RunningVolumeAdvised>(events[0]);
        Assert.Equal((20, 30, Day(4)), (advised.CutFromPercent, advised.CutToPercent, advised.WeekStart));
        Assert.Equal(("T5", "C", 1), (advised.Why.RuleId, advised.Why.Evidence, advised.Why.RuleVersion));
        Assert.Equal(["L3:distance_jump:caution"], advised.Why.TriggeringIds);
        var held = Assert.IsType<ProgressionsHeld>(events[1]);
        Assert.Equal((Day(3), Day(10)), (held.From, held.Until));
    }

    [Fact]
    public void During_the_hold_ready_exercises_stay_and_say_why_then_move_up_when_it_ends()
    {
        Flag(3, "L3", "distance_jump", "caution");
        _scenario.Session(4);
        var during = _scenario.Session(9);
        _scenario.Morning(10, 1);
        var after = _scenario.Session(10);

        Assert.Empty(during.OfType<ExerciseProgressed>());
        var held = during.OfType<ExerciseHeld>().ToList();
        Assert.Equal(3, held.Count);
        Assert.All(held, h => Assert.Equal("T5", h.Why.RuleId));
        Assert.Contains("held until 2026-01-14", held[0].Why.Sentence, StringComparison.Ordinal);
        Assert.Equal(3, after.OfType<ExerciseProgressed>().Count());
    }

    [Fact]
    public void A_high_acute_chronic_ratio_reacts_and_says_load_is_rising_faster_than_usual()
    {
        var events = Flag(3, "L2", "load_spike", "high");

        var advised = Assert.IsType<RunningVolumeAdvised>(events[0]);
        Assert.Contains("rising much faster than usual", advised.Why.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("injury", advised.Why.Sentence, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("L2", "load_spike", "caution")]
    [InlineData("L4", "monotony", "caution")]
    [InlineData("L5", "intensity", "caution")]
    public void Other_flags_change_nothing(string ruleId, string kind, string severity)
    {
        Assert.Empty(Flag(3, ruleId, kind, severity));
    }

    [Fact]
    public void A_flag_without_a_rule_id_is_refused()
    {
        var ex = Assert.Throws<InvalidRequestException>(() => Flag(3, " ", "distance_jump", "caution"));

        Assert.Equal("rule_id", ex.Problems[0].Field);
    }
}
