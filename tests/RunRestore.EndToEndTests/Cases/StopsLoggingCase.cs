using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// A runner who ramps up (L3), is told to cut the next week (T5), and then stops logging altogether: the daily
/// re-evaluation clears the load flag once it is no longer true, and the engagement rule nudges after 49 h, alerts the
/// clinician after 14 days and marks the runner inactive at 21 (P4) — 9 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class StopsLoggingCase(CaseServices services)
{
    [Fact]
    public async Task A_runner_who_stops_logging_loses_a_stale_load_flag_and_the_clinic_hears_of_the_silence()
    {
        var runner = await new RunnerCase(services, "clinic-case-silent").RegisterAsync("Quiet Runner", 1990, Common.V1.Sex.Male);
        await runner.PainAsync(IntakeApi.BodySite.LateralKnee, 3, IntakeApi.PainPhase.AfterRun);
        await runner.ScreenAsync("outer knee pain after long runs",
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.8, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.3, AssessmentApi.Rating.Unspecified));

        // Four weeks of 4 × 5 km, then a week of 4 × 9 km: +80 % on a 20 km week (L3).
        for (var week = 0; week < 5; week++)
        {
            for (var day = 0; day < 7; day++)
            {
                if (day is 0 or 2 or 4 or 6)
                {
                    await runner.RunAsync(week < 4 ? 5 : 9);
                }

                if (day is 1 or 5)
                {
                    await runner.SessionAsync(pain: 1);
                }

                if (week == 4 && day == 6)
                {
                    var spike = await runner.Intake.GetTrainingLoadAsync(new() { RunnerId = runner.RunnerId });
                    Assert.Contains(spike.ActiveFlags, f => f.RuleId == "L3");
                }

                await runner.NextDayAsync();
            }
        }

        await runner.UntilHistoryAsync(c => c.Type == "running_volume_advised" && c.Why.RuleId is "T5", "the T5 advice");

        // Then nothing for four weeks.
        await runner.NextDayAsync(3);
        await runner.UntilHistoryAsync(c => c.Type == "engagement_nudged" && c.Why.RuleId == "P4", "the 49 h nudge");
        await runner.NextDayAsync(11);
        await runner.UntilHistoryAsync(c => c.Type == "clinician_alert_raised" && c.Why.RuleId == "P4", "the 14-day alert");
        await runner.NextDayAsync(14);

        var load = await runner.Intake.GetTrainingLoadAsync(new() { RunnerId = runner.RunnerId });
        Assert.Equal(runner.Today, load.AsOf);
        Assert.DoesNotContain(load.ActiveFlags, f => f.RuleId == "L3");
        var history = await runner.HistoryAsync();
        Assert.Equal(2, history.Count(c => c.Type == "clinician_alert_raised" && c.Why.RuleId == "P4"));
        WholeCase.EveryEntryNamesItsRule(history);
    }
}
