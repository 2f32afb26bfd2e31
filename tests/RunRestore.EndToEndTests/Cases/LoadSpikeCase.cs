using RunRestore.Programming.V1;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// A runner with shin pain who doubles a week's running after four steady weeks: L2 (acute:chronic, high) and L3
/// (weekly jump) fire together, and programming answers once (T5): one running advice, one week's hold on
/// progressions, the second flag joining the first; after the week nothing holds the program any more — 8 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class LoadSpikeCase(CaseServices services)
{
    [Fact]
    public async Task Two_load_flags_in_one_week_get_one_T5_answer_and_the_hold_ends_after_the_week()
    {
        var runner = await new RunnerCase(services, "clinic-case-spike").RegisterAsync("Eager Runner", 1993, Common.V1.Sex.Male);
        await runner.PainAsync(IntakeApi.BodySite.MedialShin, 2, IntakeApi.PainPhase.AfterRun, IntakeApi.Side.Both);
        await runner.ScreenAsync("medial shin ache after runs",
            ("foot_posture_index", AssessmentApi.BodySide.Left, 8, AssessmentApi.Rating.Unspecified),
            ("foot_posture_index", AssessmentApi.BodySide.Right, 9, AssessmentApi.Rating.Unspecified),
            ("single_leg_heel_raise", AssessmentApi.BodySide.Left, 22, AssessmentApi.Rating.Unspecified),
            ("single_leg_heel_raise", AssessmentApi.BodySide.Right, 21, AssessmentApi.Rating.Unspecified));

        // Weeks 1-4: 4 × 5 km easy; week 5: 4 × 10 km (twice the distance and 2.5 times the load); weeks 6-8: 4 × 5 km.
        var days = new Dictionary<(int Week, int Day), IReadOnlyList<ProgramChange>>();
        for (var week = 0; week < 8; week++)
        {
            for (var day = 0; day < 7; day++)
            {
                if (day is 0 or 2 or 4 or 6)
                {
                    await runner.RunAsync(week == 4 ? 10 : 5, rpe: week == 4 ? 5 : 4);
                }

                days[(week, day)] = day switch
                {
                    1 or 5 => (await runner.SessionAsync(pain: 1)).Changes,
                    2 or 6 => (await runner.NextMorningAsync(1)).Changes,
                    _ => [],
                };
                if (week == 4 && day == 6)
                {
                    // A day is long enough for intake's flags to reach programming.
                    await runner.UntilHistoryAsync(c => c.Type == "running_volume_advised", "the T5 advice");
                }

                await runner.NextDayAsync();
            }
        }

        var history = await runner.HistoryAsync();
        var advice = Assert.Single(history, c => c.Type == "running_volume_advised");
        Assert.Equal("T5", advice.Why.RuleId);
        Assert.Single(history, c => c.Type == "progressions_held" && c.Why.RuleId == "T5");
        Assert.Single(history, c => c.Type == "load_flag_joined_hold");
        // The Tuesday after the spike falls inside the week's hold; weeks 7-8 progress again.
        Assert.DoesNotContain(days[(5, 1)], c => c.Type == "exercise_progressed");
        // Weeks 7-8: the hold is over (by then the four exercises stand near the top of their ladders).
        Assert.DoesNotContain(days.Where(d => d.Key.Week >= 6).SelectMany(d => d.Value), c => c.Type == "exercise_held" && c.Why.RuleId == "T5");
        var program = await runner.ProgramAsync();
        Assert.True(string.CompareOrdinal(program.ProgressionsHeldUntil, runner.Today) < 0, program.ProgressionsHeldUntil);
        WholeCase.EveryEntryNamesItsRule(history);
    }
}
