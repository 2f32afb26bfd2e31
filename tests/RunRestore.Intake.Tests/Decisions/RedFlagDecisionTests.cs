using RunRestore.Contracts;
using RunRestore.Contracts.Safety;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Training;
using Xunit;
using BodySites = RunRestore.Contracts.Intake.BodySites;
using RedFlagRaised = RunRestore.Intake.Pain.RedFlagRaised;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

/// <summary>DOMAIN.md R1-R6 (rule set v2): what a clinic sees when a pain report carries red-flag signs.</summary>
public sealed class RedFlagDecisionTests
{
    private static PainDraft Pain(BodySite site, PainPhase phase, params (string Sign, RedFlagAnswer Answer)[] answers) =>
        new(Date(0), Choice.Of(site), Choice.Of(Side.Right), 5, Choice.Of(phase), null, null, null, 10, "",
            [.. answers.Select(a => (a.Sign, Choice.Of(a.Answer)))]);

    private static IntakeScenario Report(PainDraft draft)
    {
        var next = 100;
        return new IntakeScenario().When(_ => ReportingPain.Decide(draft, null, Id(50), Now, Today, () => Id(next++)));
    }

    private static IReadOnlyList<string> Rules(IntakeScenario s) => [.. s.Decided.OfType<RedFlagRaised>().Select(f => f.RuleId)];

    [Fact]
    public void Night_pain_answered_unsure_raises_a_critical_R1_that_names_the_sign_and_tells_the_runner_to_see_their_clinician()
    {
        var flag = Report(Pain(BodySite.AnteriorKnee, PainPhase.AtRest, (RedFlagSigns.NightPain, RedFlagAnswer.Unsure),
            (RedFlagSigns.RestPain, RedFlagAnswer.No))).ThenSingle<RedFlagRaised>();

        Assert.Equal(new RedFlagRaised(Id(100), "R1", RuleSet.VersionOf("R1"), RedFlagSeverities.Critical, "C",
            BodySite.AnteriorKnee, Side.Right, flag.Signs, flag.Explanation, RedFlagRules.RunnerAdvice, Id(50), Today, Now), flag);
        Assert.Equal([RedFlagSigns.NightPain], flag.Signs);
        Assert.StartsWith("R1: night pain — ", flag.Explanation, StringComparison.Ordinal);
        Assert.Equal(2, flag.RuleVersion);
    }

    [Fact]
    public void Pain_on_hopping_during_a_run_at_the_anterior_shin_is_R2_with_the_high_risk_site_and_stops_running()
    {
        var flag = Report(Pain(BodySite.AnteriorShin, PainPhase.DuringRun, (RedFlagSigns.PainOnHopping, RedFlagAnswer.Yes)))
            .ThenSingle<RedFlagRaised>();

        Assert.Equal(("R2", RedFlagSeverities.Critical, "B"), (flag.RuleId, flag.Severity, flag.Evidence));
        Assert.Equal([RedFlagSigns.PainOnHopping, RedFlagSigns.HighRiskBoneSite], flag.Signs);
        Assert.Contains("pain on hopping, high risk bone site", flag.Explanation, StringComparison.Ordinal);
        Assert.Contains("anterior shin: stop running", flag.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BodySite.AnteriorShin)]
    [InlineData(BodySite.Midfoot)]
    [InlineData(BodySite.OuterFoot)]
    public void Running_pain_at_a_high_risk_bone_site_is_R2_even_with_every_question_answered_no(BodySite site)
    {
        var flag = Report(Pain(site, PainPhase.AfterRun, (RedFlagSigns.BonyTenderness, RedFlagAnswer.No)))
            .ThenSingle<RedFlagRaised>();

        Assert.Equal(("R2", RedFlagSeverities.Critical), (flag.RuleId, flag.Severity));
        Assert.Equal([RedFlagSigns.HighRiskBoneSite], flag.Signs);
    }

    [Fact]
    public void Next_morning_pain_at_a_high_risk_site_without_signs_raises_nothing() =>
        Assert.Empty(Rules(Report(Pain(BodySite.Midfoot, PainPhase.NextMorning))));

    [Fact]
    public void Groin_pain_with_running_is_R5_treated_as_a_high_risk_bone_site_not_fired_twice_as_R2()
    {
        var flag = Report(Pain(BodySite.Groin, PainPhase.AfterRun)).ThenSingle<RedFlagRaised>();

        Assert.Equal(("R5", RedFlagSeverities.Critical, "B", BodySite.Groin), (flag.RuleId, flag.Severity, flag.Evidence, flag.BodySite));
        Assert.Equal([RedFlagSigns.GroinPainWithRunning], flag.Signs);
        Assert.Contains("high-risk bone stress site (femoral neck, R2)", flag.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Low_energy_signs_alone_are_an_R6_note_for_the_clinician_that_does_not_stop_training()
    {
        var flag = Report(Pain(BodySite.AnteriorKnee, PainPhase.DuringRun, (RedFlagSigns.MissedPeriods, RedFlagAnswer.Yes),
            (RedFlagSigns.RecentWeightLoss, RedFlagAnswer.Unsure))).ThenSingle<RedFlagRaised>();

        Assert.Equal(("R6", RedFlagSeverities.Note, RedFlagTriage.NoteAdvice), (flag.RuleId, flag.Severity, flag.RunnerAdvice));
        Assert.Equal([RedFlagSigns.MissedPeriods, RedFlagSigns.RecentWeightLoss], flag.Signs);
    }

    [Fact]
    public void Low_energy_signs_with_groin_pain_with_running_make_R6_critical_next_to_R5()
    {
        var scenario = Report(Pain(BodySite.Groin, PainPhase.DuringRun, (RedFlagSigns.PreviousBoneStressInjury, RedFlagAnswer.Yes)));

        Assert.Equal(["R5", "R6"], Rules(scenario));
        Assert.All(scenario.Decided.OfType<RedFlagRaised>(), f => Assert.Equal(RedFlagSeverities.Critical, f.Severity));
        Assert.All(scenario.Decided.OfType<RedFlagRaised>(), f => Assert.Equal(RedFlagRules.RunnerAdvice, f.RunnerAdvice));
    }

    [Fact]
    public void Low_energy_signs_with_bony_tenderness_make_R6_critical_next_to_R2() =>
        Assert.Equal([RedFlagSeverities.Critical, RedFlagSeverities.Critical], Report(Pain(BodySite.MedialShin, PainPhase.NextMorning,
                (RedFlagSigns.BonyTenderness, RedFlagAnswer.Yes), (RedFlagSigns.MissedPeriods, RedFlagAnswer.Yes)))
            .Decided.OfType<RedFlagRaised>().Select(f => f.Severity));

    [Fact]
    public void Swelling_is_R3_and_weakness_is_R4_each_critical_with_its_own_id()
    {
        var scenario = Report(Pain(BodySite.AnteriorKnee, PainPhase.AfterRun, (RedFlagSigns.Swelling, RedFlagAnswer.Yes),
            (RedFlagSigns.Weakness, RedFlagAnswer.Unsure)));

        Assert.Equal(["R3", "R4"], Rules(scenario));
        Assert.Equal([Id(100), Id(101)], scenario.Decided.OfType<RedFlagRaised>().Select(f => f.RedFlagId));
        Assert.Equal(Id(50), Assert.IsType<PainReported>(scenario.Decided[0]).PainReportId);
    }

    [Fact]
    public void Every_question_answered_no_raises_nothing_and_the_answers_are_stored_with_the_report()
    {
        var scenario = Report(Pain(BodySite.AnteriorKnee, PainPhase.DuringRun, (RedFlagSigns.NightPain, RedFlagAnswer.No),
            (RedFlagSigns.Swelling, RedFlagAnswer.No)));

        var report = Assert.IsType<PainReported>(Assert.Single(scenario.Decided));
        Assert.Equal(new RedFlagAnswers([new(RedFlagSigns.NightPain, RedFlagAnswer.No), new(RedFlagSigns.Swelling, RedFlagAnswer.No)]),
            report.RedFlags);
    }

    [Fact]
    public void Pain_at_rest_is_stored_with_its_phase_and_rest_pain_fires_R1() =>
        Assert.Equal(("R1", PainPhase.AtRest), (Report(Pain(BodySite.Hip, PainPhase.AtRest, (RedFlagSigns.RestPain, RedFlagAnswer.Yes)))
            .ThenSingle<RedFlagRaised>().RuleId, new IntakeScenario()
            .When(_ => ReportingPain.Decide(Pain(BodySite.Hip, PainPhase.AtRest), null, Id(50), Now, Today, () => Id(100)))
            .ThenSingle<PainReported>().Phase));

    [Fact]
    public void An_answer_number_the_proto_does_not_know_is_refused_naming_its_field_and_nothing_is_stored()
    {
        var draft = Pain(BodySite.AnteriorKnee, PainPhase.DuringRun) with
        {
            RedFlags = [(RedFlagSigns.NightPain, Choice.Unknown<RedFlagAnswer>("99"))],
        };

        Assert.Equal("99 is not a known value", Report(draft).ThenRefused("red_flags.night_pain"));
    }

    [Fact]
    public void The_high_risk_bone_sites_are_the_contracts_high_risk_sites() =>
        Assert.Equal(BodySites.HighRiskBoneStress.Order(StringComparer.Ordinal), Enum.GetValues<BodySite>()
            .Where(RedFlagTriage.IsHighRiskBoneSite).Select(Intake.Messaging.IntakeIntegrationEvents.Word).Order(StringComparer.Ordinal));
}
