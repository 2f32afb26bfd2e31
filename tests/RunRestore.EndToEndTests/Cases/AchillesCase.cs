using RunRestore.Programming.V1;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// A 45-year-old with mid-portion Achilles tendinopathy: the clinician allows pain up to 5/10 (P1, tendinopathy only),
/// so sessions at 4/10 still progress the calf work (T3); a flare to 6/10 regresses it (T4) and alerts the clinic
/// (P3); the next-morning response decides the sessions after it (P2) — 8 weeks in all.
/// </summary>
[Collection(WholeCases.Name)]
public sealed class AchillesCase(CaseServices services)
{
    [Fact]
    public async Task With_the_ceiling_at_five_tolerable_tendon_pain_progresses_and_a_flare_regresses_and_alerts()
    {
        var runner = await new RunnerCase(services, "clinic-case-achilles").RegisterAsync("Tendon Runner", 1981, Common.V1.Sex.Male);
        var run = await runner.RunAsync(10);
        await runner.PainAsync(IntakeApi.BodySite.Achilles, 4, IntakeApi.PainPhase.DuringRun, linkedRunId: run);
        await runner.NextDayAsync();
        await runner.ScreenAsync("right Achilles pain from 6 km",
            ("single_leg_heel_raise", AssessmentApi.BodySide.Left, 27, AssessmentApi.Rating.Unspecified),
            ("single_leg_heel_raise", AssessmentApi.BodySide.Right, 16, AssessmentApi.Rating.Unspecified));
        var program = await runner.ProgramAsync();
        Assert.Equal(3, program.PainCeiling);
        var calf = program.Exercises.Where(e => e.Ladder.Contains("calf", StringComparison.OrdinalIgnoreCase)
            || e.Code.Contains("heel", StringComparison.Ordinal) || e.Code.Contains("calf", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(calf);

        var ceiling = await runner.Programs.SetPainCeilingAsync(new()
        {
            RunnerId = runner.RunnerId, PainCeiling = 5, Reason = "mid-portion Achilles tendinopathy: pain up to 5/10 accepted",
        });
        var set = Assert.Single(ceiling.Changes);
        Assert.Equal(("pain_ceiling_set", "P1", 2), (set.Type, set.Why.RuleId, set.Why.RuleVersion));

        // Week 1: sessions at 4/10 on Mon and Wed with a steady next morning: above the default 3, within the 5.
        var changes = new List<ProgramChange>();
        changes.AddRange((await runner.SessionAsync(pain: 4)).Changes);
        await runner.NextDayAsync();
        changes.AddRange((await runner.NextMorningAsync(2)).Changes);
        await runner.NextDayAsync();
        changes.AddRange((await runner.SessionAsync(pain: 4)).Changes);
        Assert.Contains(changes, c => c.Type == "exercise_progressed" && c.Why.RuleId == "T3");
        await runner.NextDayAsync();
        await runner.NextMorningAsync(2);
        await runner.NextDayAsync();

        // Friday: a flare to 6/10 — over the ceiling (T4) and +2 on the last report for the site (P3).
        var flare = (await runner.SessionAsync(pain: 6)).Changes;
        Assert.Contains(flare, c => c.Type == "exercise_regressed" && c.Why.RuleId == "T4");
        Assert.Contains(flare, c => c.Type == "clinician_alert_raised" && c.Why.RuleId == "P3");

        // Seven more weeks, three sessions a week at 3/10 and calm mornings: the calf work climbs its ladder again.
        var later = new List<ProgramChange>();
        for (var day = 0; day < 49; day++)
        {
            await runner.NextDayAsync();
            if (day % 7 is 0 or 2 or 4)
            {
                later.AddRange((await runner.SessionAsync(pain: 3)).Changes);
            }
            else if (day % 7 is 1 or 3 or 5)
            {
                later.AddRange((await runner.NextMorningAsync(1)).Changes);
            }
        }

        Assert.True(later.Count(c => c.Type == "exercise_progressed") >= 2, string.Join("\n", later.Select(c => c.Type + ": " + c.Summary)));
        Assert.DoesNotContain(later, c => c.Type == "exercise_regressed");
        Assert.Equal(5, (await runner.ProgramAsync()).PainCeiling);
        WholeCase.EveryEntryNamesItsRule(await runner.HistoryAsync());
    }
}
