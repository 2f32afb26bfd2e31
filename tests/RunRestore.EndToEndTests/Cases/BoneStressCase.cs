using RunRestore.Programming.V1;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;
using RedFlagRules = RunRestore.Contracts.Safety.RedFlagRules;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// A runner whose shin starts hurting earlier in each run (R2, anterior tibia a high-risk site): the clinic is alerted
/// at once, the program is held for three weeks of diligent sessions, and moves on only after a clinician clears the
/// flag with a reason — 8 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class BoneStressCase(CaseServices services)
{
    [Fact]
    public async Task A_bone_stress_suspicion_holds_everything_until_a_clinician_clears_it_and_the_program_then_moves_on()
    {
        var runner = await new RunnerCase(services, "clinic-case-bone").RegisterAsync("Shin Runner", 1998, Common.V1.Sex.Female);
        await runner.RunAsync(8);
        await runner.NextDayAsync(2);
        var run = await runner.RunAsync(8);
        var report = await runner.PainAsync(IntakeApi.BodySite.AnteriorShin, 4, IntakeApi.PainPhase.DuringRun, linkedRunId: run,
            redFlags: new() { PainEarlierEachRun = IntakeApi.RedFlagAnswer.Yes });

        var flag = Assert.Single(report.RedFlags);
        Assert.Equal(("R2", 2, "critical"), (flag.RuleId, flag.RuleVersion, flag.Severity));

        await runner.NextDayAsync();
        await runner.ScreenAsync("shin pain, earlier in each run",
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.8, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.3, AssessmentApi.Rating.Unspecified),
            ("single_leg_balance_eyes_closed", AssessmentApi.BodySide.Left, 25, AssessmentApi.Rating.Unspecified),
            ("single_leg_balance_eyes_closed", AssessmentApi.BodySide.Right, 7, AssessmentApi.Rating.Unspecified));

        // The flag crosses the broker from intake, the screen from assessment: whichever comes first, the program ends
        // up held.
        GetCurrentProgramResponse program = null!;
        await RunnerCase.UntilAsync(async () => (program = await runner.ProgramAsync()).OpenRedFlags.Count > 0, "the red flag to hold the program");
        var open = Assert.Single(program.OpenRedFlags);
        Assert.Equal(flag.RedFlagId, open.RedFlagId);
        Assert.Contains(RedFlagRules.RunnerAdvice, program.Advice);
        await runner.UntilHistoryAsync(c => c.Type == "clinician_alert_raised" && c.Why.RuleId == "R2" && c.Summary.Contains("critical", StringComparison.Ordinal),
            "the critical R2 alert");

        // Three weeks of good sessions (Mon, Wed, Fri): nothing progresses and the runner stays in Restore.
        for (var day = 0; day < 21; day++)
        {
            if (day % 7 is 0 or 2 or 4)
            {
                var held = await runner.SessionAsync(pain: 1);
                Assert.DoesNotContain(held.Changes, c => c.Type is "exercise_progressed" or "phase_advanced");
            }

            await runner.NextDayAsync();
        }

        var history = await runner.HistoryAsync();
        Assert.Contains(history, c => c.Type == "exercise_held" && c.Why.RuleId == "R2");
        Assert.Equal(Phase.Restore, (await runner.ProgramAsync()).Phase);

        var cleared = await runner.Programs.ClearRedFlagAsync(new()
        {
            RunnerId = runner.RunnerId, RedFlagId = flag.RedFlagId, Reason = "MRI: no bone stress reaction; return to running as planned",
        });
        Assert.Equal("red_flag_cleared", Assert.Single(cleared.Changes).Type);

        // Four more weeks: sessions on different days now move the program on.
        var moved = new List<ProgramChange>();
        for (var day = 0; day < 28; day++)
        {
            if (day % 7 is 0 or 2 or 4)
            {
                moved.AddRange((await runner.SessionAsync(pain: 1)).Changes);
            }
            else if (day % 7 is 1 or 3 or 5)
            {
                moved.AddRange((await runner.NextMorningAsync(0)).Changes);
            }

            await runner.NextDayAsync();
        }

        Assert.Contains(moved, c => c.Type == "exercise_progressed" && c.Why.RuleId == "T3");
        Assert.Contains(moved, c => c.Type == "phase_advanced" && c.Summary.Contains("maintain", StringComparison.OrdinalIgnoreCase));
        program = await runner.ProgramAsync();
        Assert.Empty(program.OpenRedFlags);
        Assert.DoesNotContain(RedFlagRules.RunnerAdvice, program.Advice);
        WholeCase.EveryEntryNamesItsRule(await runner.HistoryAsync());
    }
}
