using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>S1/S2 (rule set v2): while sleep or stress is flagged, progressions are held and the hold names the flag.</summary>
public sealed class WellnessHoldTests
{
    private readonly ProgramScenario _scenario = new();

    public WellnessHoldTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    private IReadOnlyList<object> Raised(int day, string ruleId, string kind, string severity = "caution") =>
        _scenario.When(state => ReactingToLoadFlag.Decide(new ReactToLoadFlag(ruleId, kind, severity), state!, At(day, 9)));

    private IReadOnlyList<object> Cleared(int day, string ruleId, string kind) =>
        _scenario.When(state => EndingWellnessHold.Decide(new EndLoadFlag(ruleId, kind, Day(day)), state!));

    [Fact]
    public void High_stress_holds_ready_exercises_naming_S2_until_intake_clears_it()
    {
        var raised = Raised(1, "S2", "high_stress");
        _scenario.Session(2);
        _scenario.Morning(3, 1);
        var during = _scenario.Session(16);
        _scenario.Morning(17, 1);
        var ended = Cleared(18, "S2", "high_stress");
        var after = _scenario.Session(18);

        var held = Assert.IsType<ProgressionsHeldForWellness>(Assert.Single(raised));
        Assert.Equal(("S2", 2, "B"), (held.Why.RuleId, held.Why.RuleVersion, held.Why.Evidence));
        Assert.Equal("progressions_held", ProgramChanges.Describe(held)!.Type);
        Assert.Empty(during.OfType<ExerciseProgressed>());
        var holds = during.OfType<ExerciseHeld>().ToList();
        Assert.NotEmpty(holds);
        Assert.All(holds, h => Assert.Equal(("S2", 2), (h.Why.RuleId, h.Why.RuleVersion)));
        Assert.Contains("stress has been rated 4/5 or more for a week (S2)", holds[0].Why.Sentence, StringComparison.Ordinal);
        Assert.Contains("S2:high_stress:caution", holds[0].Why.TriggeringIds);
        var end = Assert.IsType<WellnessHoldEnded>(Assert.Single(ended));
        Assert.Equal(("progressions_resumed", "S2"), (ProgramChanges.Describe(end)!.Type, end.Why.RuleId));
        Assert.NotEmpty(after.OfType<ExerciseProgressed>());
    }

    [Fact]
    public void Short_sleep_and_high_stress_together_hold_until_both_are_cleared()
    {
        Raised(1, "S1", "short_sleep");
        Raised(1, "S2", "high_stress");
        var ended = Cleared(2, "S1", "short_sleep");
        _scenario.Session(2);
        _scenario.Morning(3, 1);
        var held = _scenario.Session(4).OfType<ExerciseHeld>().First();

        Assert.Contains("progressions stay held while stress", Assert.IsType<WellnessHoldEnded>(Assert.Single(ended)).Why.Sentence,
            StringComparison.Ordinal);
        Assert.Equal("S2", held.Why.RuleId);
        Assert.Equal(["S2"], _scenario.Program.ActiveWellnessFlags.Select(f => f.RuleId));
    }

    [Fact]
    public void The_same_flag_again_changes_nothing_but_a_new_severity_is_recorded()
    {
        Raised(1, "S1", "short_sleep");

        Assert.Empty(Raised(2, "S1", "short_sleep"));
        Assert.Equal("high", Assert.IsType<ProgressionsHeldForWellness>(Assert.Single(Raised(3, "S1", "short_sleep", "high"))).Severity);
        Assert.Single(_scenario.Program.ActiveWellnessFlags);
    }

    [Fact]
    public void A_clearance_for_a_flag_not_held_or_raised_after_it_changes_nothing()
    {
        Assert.Empty(Cleared(1, "S2", "high_stress"));
        Raised(5, "S2", "high_stress");
        Assert.Empty(Cleared(4, "S2", "high_stress"));
        Assert.Empty(Cleared(6, "L3", "distance_jump"));
        Assert.Single(_scenario.Program.ActiveWellnessFlags);
    }

    [Fact]
    public void Before_a_program_a_cleared_flag_is_forgotten_and_one_still_active_is_kept_for_the_prescription()
    {
        var log = new IntakeSignalLog(Id(1), [])
            .With(new RaisedLoadFlag("S2", "high_stress", "caution", Day(0)))
            .With(new RaisedLoadFlag("S1", "short_sleep", "caution", Day(0)))
            .Without("S1", "short_sleep", Day(1))
            .Without("S2", "high_stress", Day(-1));

        Assert.Equal(["S2"], log.FlagsBeforeProgram!.Select(f => f.RuleId));
    }
}
