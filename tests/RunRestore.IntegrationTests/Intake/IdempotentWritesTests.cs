using Grpc.Core;
using RunRestore.Intake.V1;
using RunRestore.IntegrationTests.Assessment;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;

namespace RunRestore.IntegrationTests.Intake;

public sealed class IdempotentWritesServices() : IntakeAndAssessment("idempotent");

/// <summary>
/// Issue 10: a client that retries a write with the same `idempotency-key` gets the first answer and stores nothing
/// new — also when the copies race each other — and a key reused for another request is refused.
/// </summary>
public sealed class IdempotentWritesTests(IdempotentWritesServices services) : IClassFixture<IdempotentWritesServices>
{
    private const string Clinic = "clinic-retries";
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Metadata Key(string key) => new() { { "idempotency-key", key } };

    private static ReportPainRequest Pain(string runnerId, int severity = 4) => new()
    {
        RunnerId = runnerId, Date = Yesterday, BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = severity,
        Phase = PainPhase.DuringRun, OnsetKm = 9,
    };

    [Fact]
    public async Task A_pain_report_sent_again_with_the_same_key_returns_the_first_report_and_stores_one()
    {
        var runner = await services.RegisterAsync(Clinic);
        var client = services.IntakeClient(Clinic);
        var key = Guid.NewGuid().ToString();

        var first = await client.ReportPainAsync(Pain(runner), Key(key));
        var again = await client.ReportPainAsync(Pain(runner), Key(key));
        var other = await client.ReportPainAsync(Pain(runner), Key(Guid.NewGuid().ToString()));

        Assert.Equal(first.PainReportId, again.PainReportId);
        Assert.NotEqual(first.PainReportId, other.PainReportId);
        Assert.Equal(2, await PainReportsAsync(runner));
    }

    [Fact]
    public async Task Eight_copies_of_one_write_racing_each_other_store_it_once()
    {
        var runner = await services.RegisterAsync(Clinic);
        var client = services.IntakeClient(Clinic);
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.LogGymSessionAsync(new() { RunnerId = runner, Date = Yesterday, DurationMinutes = 45, Rpe = 6, Focus = "hips" },
                Key(key)).ResponseAsync));

        Assert.Single(answers.Select(a => a.SessionId).Distinct());
        var timeline = await client.GetRunnerTimelineAsync(new() { RunnerId = runner, PageSize = 100 });
        Assert.Single(timeline.Entries, e => e.Type == "gym_session_logged");
    }

    [Fact]
    public async Task A_key_used_again_for_a_different_request_is_refused_and_nothing_is_stored()
    {
        var runner = await services.RegisterAsync(Clinic);
        var client = services.IntakeClient(Clinic);
        var key = Guid.NewGuid().ToString();
        await client.ReportPainAsync(Pain(runner, severity: 4), Key(key));

        var fields = await GrpcAssert.InvalidArgumentAsync(() => client.ReportPainAsync(Pain(runner, severity: 7), Key(key)).ResponseAsync);

        Assert.Equal(["idempotency-key"], fields);
        Assert.Equal(1, await PainReportsAsync(runner));
    }

    [Fact]
    public async Task A_malformed_key_is_invalid_argument()
    {
        var runner = await services.RegisterAsync(Clinic);
        var fields = await GrpcAssert.InvalidArgumentAsync(() =>
            services.IntakeClient(Clinic).ReportPainAsync(Pain(runner), Key(new string('k', 201))).ResponseAsync);

        Assert.Equal(["idempotency-key"], fields);
        Assert.Equal(0, await PainReportsAsync(runner));
    }

    [Fact]
    public async Task Keys_belong_to_the_clinic_that_sent_them()
    {
        var key = Guid.NewGuid().ToString();
        var mine = await services.RegisterAsync(Clinic);
        var theirs = await services.RegisterAsync("clinic-other");

        var first = await services.IntakeClient(Clinic).ReportPainAsync(Pain(mine), Key(key));
        var second = await services.IntakeClient("clinic-other").ReportPainAsync(Pain(theirs), Key(key));

        Assert.NotEqual(first.PainReportId, second.PainReportId);
    }

    [Fact]
    public async Task A_test_result_recorded_twice_with_one_key_is_stored_once()
    {
        var runner = await services.RegisterAsync(Clinic);
        var assessments = services.AssessmentClient(Clinic);
        var assessment = await Eventually.GetAsync(async () =>
            (await assessments.StartAssessmentAsync(new() { RunnerId = runner, Reason = "knee pain" })).Assessment,
            TimeSpan.FromSeconds(30), "assessment to know the runner");
        var key = Guid.NewGuid().ToString();
        var result = new AssessmentApi.RecordTestResultRequest
        {
            AssessmentId = assessment.AssessmentId, TestCode = "hip_abduction_strength", Side = AssessmentApi.BodySide.Left,
            Value = 1.8, Unit = "n_per_kg",
        };

        var first = await assessments.RecordTestResultAsync(result, Key(key));
        var again = await assessments.RecordTestResultAsync(result, Key(key));

        Assert.Equal(first.ResultId, again.ResultId);
        var stored = await assessments.GetAssessmentAsync(new() { AssessmentId = assessment.AssessmentId });
        Assert.Single(stored.Assessment.Results);
    }

    private async Task<int> PainReportsAsync(string runner)
    {
        var timeline = await services.IntakeClient(Clinic).GetRunnerTimelineAsync(new() { RunnerId = runner, PageSize = 100 });
        return timeline.Entries.Count(e => e.Type == "pain_reported");
    }
}
