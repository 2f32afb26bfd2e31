using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>
/// DOMAIN.md, the paragraph after T9: an exercise already on its first ladder step that exceeds the pain ceiling twice
/// is swapped for another exercise for the same region — never held for ever without a word.
/// </summary>
public sealed class FirstStepSwapTests
{
    private readonly ProgramScenario _scenario = new();

    public FirstStepSwapTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    private IReadOnlyList<object> PainfulFor(string code, int day) =>
        _scenario.Session(day, tweak: r => r.Code == code ? r with { PainDuring = 6 } : r);

    [Fact]
    public void The_first_time_it_is_held_the_second_time_it_is_swapped_for_the_first_step_of_another_ladder_for_its_region()
    {
        var first = _scenario.Program.Exercises.Select(x => x.Exercise()).First(e => ExerciseLibrary.Previous(e.Code) is null);

        var once = Assert.Single(PainfulFor(first.Code, 2).OfType<ExerciseHeld>(), h => h.Code == first.Code);
        Assert.Equal("T4", once.Why.RuleId);
        var twice = PainfulFor(first.Code, 4);

        var swapped = Assert.Single(twice.OfType<ExerciseSwapped>());
        var other = ExerciseLibrary.Get(swapped.ToCode);
        Assert.Equal(first.Code, swapped.FromCode);
        Assert.Null(ExerciseLibrary.Previous(other.Code));
        Assert.NotEqual(first.Ladder, other.Ladder);
        Assert.Contains(other.TargetRegions, r => first.TargetRegions.Contains(r));
        Assert.Equal(("T4", 1), (swapped.Why.RuleId, swapped.Why.RuleVersion));
        Assert.Contains("2nd time on the first step of its ladder", swapped.Why.Sentence, StringComparison.Ordinal);
        Assert.Null(_scenario.Program.ExerciseFor(first.Code));
        Assert.Equal(0, _scenario.Program.ExerciseFor(other.Code)!.PainfulOnFirstStep);
    }

    [Fact]
    public void Painful_sessions_on_an_exercise_with_a_step_below_only_regress_it()
    {
        var ladder = _scenario.Program.Exercises.Select(x => x.Exercise()).First(e => ExerciseLibrary.Previous(e.Code) is not null);

        Assert.Single(PainfulFor(ladder.Code, 2).OfType<ExerciseRegressed>(), r => r.FromCode == ladder.Code);
        Assert.DoesNotContain(PainfulFor(ExerciseLibrary.Previous(ladder.Code)!.Code, 4), e => e is ExerciseSwapped);
    }
}
