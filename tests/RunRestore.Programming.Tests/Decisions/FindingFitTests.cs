using RunRestore.Programming.Library;
using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>Issue 13: every finding gets an exercise for its own region (M7 trunk), and K6 keeps stretches off a painful hamstring.</summary>
public sealed class FindingFitTests
{
    private static ProgramPrescribed PrescribeFirst(ScreenSummary screen) =>
        Assert.IsType<ProgramPrescribed>(Assert.Single(PrescribingProgram.Decide(screen, null, [], At(0, 8))));

    [Fact]
    public void An_M7_trunk_finding_gets_trunk_work_even_when_the_side_plank_ladder_serves_the_hips()
    {
        var prescribed = PrescribeFirst(Screens.First(Screens.HipAbductorsLeft, Screens.TrunkEndurance, Screens.Calf, Screens.BridgeEndurance));

        var trunk = Assert.Single(prescribed.Exercises, e => e.FindingKey == Screens.TrunkEndurance.Key);
        Assert.Equal("dead_bug", trunk.Code);
        Assert.Contains("trunk", ExerciseLibrary.Get(trunk.Code).TargetRegions);
        Assert.Equal("M7", trunk.Why.RuleId);
        Assert.DoesNotContain(prescribed.Exercises, e => e.FindingKey.StartsWith("T2:", StringComparison.Ordinal));
        Assert.DoesNotContain("Not yet addressed", prescribed.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Hamstring_pain_gets_hamstring_strength_for_a_hamstring_flexibility_finding_and_no_stretch()
    {
        var prescribed = PrescribeFirst(Screens.First("hamstring", Screens.Hamstrings, Screens.HipAbductorsLeft, Screens.Calf));

        Assert.DoesNotContain(prescribed.Exercises, e => e.Code == "hamstring_stretch");
        var hamstring = Assert.Single(prescribed.Exercises, e => e.FindingKey == Screens.Hamstrings.Key);
        Assert.Equal(Qualities.Strength, ExerciseLibrary.Get(hamstring.Code).Quality);
        Assert.Contains("hamstrings", ExerciseLibrary.Get(hamstring.Code).TargetRegions);
        Assert.Contains("No stretch is chosen for hamstring pain (K6", hamstring.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_hamstring_pain_the_flexibility_finding_still_gets_the_stretch()
    {
        var prescribed = PrescribeFirst(Screens.First("anterior_knee", Screens.Hamstrings));

        Assert.Equal("hamstring_stretch", prescribed.Exercises.Single(e => e.FindingKey == Screens.Hamstrings.Key).Code);
    }
}
