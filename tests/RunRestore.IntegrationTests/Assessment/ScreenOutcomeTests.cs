using RunRestore.Assessment.V1;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.IntegrationTests.Assessment;

public sealed class ScreenOutcomeServices() : IntakeAndAssessment("screenoutcome");

/// <summary>
/// What a clinic sees of a completed screen through the real gRPC API and RabbitMQ (issue 13): a re-screen's verdict on
/// the previous screen's findings (DOMAIN.md, the paragraph after T9: re-tested and gone → resolved; not tested → not
/// re-tested, never resolved), and the screen's red flags (R2, R5) on GetAssessment.
/// </summary>
public sealed class ScreenOutcomeTests(ScreenOutcomeServices services) : IClassFixture<ScreenOutcomeServices>
{
    private const string Clinic = "clinic-rescreen";
    private const string Completed = "RunRestore.Contracts.Assessment:AssessmentCompleted";
    private AssessmentService.AssessmentServiceClient Client => services.AssessmentClient(Clinic);

    private async Task<string> ScreenAsync(string runnerId, params (string Code, BodySide Side, double Value)[] results)
    {
        var id = (await Eventually.GetAsync(async () => await Client.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "screen" }),
            TimeSpan.FromSeconds(30), "the runner to reach assessment")).Assessment.AssessmentId;
        foreach (var (code, side, value) in results)
        {
            await Client.RecordTestResultAsync(new() { AssessmentId = id, TestCode = code, Side = side, Value = value });
        }

        await Client.CompleteAssessmentAsync(new() { AssessmentId = id });
        return id;
    }

    [Fact]
    public async Task A_re_screen_publishes_a_re_tested_finding_as_resolved_and_a_skipped_one_as_not_re_tested()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        await using var rabbit = await RawRabbitSubscriber.StartAsync(services.RabbitUri, [Completed]);

        // First: weak left hip abduction (M4, LSI 72 %) and a left knee-to-wall asymmetry (M2, 6 vs 9 cm).
        var first = await ScreenAsync(runnerId, ("hip_abduction_strength", BodySide.Left, 1.3), ("hip_abduction_strength", BodySide.Right, 1.8),
            ("knee_to_wall", BodySide.Left, 6), ("knee_to_wall", BodySide.Right, 9));
        // Re-screen: hip abduction re-tested and symmetric; knee-to-wall skipped.
        var second = await ScreenAsync(runnerId, ("hip_abduction_strength", BodySide.Left, 1.75), ("hip_abduction_strength", BodySide.Right, 1.8));

        var published = await rabbit.NextAsync(Completed, m => m.Message.GetProperty("assessmentId").GetString() == second);
        Assert.Equal(Clinic, published.Clinic);
        Assert.Equal(["M4:hip_abductors:left"], published.Message.GetProperty("resolvedFindingKeys").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["M2:ankle_dorsiflexion:left"],
            published.Message.GetProperty("notRetestedFindingKeys").EnumerateArray().Select(k => k.GetString()));

        var shown = (await Client.GetAssessmentAsync(new() { AssessmentId = second })).Assessment;
        Assert.Equal((first, "M4:hip_abductors:left", "M2:ankle_dorsiflexion:left"),
            (shown.PreviousAssessmentId, Assert.Single(shown.ResolvedFindingKeys), Assert.Single(shown.NotRetestedFindingKeys)));
        var comparison = await Client.CompareAssessmentsAsync(new() { AssessmentAId = first, AssessmentBId = second });
        Assert.Equal(shown.NotRetestedFindingKeys, comparison.NotRetested.Select(f => f.Key));
        Assert.Equal(shown.ResolvedFindingKeys, comparison.Resolved.Select(f => f.Key));
    }

    [Fact]
    public async Task GetAssessment_shows_the_critical_R2_red_flag_a_bony_tenderness_answer_raised()
    {
        var runnerId = await services.RegisterAsync(Clinic);

        var id = await ScreenAsync(runnerId, ("bony_tenderness", BodySide.Right, 1), ("single_leg_hop_pain", BodySide.Right, 0));

        var flag = Assert.Single((await Client.GetAssessmentAsync(new() { AssessmentId = id })).Assessment.RedFlags);
        Assert.Equal(("R2", 2, "critical", "right"), (flag.RuleId, flag.RuleVersion, flag.Severity, flag.Side));
        Assert.Equal(["bony_tenderness"], flag.Signs);
        Assert.Equal("other", flag.BodySite);
    }
}
