using System.Globalization;
using Grpc.Core;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Programming.Running;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Programming;

public sealed class RunningEvidenceServices() : ThreeServices("runevidence");

/// <summary>
/// Issue 13, T6 v2 through the real gRPC APIs, PostgreSQL and RabbitMQ: runs logged in intake, and running pain linked
/// to one of them, reach programming (RunLogged, PainReported), and a re-screen six weeks after the first stores why
/// technique stays locked, naming the painful run (technique_stayed_locked, T6 v2).
/// </summary>
public sealed class RunningEvidenceTests(RunningEvidenceServices services) : IClassFixture<RunningEvidenceServices>
{
    private const string Clinic = "clinic-running";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Token => TestTokens.AllScopes(Clinic);

    private IntakeApi.IntakeService.IntakeServiceClient Intake => new(services.Intake.Channel(Token));
    private AssessmentApi.AssessmentService.AssessmentServiceClient Assessment => new(services.Assessment.Channel(Token));
    private ProgrammingService.ProgrammingServiceClient Programs => new(services.Programming.Channel(Token));

    private async Task ScreenAsync(string runnerId, string performedOn)
    {
        var screen = (await Assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "knee pain", PerformedOn = performedOn })).Assessment;
        foreach (var (side, value) in new[] { (AssessmentApi.BodySide.Left, 1.3), (AssessmentApi.BodySide.Right, 1.8) })
        {
            await Assessment.RecordTestResultAsync(new() { AssessmentId = screen.AssessmentId, TestCode = "hip_abduction_strength", Side = side, Value = value });
        }

        await Assessment.CompleteAssessmentAsync(new() { AssessmentId = screen.AssessmentId });
    }

    [Fact]
    public async Task Runs_and_linked_running_pain_reach_the_re_screen_and_the_locked_gate_names_the_painful_run()
    {
        var runnerId = (await Intake.RegisterRunnerAsync(new() { DisplayName = "Running Evidence", BirthYear = 1990, Sex = Common.V1.Sex.Female })).Runner.RunnerId;
        await Eventually.GetAsync(async () => (await Assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "assessment to learn the runner");
        await ScreenAsync(runnerId, Day(-50));
        await Eventually.GetAsync(async () =>
        {
            try
            {
                return await Programs.GetCurrentProgramAsync(new() { RunnerId = runnerId });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, "programming to prescribe");

        var runIds = new List<string>();
        foreach (var day in new[] { -6, -4, -2 })
        {
            runIds.Add((await Intake.LogRunAsync(new()
            {
                RunnerId = runnerId,
                Run = new() { Date = Day(day), DistanceKm = 6, DurationSeconds = 2400, SessionType = IntakeApi.SessionType.Easy, Rpe = 4 },
            })).RunId);
        }

        await Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(-4), BodySite = IntakeApi.BodySite.AnteriorKnee, Side = IntakeApi.Side.Left, Severity = 5,
            Phase = IntakeApi.PainPhase.DuringRun, LinkedRunId = runIds[1], DurationDays = 3,
        });
        var store = services.Programming.Services.GetRequiredService<IDocumentStore>();
        var kept = await Eventually.GetAsync(async () =>
        {
            await using var query = store.QuerySession(Clinic);
            var runs = await query.LoadAsync<RecentRuns>(Guid.Parse(runnerId));
            return runs is { Runs.Count: 3, Pains.Count: 1 } ? runs : null;
        }, Delivery, "programming to keep the runs and the running pain");
        Assert.Equal([5, 0, 0], kept.Evidence(Today).Runs.OrderByDescending(r => r.Pain).Select(r => r.Pain));

        await ScreenAsync(runnerId, "");

        var locked = await Eventually.GetAsync(async () => (await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId }))
            .Changes.FirstOrDefault(c => c.Type == "technique_stayed_locked"), Delivery, "programming to store why technique stays locked");
        Assert.Equal(("T6", 2), (locked.Why.RuleId, locked.Why.RuleVersion));
        Assert.Contains($"running pain reached 5/10 on {Day(-4)} (5/10)", locked.Summary, StringComparison.Ordinal);
        Assert.Contains(runIds[1], locked.Why.TriggeringIds);
        var revised = (await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId })).Changes.Single(c => c.Type == "program_revised");
        Assert.Contains("Technique work stays locked", revised.Summary, StringComparison.Ordinal);
    }
}
