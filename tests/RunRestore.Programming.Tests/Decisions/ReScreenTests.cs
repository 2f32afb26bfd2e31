using RunRestore.Programming.Programs;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>
/// Issue 13, programs in step with findings (DOMAIN.md after T9): a re-screen's resolved findings no longer justify
/// an exercise, and findings it did not re-test stay open and keep technique locked (T6 v2).
/// </summary>
public sealed class ReScreenTests
{
    private static readonly string[] Resolved =
        [Screens.HipAbductorsLeft.Key, Screens.SingleLegSquat.Key, Screens.BridgeEndurance.Key, Screens.Hamstrings.Key];

    private readonly ProgramScenario _scenario = new();

    public ReScreenTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        for (var week = 0; week < 6; week++)
        {
            _scenario.Week(week);
        }
    }

    [Fact]
    public void Resolved_findings_are_cited_by_no_exercise_and_the_revision_names_them()
    {
        var screen = Screens.Again(42, null, Screens.Calf) with { ResolvedFindingKeys = Resolved };

        var revised = _scenario.Prescribe(screen, day: 42).OfType<ProgramRevised>().Single();

        Assert.All(revised.Exercises, e =>
        {
            Assert.DoesNotContain(e.FindingKey, Resolved);
            Assert.Empty(e.Why.TriggeringIds.Intersect(Resolved));
        });
        Assert.Empty(revised.Why.TriggeringIds.Intersect(Resolved));
        Assert.Equal([Screens.Calf.Key], revised.OpenFindings.Select(f => f.Key));
        Assert.Contains("Resolved on the re-screen, so no exercise cites them any more: left hip abductors strength deficit "
            + "(M4:hip_abductors:left), right hip/trunk control compensation (M1:hip_trunk_control:right)",
            revised.Why.Sentence, StringComparison.Ordinal);
        var kept = Assert.Single(revised.Exercises, e => RunRestore.Programming.Library.ExerciseLibrary.Get(e.Code).Ladder == "hip_abduction");
        Assert.Equal("T1:maintenance", kept.FindingKey);
        Assert.Equal("T1", kept.Why.RuleId);
    }

    [Fact]
    public void A_finding_listed_as_resolved_is_not_treated_even_if_the_screen_still_carries_it()
    {
        var screen = Screens.Again(42, null, Screens.Calf, Screens.HipAbductorsLeft) with { ResolvedFindingKeys = Resolved };

        var revised = _scenario.Prescribe(screen, day: 42).OfType<ProgramRevised>().Single();

        Assert.DoesNotContain(revised.Exercises, e => e.FindingKey == Screens.HipAbductorsLeft.Key);
        Assert.DoesNotContain(revised.OpenFindings, f => f.Key == Screens.HipAbductorsLeft.Key);
    }

    [Fact]
    public void A_finding_not_re_tested_stays_open_keeps_its_exercise_and_keeps_technique_locked_naming_it()
    {
        var screen = Screens.Again(42) with { NotRetestedFindingKeys = [Screens.HipAbductorsLeft.Key] };

        var events = _scenario.Prescribe(screen, day: 42);

        var revised = events.OfType<ProgramRevised>().Single();
        Assert.False(revised.TechniqueUnlocked);
        Assert.Contains(revised.OpenFindings, f => f.Key == Screens.HipAbductorsLeft.Key);
        var hip = Assert.Single(revised.Exercises, e => e.FindingKey == Screens.HipAbductorsLeft.Key);
        Assert.Contains("was not re-tested on the re-screen, and untested is not resolved", hip.Why.Sentence, StringComparison.Ordinal);
        var locked = events.OfType<TechniqueStayedLocked>().Single();
        Assert.Equal([Screens.HipAbductorsLeft.Key], locked.NotRetestedFindingKeys);
        Assert.Equal(("T6", 2), (locked.Why.RuleId, locked.Why.RuleVersion));
        Assert.Contains("the re-screen did not re-test the left hip abductors strength deficit (M4:hip_abductors:left), "
            + "and untested is not resolved", locked.Reasons);
        Assert.Equal(Phase.Maintain, _scenario.Program.Phase);
        Assert.False(_scenario.Program.TechniqueUnlocked);
    }

    [Fact]
    public void A_resolved_finding_that_comes_back_is_cited_again_by_the_exercise_kept_at_its_step()
    {
        _scenario.Prescribe(Screens.Again(42) with { ResolvedFindingKeys = Resolved }, day: 42);
        var stepBefore = _scenario.Program.Exercises.Single(x => x.Exercise().Ladder == "hip_abduction").Code;

        var revised = _scenario.Prescribe(Screens.Again(70, null, Screens.HipAbductorsLeft), day: 70).OfType<ProgramRevised>().Single();

        var hip = Assert.Single(revised.Exercises, e => e.FindingKey == Screens.HipAbductorsLeft.Key);
        Assert.Equal(stepBefore, hip.Code);
        Assert.Contains("now addresses the left hip abductors strength deficit", hip.Why.Sentence, StringComparison.Ordinal);
    }
}
