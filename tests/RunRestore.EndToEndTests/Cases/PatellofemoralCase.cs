using RunRestore.Programming.V1;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// Front-of-knee pain with weak hip abductors and a poor single-leg squat on the painful side (K1): Restore, then
/// Maintain after two consistent weeks (T8); a 6-week re-screen that skips the squat keeps technique locked and says
/// why (T6: untested is not resolved); a full re-screen a week later finds both resolved, the revision no longer cites
/// them, pain-free running is the evidence and the runner moves to Improve — 12 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class PatellofemoralCase(CaseServices services)
{
    private static readonly (string, AssessmentApi.BodySide, double, AssessmentApi.Rating)[] WeakRightHip =
    [
        ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.8, AssessmentApi.Rating.Unspecified),
        ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.3, AssessmentApi.Rating.Unspecified),
        ("single_leg_squat", AssessmentApi.BodySide.Left, 0, AssessmentApi.Rating.Good),
        ("single_leg_squat", AssessmentApi.BodySide.Right, 0, AssessmentApi.Rating.Poor),
    ];

    [Fact]
    public async Task Restore_then_Maintain_then_a_full_re_screen_opens_technique_and_Improve()
    {
        var runner = await new RunnerCase(services, "clinic-case-knee").RegisterAsync("Knee Runner", 1991, Common.V1.Sex.Female);
        var run = await runner.RunAsync(9);
        var pain = await runner.PainAsync(IntakeApi.BodySite.AnteriorKnee, 3, IntakeApi.PainPhase.DuringRun, IntakeApi.Side.Right, linkedRunId: run);
        await runner.NextDayAsync();
        var first = await runner.ScreenAsync("right knee aches from 9 km", WeakRightHip);
        var program = await runner.ProgramAsync();
        Assert.Equal(Phase.Restore, program.Phase);
        var hipKeys = program.Exercises.Select(e => e.FindingKey).Where(k => k.StartsWith("M4", StringComparison.Ordinal)
            || k.StartsWith("M1", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(hipKeys);

        // Six weeks: strength Mon/Wed/Fri at 1/10, easy runs Tue/Thu/Sat without pain.
        var weeks = await TrainAsync(runner, 6);
        Assert.Contains(weeks, c => c.Type == "phase_advanced" && c.Why.RuleId == "T8");
        Assert.Equal(Phase.Maintain, (await runner.ProgramAsync()).Phase);
        await runner.Intake.ReportPainResolvedAsync(new() { RunnerId = runner.RunnerId, PainReportId = pain.PainReportId, Date = runner.Today });

        // Day 43: a re-screen without the squat — the squat finding is not re-tested, so technique stays locked.
        await runner.ScreenAsync("6-week re-screen (short)",
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.8, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.75, AssessmentApi.Rating.Unspecified));
        var locked = await runner.UntilHistoryAsync(c => c.Type == "technique_stayed_locked", "T6's stored reason");
        Assert.Equal(("T6", 2), (locked.Why.RuleId, locked.Why.RuleVersion));
        Assert.True(locked.Summary.Contains("did not re-test", StringComparison.Ordinal), locked.Summary);
        Assert.Equal(Phase.Maintain, (await runner.ProgramAsync()).Phase);

        // A week on, the full re-screen: both findings resolved, three pain-free runs in 14 days → Improve.
        await TrainAsync(runner, 1);
        await runner.ScreenAsync("6-week re-screen (full)",
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.8, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.75, AssessmentApi.Rating.Unspecified),
            ("single_leg_squat", AssessmentApi.BodySide.Left, 0, AssessmentApi.Rating.Good),
            ("single_leg_squat", AssessmentApi.BodySide.Right, 0, AssessmentApi.Rating.Good));
        program = await runner.ProgramAsync();
        Assert.Equal(Phase.Improve, program.Phase);
        Assert.DoesNotContain(program.Exercises, e => hipKeys.Contains(e.FindingKey));
        var revised = (await runner.HistoryAsync()).Last(c => c.Type == "program_revised");
        Assert.DoesNotContain(hipKeys, k => revised.Why.TriggeringIds.Contains(k));

        // Five more weeks in Improve.
        await TrainAsync(runner, 5);
        Assert.Equal(Phase.Improve, (await runner.ProgramAsync()).Phase);
        Assert.NotEqual(first, (await runner.ProgramAsync()).AssessmentId);
        WholeCase.EveryEntryNamesItsRule(await runner.HistoryAsync());
    }

    private static async Task<List<ProgramChange>> TrainAsync(RunnerCase runner, int weeks)
    {
        var changes = new List<ProgramChange>();
        for (var day = 0; day < 7 * weeks; day++)
        {
            switch (day % 7)
            {
                case 0 or 2 or 4:
                    changes.AddRange((await runner.SessionAsync(pain: 1)).Changes);
                    break;
                case 1 or 3 or 5:
                    changes.AddRange((await runner.NextMorningAsync(1)).Changes);
                    await runner.RunAsync(6);
                    break;
            }

            await runner.NextDayAsync();
        }

        return changes;
    }
}
