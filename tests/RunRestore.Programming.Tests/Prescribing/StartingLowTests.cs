using RunRestore.Programming.Library;
using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Prescribing;

/// <summary>
/// Issue 13, start low in Restore: while the runner's latest pain at the screen's site (any phase) is ≥ 4/10, no
/// exercise starts above the second step of its ladder, and the why says so.
/// </summary>
public sealed class StartingLowTests
{
    // M6 takes the balance ladder, so the Y-balance finding (M5) would get the reverse lunge with knee drive: step 4 of 5.
    private static readonly ScreenFinding SingleLegBalance = new("M6:foot_ankle_control:left", "balance", "foot_ankle_control", "left", "M6");

    private static ScreenSummary Screen(int kneePain) => Screens.First(SingleLegBalance, Screens.YBalance) with
    {
        Pain = RunnerPain.From(new IntakeSignalLog(Id(1), [])
            .With(new KnownPainReport(Id(51), Day(-9), "anterior_knee", "right", 2))
            .With(new KnownPainReport(Id(52), Day(-2), "anterior_knee", "right", kneePain))
            .With(new KnownPainReport(Id(53), Day(-1), "lateral_hip", "left", 1)), "anterior_knee"),
    };

    private static ProgramPrescribed Prescribe(ScreenSummary screen) =>
        Assert.IsType<ProgramPrescribed>(new ProgramScenario().Prescribe(screen)[0]);

    [Fact]
    public void At_5_of_10_knee_pain_the_Y_balance_finding_starts_on_the_second_step_of_the_squat_ladder()
    {
        var prescribed = Prescribe(Screen(kneePain: 5));

        Assert.Equal(Phase.Restore, prescribed.Phase);
        Assert.All(prescribed.Exercises, e => Assert.True(ExerciseLibrary.Get(e.Code).Step <= 1, e.Code));
        var yBalance = Assert.Single(prescribed.Exercises, e => e.FindingKey == Screens.YBalance.Key);
        Assert.Equal("split_squat", yBalance.Code);
        Assert.Equal(("M5", 1), (yBalance.Why.RuleId, yBalance.Why.RuleVersion));
        Assert.Contains("starts on step 2 of 5", yBalance.Why.Sentence, StringComparison.Ordinal);
        Assert.Contains("No exercise starts above step 2 of its ladder while the latest anterior knee pain is 5/10 " +
            "(reported 2026-01-03, ≥ 4/10)", yBalance.Why.Sentence, StringComparison.Ordinal);
        Assert.Contains("Restore starts low", prescribed.Why.Sentence, StringComparison.Ordinal);
        Assert.Equal(3, prescribed.SessionsPerWeek);
    }

    [Fact]
    public void At_3_of_10_the_same_screen_may_start_higher_and_says_nothing_of_starting_low()
    {
        var prescribed = Prescribe(Screen(kneePain: 3));

        Assert.Equal("reverse_lunge_knee_drive", Assert.Single(prescribed.Exercises, e => e.FindingKey == Screens.YBalance.Key).Code);
        Assert.DoesNotContain(prescribed.Exercises, e => e.Why.Sentence.Contains("starts low", StringComparison.Ordinal));
    }

    [Fact]
    public void A_re_screen_in_Restore_at_6_of_10_starts_its_new_exercise_low_and_keeps_the_old_ones_at_their_step()
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(SingleLegBalance));
        scenario.Morning(0, 1);
        scenario.Session(0);
        scenario.Morning(1, 1);
        scenario.Session(2);
        scenario.Morning(3, 1);
        var stepped = scenario.Program.Exercises.Single(x => x.FindingKey == SingleLegBalance.Key).Code;

        var revised = scenario.Prescribe(Screen(kneePain: 6) with
        {
            AssessmentId = Id(9020), CompletedOn = Day(20), IsReassessment = true,
        }, day: 20).OfType<ProgramRevised>().Single();

        Assert.Equal("single_leg_balance_eyes_closed", stepped);
        Assert.Equal(stepped, revised.Exercises.Single(e => e.FindingKey == SingleLegBalance.Key).Code);
        Assert.Equal("split_squat", revised.Exercises.Single(e => e.FindingKey == Screens.YBalance.Key).Code);
        Assert.Contains("latest anterior knee pain is 6/10", revised.Why.Sentence, StringComparison.Ordinal);
    }
}
