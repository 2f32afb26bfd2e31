using System.Globalization;
using RunRestore.Assessment.V1;
using RunRestore.Testing;
using Xunit;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.IntegrationTests.Assessment;

public sealed class HeelPainBodyMassServices() : IntakeAndAssessment("heelbodymass");

/// <summary>
/// DOMAIN.md K5 (v2) through the real gRPC API, intake live, PostgreSQL and RabbitMQ: heel pain with height and weight
/// giving BMI &gt; 27 is a K5 body_mass finding and region, published on AssessmentCompleted; height without weight is
/// refused (issue 13).
/// </summary>
public sealed class HeelPainBodyMassTests(HeelPainBodyMassServices services) : IClassFixture<HeelPainBodyMassServices>
{
    private const string Clinic = "clinic-heel";
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private AssessmentService.AssessmentServiceClient Client => services.AssessmentClient(Clinic);

    [Fact]
    public async Task Heel_pain_with_a_bmi_of_29_4_is_a_K5_finding_on_GetAssessment_and_AssessmentCompleted_and_half_a_measure_is_refused()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var pain = await services.IntakeClient(Clinic).ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Yesterday, BodySite = IntakeApi.BodySite.HeelPlantar, Side = IntakeApi.Side.Right,
            Severity = 4, Phase = IntakeApi.PainPhase.NextMorning, DurationDays = 30,
        });
        await using var rabbit = await RawRabbitSubscriber.StartAsync(services.RabbitUri, ["RunRestore.Contracts.Assessment:AssessmentCompleted"]);

        Assert.Equal(["weight_kg"], await GrpcAssert.InvalidArgumentAsync(() => Client.StartAssessmentAsync(new()
        {
            RunnerId = runnerId, Reason = "heel pain", PainReportId = pain.PainReportId, HeightCm = 165,
        }).ResponseAsync));
        Assert.Empty((await Client.ListAssessmentsAsync(new() { RunnerId = runnerId })).Assessments);
        var started = (await Eventually.GetAsync(async () => await Client.StartAssessmentAsync(new()
        {
            RunnerId = runnerId, Reason = "heel pain", PainReportId = pain.PainReportId, HeightCm = 165, WeightKg = 80,
        }), TimeSpan.FromSeconds(30), "the pain report to reach assessment")).Assessment;
        await Client.CompleteAssessmentAsync(new() { AssessmentId = started.AssessmentId });
        var shown = (await Client.GetAssessmentAsync(new() { AssessmentId = started.AssessmentId })).Assessment;

        Assert.Equal((165d, 80d, 29.4d), (shown.HeightCm, shown.WeightKg, shown.Bmi));
        var finding = Assert.Single(shown.Findings);
        Assert.Equal(("K5:body_mass:both", "K5", 2, "A"), (finding.Key, finding.RuleId, finding.RuleVersion, finding.Evidence));
        Assert.Contains("BMI 29.4", finding.Explanation, StringComparison.Ordinal);
        Assert.Equal(("body_mass", "K5"), (shown.Regions[0].Region, shown.Regions[0].RuleId));
        var published = await rabbit.NextAsync("RunRestore.Contracts.Assessment:AssessmentCompleted",
            m => m.Message.GetProperty("assessmentId").GetString() == started.AssessmentId);
        var sent = Assert.Single(published.Message.GetProperty("findings").EnumerateArray());
        Assert.Equal(("body_composition", 2), (sent.GetProperty("kind").GetString(), sent.GetProperty("ruleVersion").GetInt32()));
    }
}
