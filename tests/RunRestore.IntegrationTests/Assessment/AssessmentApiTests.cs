using System.Globalization;
using Grpc.Core;
using RunRestore.Assessment.V1;
using RunRestore.Testing;
using Xunit;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.IntegrationTests.Assessment;

public sealed class AssessmentApiServices() : IntakeAndAssessment("assessmentapi");

/// <summary>Screens over gRPC with intake live: from a pain report to ranked findings, and the bad input a clinic may send.</summary>
public sealed class AssessmentApiTests(AssessmentApiServices services) : IClassFixture<AssessmentApiServices>
{
    private const string Clinic = "clinic-screens";
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private AssessmentService.AssessmentServiceClient Client => services.AssessmentClient(Clinic);

    private async Task<string> ReportKneePainAsync(string runnerId)
    {
        var intake = services.IntakeClient(Clinic);
        var run = await intake.LogRunAsync(new()
        {
            RunnerId = runnerId,
            Run = new() { Date = Yesterday, DistanceKm = 12, DurationSeconds = 4320, SessionType = IntakeApi.SessionType.Long, Rpe = 5 },
        });
        var pain = await intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Yesterday, BodySite = IntakeApi.BodySite.AnteriorKnee, Side = IntakeApi.Side.Left,
            Severity = 5, Phase = IntakeApi.PainPhase.DuringRun, OnsetKm = 9, LinkedRunId = run.RunId, DurationDays = 21,
        });
        return pain.PainReportId;
    }

    private async Task<RunRestore.Assessment.V1.Assessment> StartAsync(string runnerId, string painReportId = "") =>
        (await Eventually.GetAsync(async () => await Client.StartAssessmentAsync(new()
        {
            RunnerId = runnerId, Reason = "knee pain from 9 km", PainReportId = painReportId,
        }), TimeSpan.FromSeconds(30), "the pain report to reach assessment")).Assessment;

    private Task RecordAsync(string assessmentId, string code, BodySide side, double value, Rating rating = Rating.Unspecified) =>
        Client.RecordTestResultAsync(new() { AssessmentId = assessmentId, TestCode = code, Side = side, Value = value, Rating = rating })
            .ResponseAsync;

    [Fact]
    public async Task Knee_pain_from_9_km_with_weak_left_hip_abduction_and_a_poor_left_squat_points_to_hip_control()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var painId = await ReportKneePainAsync(runnerId);
        await using var rabbit = await RawRabbitSubscriber.StartAsync(services.RabbitUri, ["RunRestore.Contracts.Assessment:AssessmentCompleted"]);

        var started = await StartAsync(runnerId, painId);
        await RecordAsync(started.AssessmentId, "hip_abduction_strength", BodySide.Left, 1.4);
        await RecordAsync(started.AssessmentId, "hip_abduction_strength", BodySide.Right, 1.8);
        await RecordAsync(started.AssessmentId, "single_leg_squat", BodySide.Left, 0, Rating.Poor);
        await RecordAsync(started.AssessmentId, "single_leg_squat", BodySide.Right, 0, Rating.Good);
        var completed = (await Client.CompleteAssessmentAsync(new() { AssessmentId = started.AssessmentId })).Assessment;

        Assert.Equal("intake", started.LoadSource);
        Assert.Equal("anterior_knee", started.Pain.BodySite);
        Assert.Equal(9, started.Pain.OnsetKm);
        Assert.Equal(AssessmentStatus.Completed, completed.Status);
        var hip = Assert.Single(completed.Findings, f => f.RuleId == "M4");
        Assert.Equal(("hip_abductors", "left", "B"), (hip.Region, hip.Side, hip.Evidence));
        Assert.Equal(77.8, hip.Magnitude, 1);
        Assert.Contains(completed.Findings, f => f.RuleId == "M1" && f.Side == "left");
        var top = completed.Regions[0];
        Assert.Equal(("hip_abductors", "K1", 1), (top.Region, top.RuleId, top.Rank));
        Assert.Contains(hip.Key, top.SupportingFindingKeys);
        Assert.Contains("not a proven cause", top.Explanation, StringComparison.Ordinal);

        var published = await rabbit.NextAsync("RunRestore.Contracts.Assessment:AssessmentCompleted",
            m => m.Message.GetProperty("assessmentId").GetString() == started.AssessmentId);
        Assert.Equal(Clinic, published.Clinic);
        Assert.Equal(started.AssessmentId, published.Message.GetProperty("assessmentId").GetString());
        Assert.Equal("anterior_knee", published.Message.GetProperty("painSite").GetString());
        Assert.Contains(published.Message.GetProperty("findings").EnumerateArray(), f => f.GetProperty("key").GetString() == hip.Key);

        var latest = await Client.GetLatestFindingsAsync(new() { RunnerId = runnerId });
        Assert.Equal(completed.Findings, latest.Findings);
    }

    [Fact]
    public async Task A_screen_done_yesterday_on_paper_completes_on_yesterday_and_a_future_date_is_refused_storing_nothing()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(["performed_on"], await GrpcAssert.InvalidArgumentAsync(() => Client.StartAssessmentAsync(new()
        {
            RunnerId = runnerId, Reason = "paper screen", PerformedOn = tomorrow,
        }).ResponseAsync));
        var started = (await Eventually.GetAsync(async () => await Client.StartAssessmentAsync(new()
        {
            RunnerId = runnerId, Reason = "paper screen", PerformedOn = Yesterday,
        }), TimeSpan.FromSeconds(30), "the runner to reach assessment")).Assessment;
        var completed = (await Client.CompleteAssessmentAsync(new() { AssessmentId = started.AssessmentId })).Assessment;

        Assert.Equal((Yesterday, Yesterday), (started.PerformedOn, completed.CompletedOn));
        var listed = await Client.ListAssessmentsAsync(new() { RunnerId = runnerId });
        Assert.Single(listed.Assessments);
    }

    [Fact]
    public async Task A_hop_test_answered_unsure_on_the_left_publishes_a_critical_R2_red_flag_from_the_screen()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var painId = await ReportKneePainAsync(runnerId);
        await using var rabbit = await RawRabbitSubscriber.StartAsync(services.RabbitUri, ["RunRestore.Contracts.Safety:RedFlagRaised"]);

        var started = await StartAsync(runnerId, painId);
        await RecordAsync(started.AssessmentId, "single_leg_hop_pain", BodySide.Left, 2);
        await RecordAsync(started.AssessmentId, "single_leg_hop_pain", BodySide.Right, 0);
        await RecordAsync(started.AssessmentId, "bony_tenderness", BodySide.Left, 0);
        Assert.Equal(["value"], await GrpcAssert.InvalidArgumentAsync(() => RecordAsync(started.AssessmentId, "bony_tenderness", BodySide.Right, 0.5)));
        var completed = (await Client.CompleteAssessmentAsync(new() { AssessmentId = started.AssessmentId })).Assessment;

        Assert.Equal(3, completed.Results.Count);
        var flag = await rabbit.NextAsync("RunRestore.Contracts.Safety:RedFlagRaised",
            m => m.Message.GetProperty("runnerId").GetString() == runnerId);
        Assert.Equal(Clinic, flag.Clinic);
        Assert.Equal(("R2", 2, "critical", "screen"), (flag.Message.GetProperty("ruleId").GetString(),
            flag.Message.GetProperty("ruleVersion").GetInt32(), flag.Message.GetProperty("severity").GetString(),
            flag.Message.GetProperty("source").GetString()));
        Assert.Equal(("anterior_knee", "left"), (flag.Message.GetProperty("bodySite").GetString(), flag.Message.GetProperty("side").GetString()));
        Assert.Equal(["pain_on_hopping"], flag.Message.GetProperty("signs").EnumerateArray().Select(s => s.GetString()));
        Assert.Contains("see your clinician", flag.Message.GetProperty("runnerAdvice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_results_are_refused_with_the_field_and_nothing_is_stored()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var id = (await StartAsync(runnerId)).AssessmentId;

        Assert.Equal(["test_code"], await GrpcAssert.InvalidArgumentAsync(() => RecordAsync(id, "moon_jump", BodySide.Left, 1)));
        Assert.Equal(["unit"], await GrpcAssert.InvalidArgumentAsync(() => Client.RecordTestResultAsync(new()
        {
            AssessmentId = id, TestCode = "knee_to_wall", Side = BodySide.Left, Value = 10, Unit = "inches",
        }).ResponseAsync));
        Assert.Equal(["value"], await GrpcAssert.InvalidArgumentAsync(() => RecordAsync(id, "knee_to_wall", BodySide.Left, 45)));
        Assert.Equal(["side"], await GrpcAssert.InvalidArgumentAsync(() => RecordAsync(id, "knee_to_wall", BodySide.Unspecified, 10)));
        Assert.Equal(["rating"], await GrpcAssert.InvalidArgumentAsync(() => RecordAsync(id, "single_leg_squat", BodySide.Left, 0)));
        Assert.Empty((await Client.GetAssessmentAsync(new() { AssessmentId = id })).Assessment.Results);
    }

    [Fact]
    public async Task A_completed_assessment_cannot_be_completed_again_nor_take_more_results()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var id = (await StartAsync(runnerId)).AssessmentId;
        await RecordAsync(id, "knee_to_wall", BodySide.Left, 10);
        await Client.CompleteAssessmentAsync(new() { AssessmentId = id });

        Assert.Equal(StatusCode.FailedPrecondition, await GrpcAssert.StatusAsync(() =>
            Client.CompleteAssessmentAsync(new() { AssessmentId = id }).ResponseAsync));
        Assert.Equal(StatusCode.FailedPrecondition, await GrpcAssert.StatusAsync(() => RecordAsync(id, "knee_to_wall", BodySide.Right, 10)));
        Assert.Single((await Client.GetAssessmentAsync(new() { AssessmentId = id })).Assessment.Results);
    }

    [Fact]
    public async Task Comparing_two_screens_shows_real_changes_and_which_findings_resolved_persisted_or_are_new()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        async Task<string> ScreenAsync(double leftHip, double leftKneeToWall, double leftFpi)
        {
            var id = (await StartAsync(runnerId)).AssessmentId;
            await RecordAsync(id, "hip_abduction_strength", BodySide.Left, leftHip);
            await RecordAsync(id, "hip_abduction_strength", BodySide.Right, 1.8);
            await RecordAsync(id, "knee_to_wall", BodySide.Left, leftKneeToWall);
            await RecordAsync(id, "knee_to_wall", BodySide.Right, 10);
            await RecordAsync(id, "foot_posture_index", BodySide.Left, leftFpi);
            await RecordAsync(id, "foot_posture_index", BodySide.Right, 2);
            await Client.CompleteAssessmentAsync(new() { AssessmentId = id });
            return id;
        }

        var first = await ScreenAsync(leftHip: 1.3, leftKneeToWall: 8, leftFpi: 2);
        var second = await ScreenAsync(leftHip: 1.75, leftKneeToWall: 8.4, leftFpi: 7);
        var comparison = await Client.CompareAssessmentsAsync(new() { AssessmentAId = first, AssessmentBId = second });
        var list = await Client.ListAssessmentsAsync(new() { RunnerId = runnerId });

        Assert.Contains(comparison.Resolved, f => f.Key == "M4:hip_abductors:left");
        Assert.Contains(comparison.Persisting, f => f.RuleId == "M2");
        Assert.Contains(comparison.NewFindings, f => f.RuleId == "M9" && f.Side == "left");
        var kneeToWall = Assert.Single(comparison.Changes, c => c.TestCode == "knee_to_wall" && c.Side == BodySide.Left);
        Assert.False(kneeToWall.ExceedsMdc);
        Assert.Equal(0.4, kneeToWall.Change, 3);
        Assert.Equal([second, first], list.Assessments.Take(2).Select(a => a.AssessmentId));
        Assert.True(list.Assessments[0].IsReassessment);
    }

    [Fact]
    public async Task The_catalogue_lists_every_test_with_units_ranges_sides_and_norms()
    {
        var catalogue = await Client.GetTestCatalogueAsync(new());

        Assert.Contains(catalogue.Tests, t => t.Code == "knee_to_wall" && t.PerSide && t.Mdc == 1.0 && t.RuleId == "M2");
        Assert.Contains(catalogue.Tests, t => t.Code == "single_leg_heel_raise" && t.Norms.Count > 0);
        Assert.Contains(catalogue.Tests, t => t.Code == "single_leg_squat" && t.NeedsRating);
        Assert.All(catalogue.Tests, t => Assert.NotEmpty(t.Units));
    }

    [Fact]
    public async Task Another_clinics_assessment_and_runner_are_not_found()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var id = (await StartAsync(runnerId)).AssessmentId;
        var other = services.AssessmentClient("clinic-other");

        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() => other.GetAssessmentAsync(new() { AssessmentId = id }).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() =>
            other.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "x" }).ResponseAsync));
    }
}
