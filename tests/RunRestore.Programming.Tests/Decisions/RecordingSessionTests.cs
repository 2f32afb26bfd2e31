using RunRestore.Programming.Programs;
using RunRestore.Programming.Sessions;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class RecordingSessionTests
{
    private readonly ProgramScenario _scenario = new();

    public RecordingSessionTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    [Fact]
    public void Two_good_sessions_with_the_morning_at_baseline_move_every_exercise_up_one_step()
    {
        Assert.Empty(_scenario.Session(0).OfType<ExerciseProgressed>());
        _scenario.Morning(1, 1);
        var events = _scenario.Session(2);

        Assert.Equal(["clamshell>side_lying_hip_abduction", "double_leg_calf_raise>single_leg_calf_raise",
            "glute_bridge>single_leg_bridge"], events.OfType<ExerciseProgressed>().Select(p => $"{p.FromCode}>{p.ToCode}"));
        var why = events.OfType<ExerciseProgressed>().First().Why;
        Assert.Equal(("T3", "C"), (why.RuleId, why.Evidence));
        Assert.Contains(Id(2).ToString(), why.TriggeringIds);
        // Top of a one-step ladder (the stretch) or of its ladder (lateral step-down): nothing to progress to.
        Assert.Equal(0, _scenario.Program.ExerciseFor("single_leg_bridge")!.GoodSessionsInARow);
    }

    [Fact]
    public void An_RPE_above_the_target_of_7_does_not_count_towards_progress()
    {
        _scenario.Session(0);
        _scenario.Morning(1, 1);

        Assert.Empty(_scenario.Session(2, rpe: 8).OfType<ExerciseProgressed>());
        Assert.Equal(0, _scenario.Program.ExerciseFor("clamshell")!.GoodSessionsInARow);
    }

    [Fact]
    public void A_session_at_pain_6_steps_back_a_ladder_and_holds_what_is_already_on_its_first_step()
    {
        _scenario.Session(0);
        _scenario.Morning(1, 1);
        _scenario.Session(2);
        var events = _scenario.Session(4, pain: 6);

        var regressed = events.OfType<ExerciseRegressed>().ToList();
        Assert.Equal(["side_lying_hip_abduction>clamshell", "single_leg_calf_raise>double_leg_calf_raise",
            "single_leg_bridge>glute_bridge", "lateral_step_down>step_up"], regressed.Select(r => $"{r.FromCode}>{r.ToCode}"));
        Assert.All(regressed, r => Assert.Equal(("T4", "A"), (r.Why.RuleId, r.Why.Evidence)));
        Assert.Contains("above the ceiling of 3/10 (P1)", regressed[0].Why.Sentence, StringComparison.Ordinal);
        var held = Assert.Single(events.OfType<ExerciseHeld>());
        Assert.Equal("hamstring_stretch", held.Code);
        Assert.Contains("first step of its ladder", held.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_abandoned_exercise_steps_back_alone()
    {
        _scenario.Session(0);
        _scenario.Morning(1, 1);
        _scenario.Session(2);
        var events = _scenario.Session(4, tweak: r => r.Code == "single_leg_bridge" ? r with { Abandoned = true } : r);

        var regressed = Assert.Single(events.OfType<ExerciseRegressed>());
        Assert.Equal(("single_leg_bridge", "glute_bridge"), (regressed.FromCode, regressed.ToCode));
        Assert.Contains("abandoned", regressed.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_next_morning_report_progress_waits_for_P2()
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        scenario.Session(0);
        var held = scenario.Session(2).OfType<ExerciseHeld>().ToList();

        Assert.Equal(3, held.Count);
        Assert.All(held, h => Assert.Equal("P2", h.Why.RuleId));
        Assert.Contains("no next-morning report for the morning after the session on 2026-01-05 at the anterior knee", held[0].Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_session_logged_twice_changes_nothing()
    {
        var program = _scenario.Program;
        var input = new RecordSession(Id(77), Day(0), [new ExerciseResult("clamshell", false, 3, 15, null, null, 5, 1)]);
        var once = RecordingSession.Decide(input, program, At(0));

        Assert.Empty(RecordingSession.Decide(input, once.Aggregate(program, (s, e) => s.Then(e)), At(0, 19)));
    }

    [Fact]
    public void Bad_numbers_and_a_future_date_are_refused_together()
    {
        var input = new RecordSession(Id(5), Day(2), [new ExerciseResult("clamshell", false, -1, -2, -3, -4m, 11, 11),
            new ExerciseResult("glute_bridge", false, 3, 12, null, null, -1, -1)]);

        var ex = Assert.Throws<InvalidRequestException>(() => RecordingSession.Decide(input, _scenario.Program, At(0)));
        Assert.Equal(["date", "exercises[0].sets", "exercises[0].reps", "exercises[0].hold_seconds", "exercises[0].load_kg",
            "exercises[0].rpe", "exercises[0].pain_during", "exercises[1].rpe", "exercises[1].pain_during"],
            ex.Problems.Select(p => p.Field));
    }

    [Fact]
    public void An_exercise_that_is_not_in_the_program_is_a_failed_precondition()
    {
        var input = new RecordSession(Id(5), Day(0), [new ExerciseResult("nordic_full", false, 3, 5, null, null, 5, 1)]);

        var ex = Assert.Throws<PreconditionFailedException>(() => RecordingSession.Decide(input, _scenario.Program, At(0)));

        var violation = Assert.Single(ex.Violations);
        Assert.Equal(("program_state", "exercises[0].code"), (violation.Type, violation.Subject));
    }

    [Fact]
    public void An_empty_session_is_refused()
    {
        var input = new RecordSession(Id(5), Day(0), []);

        Assert.Equal("exercises", Assert.Throws<InvalidRequestException>(
            () => RecordingSession.Decide(input, _scenario.Program, At(0))).Problems[0].Field);
    }
}
