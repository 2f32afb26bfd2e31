using RunRestore.Programming.Programs;
using RunRestore.Programming.Sessions;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class MorningPainTests
{
    private readonly ProgramScenario _scenario = new();

    public MorningPainTests() => _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));

    [Fact]
    public void The_first_morning_report_becomes_the_baseline()
    {
        var recorded = Assert.IsType<NextMorningPainRecorded>(Assert.Single(_scenario.Morning(1, 2)));

        Assert.Equal((2, 2, false), (recorded.Pain, recorded.Baseline, recorded.AboveBaseline));
        Assert.Equal(("P2", "A"), (recorded.Why.RuleId, recorded.Why.Evidence));
        Assert.Equal(2, _scenario.Program.BaselineMorningPain);
    }

    [Fact]
    public void Morning_pain_above_baseline_steps_back_the_next_session_only()
    {
        _scenario.Morning(0, 1);
        _scenario.Session(0);
        _scenario.Session(2);
        var morning = _scenario.Morning(3, 3);
        var next = _scenario.Session(4);
        var after = _scenario.Session(6);

        var planned = Assert.IsType<NextSessionRegressionPlanned>(morning[1]);
        Assert.Equal("T4", planned.Why.RuleId);
        Assert.Contains("above the baseline of 1/10", planned.Why.Sentence, StringComparison.Ordinal);
        Assert.True(_scenario.History.OfType<NextSessionRegressionPlanned>().Any());
        Assert.Equal(["side_lying_hip_abduction", "single_leg_calf_raise", "single_leg_bridge", "lateral_step_down"],
            next.OfType<ExerciseRegressed>().Select(r => r.FromCode));
        Assert.Contains("(P2)", next.OfType<ExerciseRegressed>().First().Why.Sentence, StringComparison.Ordinal);
        Assert.Contains("next_morning:2026-01-08", next.OfType<ExerciseRegressed>().First().Why.TriggeringIds);
        Assert.Empty(after.OfType<ExerciseRegressed>());
        Assert.False(_scenario.Program.RegressNextSession);
    }

    [Fact]
    public void Progress_waits_until_a_morning_report_is_back_at_baseline()
    {
        _scenario.Morning(0, 1);
        _scenario.Morning(1, 2);
        Assert.Equal(("lateral_step_down", "step_up"), _scenario.Session(2).OfType<ExerciseRegressed>()
            .Select(r => (r.FromCode, r.ToCode)).Single());
        Assert.Empty(_scenario.Session(4).OfType<ExerciseProgressed>());
        var held = _scenario.Session(6).OfType<ExerciseHeld>().ToList();

        _scenario.Morning(7, 1);

        Assert.Equal(["clamshell", "double_leg_calf_raise", "glute_bridge", "step_up"], held.Select(h => h.Code));
        Assert.All(held, h => Assert.Equal("P2", h.Why.RuleId));
        Assert.Contains("next-morning pain was 2/10 against a baseline of 1/10", held[0].Why.Sentence, StringComparison.Ordinal);
        Assert.Equal(["clamshell", "double_leg_calf_raise", "glute_bridge", "step_up"],
            _scenario.Session(8).OfType<ExerciseProgressed>().Select(p => p.FromCode));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Pain_outside_0_to_10_is_refused(int pain)
    {
        var ex = Assert.Throws<InvalidRequestException>(
            () => RecordingNextMorningPain.Decide(new RecordNextMorningPain(Day(1), pain), _scenario.Program, At(1)));

        Assert.Equal("pain", ex.Problems[0].Field);
    }

    [Fact]
    public void A_morning_more_than_a_day_in_the_future_is_refused()
    {
        Assert.Equal("date", Assert.Throws<InvalidRequestException>(
            () => RecordingNextMorningPain.Decide(new RecordNextMorningPain(Day(3), 1), _scenario.Program, At(1))).Problems[0].Field);
    }
}
