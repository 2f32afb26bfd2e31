using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using RunRestore.Contracts;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Simulation;

/// <summary>
/// Twelve weeks of an anterior-knee runner who trains Monday, Wednesday and Friday at pain 1/10 and reports the
/// morning after: a re-screen at week 4 (too early for T6) and at week 6 (strength/control findings resolved).
/// </summary>
public sealed class TwelveWeekTests
{
    private readonly ProgramScenario _scenario = new();

    public TwelveWeekTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee), day: 0, Day(5));
        for (var week = 0; week < 12; week++)
        {
            if (week == 4)
            {
                _scenario.Prescribe(Screens.Again(28, null, Screens.AnteriorKnee), day: 28);
            }

            if (week == 6)
            {
                _scenario.Prescribe(Screens.Again(42, null, Screens.Hamstrings, Screens.LoadSpike), day: 42);
            }

            _scenario.Week(week);
        }
    }

    private IEnumerable<T> All<T>() => _scenario.History.OfType<T>();

    [Fact]
    public void Steady_sessions_climb_each_ladder_every_second_session_to_its_top()
    {
        var hips = All<ExerciseProgressed>().Where(p => ExerciseLibrary.Get(p.FromCode).Ladder == "hip_abduction");

        Assert.Equal(["clamshell@2", "side_lying_hip_abduction@7", "side_plank@11"], hips.Select(p => $"{p.FromCode}@{p.On.DayNumber - Day(0).DayNumber}"));
        Assert.Equal(36, _scenario.Program.Sessions.Count);
        Assert.Equal(10, All<ExerciseProgressed>().Count());
        Assert.Equal(["hamstring_stretch", "side_plank_hip_abduction", "eccentric_heel_drop", "hip_thrust", "cadence_plus_10", "b_skip"],
            _scenario.Program.Exercises.Select(x => x.Code));
        Assert.Empty(All<ExerciseRegressed>());
        Assert.Empty(All<ClinicianAlertRaised>());
    }

    [Fact]
    public void Two_weeks_of_six_sessions_at_low_pain_move_Restore_to_Maintain_on_day_14()
    {
        var toMaintain = All<PhaseAdvanced>().First();

        Assert.Equal((Phase.Restore, Phase.Maintain, Day(14)), (toMaintain.From, toMaintain.To, toMaintain.On));
        Assert.Equal("T8", toMaintain.Why.RuleId);
        Assert.Equal(6, toMaintain.Why.TriggeringIds.Count);
    }

    [Fact]
    public void The_week_4_re_screen_keeps_technique_locked_and_says_why()
    {
        var early = All<ProgramRevised>().First();

        Assert.False(early.TechniqueUnlocked);
        Assert.Equal("T6", early.TechniqueGate.RuleId);
        Assert.Contains("28 days after the first", early.TechniqueGate.Sentence, StringComparison.Ordinal);
        Assert.Contains("strength/control findings are still open", early.TechniqueGate.Sentence, StringComparison.Ordinal);
        Assert.Contains(early.Exercises, e => e.Code == "side_plank_hip_abduction" && e.FindingKey == "M4:hip_abductors:left");
        Assert.DoesNotContain(early.Exercises, e => ExerciseLibrary.Get(e.Code).Quality == Qualities.Technique);
        Assert.Equal(2, early.SessionsPerWeek);
    }

    [Fact]
    public void The_week_6_re_screen_without_strength_or_control_findings_opens_technique_in_Improve()
    {
        var toImprove = All<PhaseAdvanced>().Last();
        var revised = All<ProgramRevised>().Last();

        Assert.Equal((Phase.Maintain, Phase.Improve, Day(42)), (toImprove.From, toImprove.To, toImprove.On));
        Assert.Equal(("T6", "B"), (toImprove.Why.RuleId, toImprove.Why.Evidence));
        Assert.True(revised.TechniqueUnlocked);
        Assert.Equal(["hamstring_stretch", "side_plank_hip_abduction", "eccentric_heel_drop", "hip_thrust", "cadence_plus_5", "a_skip"],
            revised.Exercises.Select(e => e.Code));
        Assert.Equal("T6:technique", revised.Exercises[^1].FindingKey);
        Assert.Equal(Phase.Improve, _scenario.Program.Phase);
    }

    [Fact]
    public void No_technique_exercise_is_logged_before_the_gate_opens()
    {
        var technique = All<SessionRecorded>()
            .Where(s => s.Exercises.Any(r => ExerciseLibrary.Get(r.Code).Quality == Qualities.Technique))
            .Select(s => s.Date).ToList();

        Assert.Equal(18, technique.Count);
        Assert.All(technique, d => Assert.True(d >= Day(42)));
    }

    [Fact]
    public void Every_change_carries_a_versioned_explanation_with_evidence_ids_and_a_sentence()
    {
        var explanations = _scenario.History.SelectMany(Explanations).ToList();

        Assert.True(explanations.Count > 60, $"{explanations.Count} explanations");
        Assert.All(explanations, why =>
        {
            Assert.Equal(RuleSet.VersionOf(why.RuleId), why.RuleVersion);
            Assert.Matches("^[LSPMKT][1-9]$", why.RuleId);
            Assert.Matches("^[ABCX]$", why.Evidence);
            Assert.NotEmpty(why.TriggeringIds);
            Assert.EndsWith(".", why.Sentence, StringComparison.Ordinal);
        });
    }

    private static IEnumerable<Explanation> Explanations(object e) => e switch
    {
        ProgramPrescribed p => [p.Why, .. p.Exercises.Select(x => x.Why)],
        ProgramRevised r => [r.Why, r.TechniqueGate, .. r.Exercises.Select(x => x.Why)],
        _ => e.GetType().GetProperties().Where(p => p.PropertyType == typeof(Explanation))
            .Select(p => (Explanation)p.GetValue(e)!),
    };
}
