using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Grpc;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Screening;
using RunRestore.Contracts;
using RunRestore.Contracts.Intake;
using RunRestore.Contracts.Safety;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Grpc;

/// <summary>
/// The red flags a screen raised (DOMAIN.md R2, R5) are on GetAssessment — rule id and version, severity, sign, site,
/// side — not only on the broker (issue 13).
/// </summary>
public sealed class ScreenRedFlagShownTests
{
    [Fact]
    public void GetAssessment_shows_an_R2_hop_pain_flag_and_an_R5_groin_flag_with_rule_version_severity_and_signs()
    {
        var groin = new PainReportCopy(Id(7), Today.AddDays(-2), BodySites.Groin, BodySides.Right, 5, PainPhases.AfterRun, null, null);
        var scenario = new AssessmentScenario()
            .Given(Started(pain: groin), Recorded(TestCodes.SingleLegHopPain, BodySide.Right, 1, 20))
            .When(new CompleteAssessment(Id(10)));

        var shown = AssessmentProtoMapping.ToProto(scenario.State).RedFlags;

        Assert.Equal([("R2", RuleSet.VersionOf("R2")), ("R5", RuleSet.VersionOf("R5"))], shown.Select(f => (f.RuleId, f.RuleVersion)));
        Assert.All(shown, f => Assert.Equal((RedFlagSeverities.Critical, BodySites.Groin, BodySides.Right, "2026-03-02"),
            (f.Severity, f.BodySite, f.Side, f.RaisedOn)));
        Assert.Equal([RedFlagSigns.PainOnHopping, RedFlagSigns.HighRiskBoneSite], shown[0].Signs);
        Assert.Equal([RedFlagSigns.GroinPainWithRunning, RedFlagSigns.HighRiskBoneSite], shown[1].Signs);
        Assert.Equal([Id(20).ToString()], shown[0].TriggeringIds);
        Assert.Equal(scenario.State.RedFlags!.Select(f => f.RedFlagId.ToString()), shown.Select(f => f.RedFlagId));
    }

    [Fact]
    public void A_screen_without_red_flag_signs_shows_none() =>
        Assert.Empty(AssessmentProtoMapping.ToProto(new AssessmentScenario()
            .Given(Started(), Recorded(TestCodes.SingleLegHopPain, BodySide.Left, 0, 20))
            .When(new CompleteAssessment(Id(10))).State).RedFlags);
}
