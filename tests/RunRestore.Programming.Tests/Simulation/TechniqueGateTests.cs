using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using Xunit;

namespace RunRestore.Programming.Tests.Simulation;

public sealed class TechniqueGateTests
{
    private static ProgramScenario WeeksOfSessions(int weeks, int pain = 1)
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        for (var week = 0; week < weeks; week++)
        {
            scenario.Week(week, pain);
        }

        return scenario;
    }

    [Fact]
    public void A_runner_still_in_Restore_stays_locked_even_six_weeks_on_without_findings()
    {
        var scenario = WeeksOfSessions(6, pain: 3);

        var revised = Assert.IsType<ProgramRevised>(scenario.Prescribe(Screens.Again(42), day: 42)[0]);

        Assert.Equal(Phase.Restore, scenario.Program.Phase);
        Assert.False(revised.TechniqueUnlocked);
        Assert.Contains("still in Restore", revised.TechniqueGate.Sentence, StringComparison.Ordinal);
        // Strength-session pain (3/10 here) no longer stands in for running pain (T6 v2): the runs were at 1/10.
        Assert.DoesNotContain("3/10", revised.TechniqueGate.Sentence, StringComparison.Ordinal);
        Assert.Equal(3, revised.SessionsPerWeek);
    }

    [Fact]
    public void Running_pain_above_2_keeps_technique_locked_in_Maintain()
    {
        var scenario = WeeksOfSessions(6);

        var revised = Assert.IsType<ProgramRevised>(scenario.Prescribe(Screens.Again(42, runningPain: 3), day: 42)[0]);

        Assert.Equal(Phase.Maintain, scenario.Program.Phase);
        Assert.False(revised.TechniqueUnlocked);
        Assert.Contains("running pain reached 3/10", revised.TechniqueGate.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_screen_at_41_days_is_too_early_and_at_42_days_opens()
    {
        var early = WeeksOfSessions(6);
        var onTime = WeeksOfSessions(6);

        var at41 = early.Prescribe(Screens.Again(41), day: 41).OfType<ProgramRevised>().Single();
        var at42 = onTime.Prescribe(Screens.Again(42), day: 42);

        Assert.False(at41.TechniqueUnlocked);
        Assert.Contains("41 days after the first", at41.TechniqueGate.Sentence, StringComparison.Ordinal);
        Assert.IsType<PhaseAdvanced>(at42[0]);
        Assert.True(Assert.IsType<ProgramRevised>(at42[1]).TechniqueUnlocked);
    }

    [Fact]
    public void A_new_strength_finding_later_locks_technique_again_and_keeps_the_strength_step()
    {
        var scenario = WeeksOfSessions(6);
        scenario.Prescribe(Screens.Again(42), day: 42);
        scenario.Week(6);

        var relocked = scenario.Prescribe(Screens.Again(56, null, Screens.HipAbductorsLeft), day: 56)
            .OfType<ProgramRevised>().Single();

        Assert.False(relocked.TechniqueUnlocked);
        Assert.DoesNotContain(relocked.Exercises, e => ExerciseLibrary.Get(e.Code).Quality == Qualities.Technique);
        Assert.Equal("side_plank_hip_abduction", relocked.Exercises[0].Code);
        Assert.Equal(Phase.Improve, scenario.Program.Phase);
    }
}
