using RunRestore.Programming.V1;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// A runner in a stressful month, sleeping five and a half hours: while intake's S1 (sleep) and S2 (stress) flags are
/// active the program holds its progressions and says which flag holds them, however well the sessions go; once
/// sleep and stress recover intake clears the flags and the program moves on — 8 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class StressedSleeperCase(CaseServices services)
{
    [Fact]
    public async Task Short_sleep_and_high_stress_hold_progressions_until_intake_clears_them()
    {
        var runner = await new RunnerCase(services, "clinic-case-stress").RegisterAsync("Busy Runner", 1986, Common.V1.Sex.Female);
        await runner.PainAsync(IntakeApi.BodySite.AnteriorKnee, 3, IntakeApi.PainPhase.AfterRun, IntakeApi.Side.Left);
        await runner.ScreenAsync("front-of-knee pain after runs",
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.3, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.8, AssessmentApi.Rating.Unspecified),
            ("single_leg_squat", AssessmentApi.BodySide.Left, 0, AssessmentApi.Rating.Poor),
            ("single_leg_squat", AssessmentApi.BodySide.Right, 0, AssessmentApi.Rating.Good));

        // Weeks 1-3: every morning 5.5 h of sleep and stress 5/5 (a week's flags need 3 reports: from day 3 on);
        // sessions Mon, Wed, Fri at 1/10 with calm mornings.
        var held = new List<ProgramChange>();
        for (var day = 0; day < 21; day++)
        {
            await runner.WellnessAsync(5.5, 5);
            if (day == 2)
            {
                await runner.UntilHistoryAsync(c => c.Type == "progressions_held" && c.Why.RuleId == "S1", "S1's hold");
                await runner.UntilHistoryAsync(c => c.Type == "progressions_held" && c.Why.RuleId == "S2", "S2's hold");
            }

            var changes = await DayOfTrainingAsync(runner, day);
            if (day >= 2)
            {
                held.AddRange(changes);
            }

            await runner.NextDayAsync();
        }

        Assert.DoesNotContain(held, c => c.Type == "exercise_progressed");
        Assert.Contains(held, c => c.Type == "exercise_held" && c.Why.RuleId is "S1" or "S2");
        var program = await runner.ProgramAsync();
        Assert.Contains(program.Advice, a => a.Contains("S1", StringComparison.Ordinal) || a.Contains("S2", StringComparison.Ordinal));

        // Weeks 4-8: eight hours and stress 2/5; once intake clears both flags the next good sessions progress (T3).
        var later = new List<ProgramChange>();
        for (var day = 21; day < 56; day++)
        {
            await runner.WellnessAsync(8, 2);
            later.AddRange(await DayOfTrainingAsync(runner, day));
            await runner.NextDayAsync();
        }

        var history = await runner.HistoryAsync();
        Assert.Contains(history, c => c.Type == "progressions_resumed" && c.Why.RuleId == "S1");
        Assert.Contains(history, c => c.Type == "progressions_resumed" && c.Why.RuleId == "S2");
        Assert.Contains(later, c => c.Type == "exercise_progressed" && c.Why.RuleId == "T3");
        Assert.DoesNotContain((await runner.ProgramAsync()).Advice, a => a.Contains("S2", StringComparison.Ordinal));
        WholeCase.EveryEntryNamesItsRule(history);
    }

    private static async Task<IEnumerable<ProgramChange>> DayOfTrainingAsync(RunnerCase runner, int day) => (day % 7) switch
    {
        0 or 2 or 4 => (await runner.SessionAsync(pain: 1)).Changes,
        1 or 3 or 5 => (await runner.NextMorningAsync(1)).Changes,
        _ => [],
    };
}
