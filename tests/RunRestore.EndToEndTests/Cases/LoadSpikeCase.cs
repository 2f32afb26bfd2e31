using RunRestore.Programming.V1;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// A runner with shin pain who doubles a week's running after four steady weeks: L2 (acute:chronic, high) and L3
/// (weekly jump) fire together, and programming answers once (T5): one running advice, one week's hold on
/// progressions, the second flag joining the first; after the week the program progresses again — 8 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class LoadSpikeCase(CaseServices services)
{
    [Fact]
    public async Task Two_load_flags_in_one_week_get_one_T5_answer_and_progress_resumes_after_the_week()
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
                await runner.NextDayAsync();
            }
        }

        var history = await runner.HistoryAsync();
        var advice = Assert.Single(history, c => c.Type == "running_volume_advised");
        Assert.Equal("T5", advice.Why.RuleId);
        Assert.Single(history, c => c.Type == "progressions_held" && c.Why.RuleId == "T5");
        Assert.Single(history, c => c.Type == "load_flag_joined_hold");
        // The spike week's Saturday and the next Tuesday fall inside the week's hold; weeks 7-8 progress again.
        Assert.DoesNotContain(days[(4, 5)].Concat(days[(5, 1)]), c => c.Type == "exercise_progressed");
        Assert.True(days[(5, 1)].Any(c => c.Type == "exercise_held" && c.Why.RuleId == "T5"),
            string.Join("\n", history.Select(c => $"{c.Type} {c.Why.RuleId}: {c.Summary}")));
        Assert.Contains(days.Where(d => d.Key.Week >= 6).SelectMany(d => d.Value), c => c.Type == "exercise_progressed" && c.Why.RuleId == "T3");
        WholeCase.EveryEntryNamesItsRule(history);
    }
}
