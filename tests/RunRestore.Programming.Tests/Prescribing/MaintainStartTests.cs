using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Prescribing;

/// <summary>
/// Issue 13: a runner with no open pain and a screen with nothing to treat has no pain for Restore to settle, so the
/// first program starts in Maintain with T1's 2-3 strength sessions a week; any open pain keeps Restore.
/// </summary>
public sealed class MaintainStartTests
{
    private static ProgramPrescribed Prescribe(ScreenSummary screen) =>
        Assert.IsType<ProgramPrescribed>(new ProgramScenario().Prescribe(screen)[0]);

    private static RunnerPain Pain(IntakeSignalLog log, string? site = null) => RunnerPain.From(log, site);

    [Fact]
    public void A_pain_free_runner_with_a_normal_screen_starts_in_Maintain_twice_a_week_citing_T1()
    {
        var prescribed = Prescribe(Screens.First(painSite: null) with { Pain = RunnerPain.None });

        Assert.Equal(Phase.Maintain, prescribed.Phase);
        Assert.Equal(2, prescribed.SessionsPerWeek);
        Assert.Equal(2, prescribed.Week.StrengthDays.Count);
        Assert.Equal(("T1", "A"), (prescribed.Why.RuleId, prescribed.Why.Evidence));
        Assert.Contains("No open pain and a screen with nothing to treat: there is no pain for Restore to settle, so the " +
            "program starts in Maintain with progressive strength 2 times a week (T1", prescribed.Why.Sentence, StringComparison.Ordinal);
        Assert.InRange(prescribed.Exercises.Count, 4, 6);
        Assert.All(prescribed.Exercises, e => Assert.Equal("T2:general", e.FindingKey));
    }

    [Fact]
    public void Knee_pain_intake_resolved_and_a_screen_with_only_a_sleep_flag_start_in_Maintain()
    {
        var log = new IntakeSignalLog(Id(1), []).With(new KnownPainReport(Id(51), Day(-20), "anterior_knee", "left", 4))
            .Resolving(Id(51));

        var prescribed = Prescribe(Screens.First("anterior_knee", Screens.ShortSleep) with { Pain = Pain(log, "anterior_knee") });

        Assert.Equal(Phase.Maintain, prescribed.Phase);
        Assert.Contains("(the anterior knee pain is resolved)", prescribed.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_pain_anywhere_a_pain_site_never_reported_or_a_finding_to_treat_keep_the_first_program_in_Restore()
    {
        var openHip = new IntakeSignalLog(Id(1), []).With(new KnownPainReport(Id(52), Day(-3), "lateral_hip", "right", 2));

        var withOpenPain = Prescribe(Screens.First(painSite: null) with { Pain = Pain(openHip) });
        var withUnreportedSite = Prescribe(Screens.First("achilles") with { Pain = RunnerPain.None });
        var withFinding = Prescribe(Screens.First(painSite: null, Screens.Calf) with { Pain = RunnerPain.None });

        Assert.All([withOpenPain, withUnreportedSite, withFinding], p =>
        {
            Assert.Equal((Phase.Restore, 3, "T8"), (p.Phase, p.SessionsPerWeek, p.Why.RuleId));
            Assert.DoesNotContain("Maintain", p.Why.Sentence, StringComparison.Ordinal);
        });
    }
}
