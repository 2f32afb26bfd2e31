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

    private IReadOnlyList<object> MorningAt(int day, int pain, string site) =>
        _scenario.When(state => RecordingNextMorningPain.Decide(new RecordNextMorningPain(Day(day), pain, site), state!, At(day, 7)));

    [Fact]
    public void A_first_morning_report_for_a_site_is_its_baseline_citing_P2_v2()
    {
        var recorded = Assert.IsType<NextMorningPainRecorded>(Assert.Single(_scenario.Morning(1, 2)));

        Assert.Equal((2, 2, false, "anterior_knee"), (recorded.Pain, recorded.Baseline, recorded.AboveBaseline, recorded.BodySite));
        Assert.Equal(("P2", 2, "A"), (recorded.Why.RuleId, recorded.Why.RuleVersion, recorded.Why.Evidence));
        Assert.Contains("no report for the site in the 7 days before", recorded.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void The_baseline_is_the_median_of_the_last_7_days_so_one_bad_morning_does_not_move_it_and_plus_1_is_noise()
    {
        _scenario.Morning(1, 1);
        _scenario.Morning(2, 5);
        _scenario.Morning(3, 1);
        _scenario.Session(3);

        var noise = Assert.IsType<NextMorningPainRecorded>(Assert.Single(_scenario.Morning(4, 2)));
        Assert.Equal((1, false), (noise.Baseline, noise.AboveBaseline));
        Assert.Contains("median of 3 report(s)", noise.Why.Sentence, StringComparison.Ordinal);
        Assert.Contains("+1 is noise", noise.Why.Sentence, StringComparison.Ordinal);
        Assert.False(_scenario.Program.RegressNextSession);
    }

    [Fact]
    public void The_baseline_rolls_a_site_that_settled_at_3_for_a_week_is_not_up_at_3_against_a_first_report_of_0()
    {
        _scenario.Morning(0, 0);
        for (var day = 1; day <= 8; day++)
        {
            _scenario.Morning(day, 3);
        }

        _scenario.Session(9);
        var recorded = Assert.IsType<NextMorningPainRecorded>(Assert.Single(_scenario.Morning(10, 3)));

        Assert.Equal((3, false), (recorded.Baseline, recorded.AboveBaseline));
    }

    [Fact]
    public void Morning_pain_up_by_2_the_morning_after_the_latest_session_steps_back_the_next_session_only()
    {
        _scenario.Morning(0, 1);
        _scenario.Session(0);
        _scenario.Morning(1, 1);
        _scenario.Session(2);
        var morning = _scenario.Morning(3, 3);
        var next = _scenario.Session(4);
        var after = _scenario.Session(6);

        var planned = Assert.IsType<NextSessionRegressionPlanned>(morning[1]);
        Assert.Equal(("T4", 1), (planned.Why.RuleId, planned.Baseline));
        Assert.Contains("was up on the baseline of 1/10", planned.Why.Sentence, StringComparison.Ordinal);
        Assert.Equal(4, next.OfType<ExerciseRegressed>().Count());
        Assert.Contains("(P2)", next.OfType<ExerciseRegressed>().First().Why.Sentence, StringComparison.Ordinal);
        Assert.Contains("next_morning:2026-01-08", next.OfType<ExerciseRegressed>().First().Why.TriggeringIds);
        Assert.Empty(after.OfType<ExerciseRegressed>());
        Assert.False(_scenario.Program.RegressNextSession);
    }

    [Fact]
    public void A_morning_up_that_is_not_the_morning_after_the_latest_session_plans_no_step_back()
    {
        _scenario.Morning(0, 1);
        _scenario.Session(0);

        var late = _scenario.Morning(2, 4);

        Assert.True(Assert.IsType<NextMorningPainRecorded>(Assert.Single(late)).AboveBaseline);
        Assert.False(_scenario.Program.RegressNextSession);
    }

    [Fact]
    public void A_weeks_old_report_or_another_sites_report_does_not_let_a_session_progress()
    {
        _scenario.Morning(1, 1);
        _scenario.Session(14);
        MorningAt(15, 1, "calf");
        var held = _scenario.Session(16).OfType<ExerciseHeld>().ToList();

        Assert.Equal(3, held.Count);
        Assert.All(held, h => Assert.Equal(("P2", 2), (h.Why.RuleId, h.Why.RuleVersion)));
        Assert.Contains("no next-morning report for the morning after the session on 2026-01-19 at the anterior knee",
            held[0].Why.Sentence, StringComparison.Ordinal);
        _scenario.Morning(17, 1);
        Assert.Equal(3, _scenario.Session(18).OfType<ExerciseProgressed>().Count());
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
