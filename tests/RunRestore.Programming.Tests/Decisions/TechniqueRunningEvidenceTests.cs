using RunRestore.Programming.Programs;
using RunRestore.Programming.Running;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>
/// T6 (v2) needs running evidence on the re-screen: ≥ 3 runs in the last 14 days at running pain ≤ 2/10 (or a completed
/// T9 ladder); strength-session pain no longer stands in, and every "stays locked" is stored with its reasons.
/// </summary>
public sealed class TechniqueRunningEvidenceTests
{
    private readonly ProgramScenario _scenario = new();

    public TechniqueRunningEvidenceTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        for (var week = 0; week < 6; week++)
        {
            _scenario.Week(week, pain: 0, morningPain: 0);
        }
    }

    private TechniqueStayedLocked Locked(RunningEvidence running)
    {
        var events = _scenario.Prescribe(Screens.Rescreen(42, running), day: 42);
        Assert.False(events.OfType<ProgramRevised>().Single().TechniqueUnlocked);
        Assert.Empty(events.OfType<PhaseAdvanced>());
        return events.OfType<TechniqueStayedLocked>().Single();
    }

    [Fact]
    public void Pain_free_strength_sessions_without_runs_do_not_unlock_technique()
    {
        var locked = Locked(RunningEvidence.None);

        Assert.Equal((0, (int?)null), (locked.EasyRuns, locked.WorstRunningPain));
        Assert.Contains(locked.Reasons, r => r.StartsWith("no runs were logged in the last 14 days", StringComparison.Ordinal));
        Assert.Equal(Phase.Maintain, _scenario.Program.Phase);
    }

    [Fact]
    public void Two_easy_runs_are_one_short_of_T6()
    {
        var locked = Locked(Screens.Runs(42, 1, 0));

        Assert.Equal(2, locked.EasyRuns);
        Assert.Contains("only 2 run(s) in the last 14 days, and T6 needs at least 3 at running pain ≤ 2/10 (or a completed "
            + "return-to-run ladder, T9)", locked.Reasons);
    }

    [Fact]
    public void One_painful_run_among_easy_ones_keeps_technique_locked_and_names_its_date()
    {
        var locked = Locked(Screens.Runs(42, 1, 5, 0, 1));

        Assert.Equal((3, (int?)5), (locked.EasyRuns, locked.WorstRunningPain));
        Assert.Contains(locked.Reasons, r => r.Contains("running pain reached 5/10 on 2026-02-13 (5/10)", StringComparison.Ordinal));
    }

    [Fact]
    public void Three_easy_runs_open_technique_and_the_gate_says_so()
    {
        var events = _scenario.Prescribe(Screens.Runs(42, 2, 1, 0) is var runs ? Screens.Rescreen(42, runs) : null!, day: 42);

        var revised = events.OfType<ProgramRevised>().Single();
        Assert.True(revised.TechniqueUnlocked);
        Assert.Empty(events.OfType<TechniqueStayedLocked>());
        Assert.Contains("3 runs in the last 14 days were at running pain ≤ 2/10 (worst 2/10)", revised.TechniqueGate.Sentence,
            StringComparison.Ordinal);
        Assert.Equal(2, revised.TechniqueGate.RuleVersion);
    }

    [Fact]
    public void A_completed_return_to_run_ladder_stands_for_the_runs()
    {
        var events = _scenario.Prescribe(Screens.Rescreen(42, RunningEvidence.None with { ReturnToRunLadderComplete = true }), day: 42);

        Assert.True(events.OfType<ProgramRevised>().Single().TechniqueUnlocked);
    }

    [Fact]
    public void The_history_shows_the_locked_gate_with_T6_its_version_and_the_reasons()
    {
        var change = ProgramChanges.Describe(Locked(Screens.Runs(42, 1)))!;

        Assert.Equal("technique_stayed_locked", change.Type);
        Assert.Equal(("T6", 2, "B"), (change.Why.RuleId, change.Why.RuleVersion, change.Why.Evidence));
        Assert.StartsWith("Technique work stays locked after the re-screen of 2026-02-16: only 1 run(s)", change.Summary,
            StringComparison.Ordinal);
    }
}
