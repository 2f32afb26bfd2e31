using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Prescribing;

/// <summary>
/// Issue 13: S1/S2 hold progressions until intake clears them, so a first program keeps every one still open however
/// long before it was raised; T5's load flags still count only for their week.
/// </summary>
public sealed class FlagsBeforeProgramTests
{
    private static IReadOnlyList<object> FirstProgram(IntakeSignalLog log) =>
        PrescribingProgram.DecideFirst(Screens.First(Screens.AnteriorKnee), [], log, At(0, 8));

    [Fact]
    public void Short_sleep_flagged_three_weeks_before_the_first_screen_still_holds_the_new_program_naming_S1()
    {
        var log = new IntakeSignalLog(Id(1), [])
            .With(new RaisedLoadFlag("S1", "short_sleep", "caution", Day(-21)))
            .With(new RaisedLoadFlag("L3", "distance_jump", "caution", Day(-10)))
            .With(new RaisedLoadFlag("L3", "distance_jump", "caution", Day(-2)));
        var scenario = new ProgramScenario().Given([.. FirstProgram(log)]);

        scenario.Session(8);
        scenario.Morning(9, 1);
        var second = scenario.Session(10);

        var wellness = Assert.Single(scenario.History.OfType<ProgressionsHeldForWellness>());
        Assert.Equal(("S1", 2, "short_sleep"), (wellness.Why.RuleId, wellness.Why.RuleVersion, wellness.Kind));
        Assert.Contains("sleep has averaged under 7 hours", wellness.Why.Sentence, StringComparison.Ordinal);
        // Only the L3 of the last week reacts (T5: one week); the one 10 days back is over.
        Assert.Equal(Day(7), Assert.Single(scenario.History.OfType<ProgressionsHeld>()).Until);
        // Two good sessions on days 8 and 10, after T5's week: still held, and the hold names S1.
        Assert.Empty(second.OfType<ExerciseProgressed>());
        var held = second.OfType<ExerciseHeld>().ToList();
        Assert.NotEmpty(held);
        Assert.All(held, h => Assert.Equal(("S1", 2), (h.Why.RuleId, h.Why.RuleVersion)));
    }

    [Fact]
    public void A_later_load_flag_does_not_push_an_open_sleep_flag_out_of_the_log()
    {
        var log = new IntakeSignalLog(Id(1), [])
            .With(new RaisedLoadFlag("S2", "high_stress", "caution", Day(-40)))
            .With(new RaisedLoadFlag("L3", "distance_jump", "caution", Day(-40)))
            .With(new RaisedLoadFlag("L2", "acute_chronic", "high", Day(-1)));

        Assert.Equal(["S2", "L2"], log.FlagsForNewProgram(Day(0)).Select(f => f.RuleId));
        Assert.Equal("S2", Assert.Single(FirstProgram(log).OfType<ProgressionsHeldForWellness>()).RuleId);
    }

    [Fact]
    public void A_sleep_flag_intake_cleared_before_the_screen_does_not_hold_the_new_program()
    {
        var log = new IntakeSignalLog(Id(1), [])
            .With(new RaisedLoadFlag("S1", "short_sleep", "caution", Day(-21)))
            .Without("S1", "short_sleep", Day(-3));

        var events = FirstProgram(log);

        Assert.Empty(events.OfType<ProgressionsHeldForWellness>());
        Assert.Empty(new ProgramScenario().Given([.. events]).Program.ActiveWellnessFlags);
    }
}
