using RunRestore.Programming.Programs;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>T3 (rule set v2): "two consecutive sessions" counts sessions on different days only.</summary>
public sealed class ProgressionCountingTests
{
    private readonly ProgramScenario _scenario = new();

    public ProgressionCountingTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    [Fact]
    public void Two_good_sessions_on_the_same_day_do_not_move_an_exercise_up()
    {
        _scenario.Session(0);
        var second = _scenario.Session(0);

        Assert.Empty(second.OfType<ExerciseProgressed>());
        Assert.Equal(1, _scenario.Program.ExerciseFor("clamshell")!.GoodSessionsInARow);
    }

    [Fact]
    public void A_good_session_on_the_next_day_then_counts_as_the_second_and_the_step_names_T3_v2()
    {
        _scenario.Session(0);
        _scenario.Session(0);
        _scenario.Morning(1, 1);
        var next = _scenario.Session(1);

        var progressed = next.OfType<ExerciseProgressed>().First(p => p.FromCode == "clamshell");
        Assert.Equal(("T3", 2), (progressed.Why.RuleId, progressed.Why.RuleVersion));
        Assert.Contains("Two sessions in a row on different days", progressed.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_painful_second_session_the_same_day_still_starts_the_count_again()
    {
        _scenario.Session(0);
        _scenario.Session(0, tweak: r => r.Code == "clamshell" ? r with { PainDuring = 5 } : r);

        Assert.Equal(0, _scenario.Program.ExerciseFor("clamshell")!.GoodSessionsInARow);
        Assert.Equal(1, _scenario.Program.ExerciseFor("glute_bridge")!.GoodSessionsInARow);
    }
}
