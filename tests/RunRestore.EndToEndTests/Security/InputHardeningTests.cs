using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using RunRestore.Auth;
using RunRestore.Intake.V1;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace RunRestore.EndToEndTests.Security;

public sealed class InputHardeningServices() : ThreeServices("hardening");

/// <summary>
/// Issue 12 item 3, on the real servers: every hostile input an outside tester found is INVALID_ARGUMENT naming the
/// field (or FAILED_PRECONDITION naming it, or UNAUTHENTICATED / RESOURCE_EXHAUSTED), never INTERNAL, UNKNOWN or
/// UNAVAILABLE, the call answers at once, and nothing is stored.
/// </summary>
public sealed class InputHardeningTests(InputHardeningServices services) : IClassFixture<InputHardeningServices>
{
    private const string Clinic = "clinic-hardening";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string Huge = new('x', 70_000);
    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static CallOptions Quick => new(deadline: DateTime.UtcNow.AddSeconds(15));

    private IntakeService.IntakeServiceClient Intake => new(services.Intake.Channel(TestTokens.AllScopes(Clinic)));
    private AssessmentApi.AssessmentService.AssessmentServiceClient Assessment => new(services.Assessment.Channel(TestTokens.AllScopes(Clinic)));
    private ProgrammingService.ProgrammingServiceClient Programs => new(services.Programming.Channel(TestTokens.AllScopes(Clinic)));

    private static RunInput Run(double km = 10, string partner = "", string externalId = "") => new()
    {
        Date = Day(-1), DistanceKm = km, DurationSeconds = 3600, SessionType = SessionType.Easy, Rpe = 4,
        Partner = partner, ExternalId = externalId,
    };

    private async Task<string> RunnerAsync() =>
        (await Intake.RegisterRunnerAsync(new() { DisplayName = "Hardened Runner", BirthYear = 1990, Sex = Common.V1.Sex.Female })).Runner.RunnerId;

    private async Task<int> TimelineLengthAsync(string runnerId) =>
        (await Intake.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 500 })).Entries.Count;

    /// <summary>INVALID_ARGUMENT with BadRequest details, answered before the deadline, with a short message.</summary>
    private static async Task<IReadOnlyList<string>> RefusedAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(GrpcStatusCode.InvalidArgument, ex.StatusCode);
        Assert.True(ex.Status.Detail.Length < 1000, ex.Status.Detail);
        var badRequest = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        return [.. badRequest.FieldViolations.Select(v => v.Field)];
    }

    [Fact]
    public async Task Non_finite_subnormal_and_absurd_numbers_in_an_import_are_per_item_rejections_and_the_good_item_is_stored()
    {
        var runnerId = await RunnerAsync();
        var before = await TimelineLengthAsync(runnerId);
        var request = new ImportRunsRequest { RunnerId = runnerId };
        request.Runs.Add(Run(km: 8));
        request.Runs.AddRange(new[] { double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1e300, 5e-324 }.Select(km => Run(km: km)));
        request.Runs.Add(Run(partner: "garmin", externalId: "a\u0000b"));
        request.Runs.Add(Run(partner: "gar\u001bmin", externalId: "a-2"));
        request.Runs.Add(Run(partner: "garmin", externalId: Huge));

        var response = await Intake.ImportRunsAsync(request, Quick);

        Assert.Equal(1, response.Imported);
        Assert.Equal(8, response.Rejected);
        Assert.Equal(ImportOutcome.Imported, response.Results[0].Outcome);
        Assert.All(response.Results.Skip(1).Take(5), r => Assert.Equal("distance_km", Assert.Single(r.Violations).Field));
        Assert.Equal("external_id", Assert.Single(response.Results[6].Violations).Field);
        Assert.Equal("partner", Assert.Single(response.Results[7].Violations).Field);
        Assert.Equal("external_id", Assert.Single(response.Results[8].Violations).Field);
        Assert.Equal(before + 1, await TimelineLengthAsync(runnerId));
        var runs = await Intake.ListActivitiesAsync(new() { RunnerId = runnerId, From = Day(-7), To = Day(0) });
        Assert.Equal(8, Assert.Single(runs.Runs).DistanceKm);
    }

    [Fact]
    public async Task Hostile_numbers_in_single_writes_are_refused_naming_the_field_and_store_nothing()
    {
        var runnerId = await RunnerAsync();
        var before = await TimelineLengthAsync(runnerId);

        Assert.Equal(["distance_km"], await RefusedAsync(() => Intake.LogRunAsync(new() { RunnerId = runnerId, Run = Run(km: double.PositiveInfinity) }, Quick).ResponseAsync));
        Assert.Equal(["distance_km"], await RefusedAsync(() => Intake.LogRunAsync(new() { RunnerId = runnerId, Run = Run(km: 5e-324) }, Quick).ResponseAsync));
        var elevation = Run();
        elevation.ElevationGainM = double.NaN;
        Assert.Equal(["elevation_gain_m"], await RefusedAsync(() => Intake.LogRunAsync(new() { RunnerId = runnerId, Run = elevation }, Quick).ResponseAsync));
        Assert.Equal(["sleep_hours"], await RefusedAsync(() => Intake.ReportWellnessAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), SleepHours = double.NegativeInfinity, Stress = 2, Soreness = 2,
        }, Quick).ResponseAsync));
        Assert.Equal(["distance_km"], await RefusedAsync(() => Intake.ScheduleCompetitionAsync(new()
        {
            RunnerId = runnerId, Date = Day(30), DistanceKm = 1e300, Priority = CompetitionPriority.A, Name = "Harbour 10k",
        }, Quick).ResponseAsync));
        Assert.Equal(["onset_km"], await RefusedAsync(() => Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 3,
            Phase = PainPhase.DuringRun, OnsetKm = double.NaN,
        }, Quick).ResponseAsync));

        Assert.Equal(before, await TimelineLengthAsync(runnerId));
    }

    [Fact]
    public async Task Control_characters_and_overlong_text_are_refused_naming_the_field_and_store_nothing()
    {
        var runnerId = await RunnerAsync();
        var before = await TimelineLengthAsync(runnerId);

        Assert.Equal(["display_name"], await RefusedAsync(() => Intake.RegisterRunnerAsync(new()
        {
            DisplayName = "Ada\u001b[31m", BirthYear = 1990, Sex = Common.V1.Sex.Female,
        }, Quick).ResponseAsync));
        Assert.Equal(["display_name"], await RefusedAsync(() => Intake.RegisterRunnerAsync(new()
        {
            DisplayName = "Ada\u0000", BirthYear = 1990, Sex = Common.V1.Sex.Female,
        }, Quick).ResponseAsync));
        Assert.Equal(["notes"], await RefusedAsync(() => Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 3,
            Phase = PainPhase.AfterRun, Notes = "ring\u0007",
        }, Quick).ResponseAsync));
        Assert.Equal(["focus"], await RefusedAsync(() => Intake.LogGymSessionAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), DurationMinutes = 45, Rpe = 5, Focus = new string('f', 201),
        }, Quick).ResponseAsync));
        // Over 64 KB of input, and the call still answers at once with a short message naming the field.
        Assert.Equal(["external_id"], await RefusedAsync(() => Intake.LogRunAsync(new()
        {
            RunnerId = runnerId, Run = Run(partner: "garmin", externalId: Huge),
        }, Quick).ResponseAsync));

        Assert.Equal(before, await TimelineLengthAsync(runnerId));
        // Newline and tab are fine in free text.
        await Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 3,
            Phase = PainPhase.AfterRun, Notes = "after the hills\n\tworse downhill",
        }, Quick);
    }

    [Fact]
    public async Task Pain_cannot_resolve_before_it_was_reported_nor_be_dated_in_1900()
    {
        var runnerId = await RunnerAsync();
        var report = await Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(-3), BodySite = BodySite.Achilles, Side = Side.Right, Severity = 4,
            Phase = PainPhase.AfterRun,
        });
        var before = await TimelineLengthAsync(runnerId);

        Assert.Equal(["date"], await RefusedAsync(() => Intake.ReportPainResolvedAsync(new()
        {
            RunnerId = runnerId, PainReportId = report.PainReportId, Date = Day(-4),
        }, Quick).ResponseAsync));
        Assert.Equal(["date"], await RefusedAsync(() => Intake.ReportPainResolvedAsync(new()
        {
            RunnerId = runnerId, PainReportId = report.PainReportId, Date = "1900-01-01",
        }, Quick).ResponseAsync));

        Assert.Equal(before, await TimelineLengthAsync(runnerId));
        await Intake.ReportPainResolvedAsync(new() { RunnerId = runnerId, PainReportId = report.PainReportId, Date = Day(-3) });
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    [InlineData("Clinic-Upper")]
    [InlineData("-leading-dash")]
    [InlineData("clinic with spaces")]
    [InlineData("clinic\u0007")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcd")]
    public async Task A_blank_or_malformed_clinic_claim_is_unauthenticated(string clinic)
    {
        var client = new IntakeService.IntakeServiceClient(services.Intake.Channel(TestTokens.For(clinic, Scopes.IntakeWrite)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.RegisterRunnerAsync(new()
        {
            DisplayName = "Nobody", BirthYear = 1990, Sex = Common.V1.Sex.Female,
        }, Quick).ResponseAsync);

        Assert.Equal(GrpcStatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task A_request_above_the_service_limit_is_resource_exhausted()
    {
        var runnerId = await RunnerAsync();
        var request = new ImportRunsRequest { RunnerId = runnerId };
        request.Runs.Add(Run(partner: "garmin", externalId: new string('x', 5 * 1024 * 1024)));
        var assessment = (await Assessment.StartAssessmentAsync(new() { RunnerId = await KnownToAssessmentAsync(runnerId), Reason = "limits" })).Assessment;

        var intake = await Assert.ThrowsAsync<RpcException>(() => Intake.ImportRunsAsync(request, Quick).ResponseAsync);
        var screen = await Assert.ThrowsAsync<RpcException>(() => Assessment.RecordTestResultAsync(new()
        {
            AssessmentId = assessment.AssessmentId, TestCode = "knee_to_wall", Side = AssessmentApi.BodySide.Left, Value = 9,
            Notes = new string('n', 300 * 1024),
        }, Quick).ResponseAsync);

        Assert.Equal(GrpcStatusCode.ResourceExhausted, intake.StatusCode);
        Assert.Equal(GrpcStatusCode.ResourceExhausted, screen.StatusCode);
    }

    [Fact]
    public async Task A_screen_refuses_hostile_values_codes_and_notes_by_field_and_stores_no_result()
    {
        var runnerId = await KnownToAssessmentAsync(await RunnerAsync());
        Assert.Equal(["reason"], await RefusedAsync(() => Assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "knee\u0000" }, Quick).ResponseAsync));
        var assessment = (await Assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "knee pain" })).Assessment;
        AssessmentApi.RecordTestResultRequest Result(string code = "knee_to_wall", double value = 9, string notes = "") => new()
        {
            AssessmentId = assessment.AssessmentId, TestCode = code, Side = AssessmentApi.BodySide.Left, Value = value, Notes = notes,
        };

        foreach (var value in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300 })
        {
            Assert.Equal(["value"], await RefusedAsync(() => Assessment.RecordTestResultAsync(Result(value: value), Quick).ResponseAsync));
        }

        Assert.Equal(["test_code"], await RefusedAsync(() => Assessment.RecordTestResultAsync(Result(code: Huge), Quick).ResponseAsync));
        Assert.Equal(["notes"], await RefusedAsync(() => Assessment.RecordTestResultAsync(Result(notes: "bell\u0007"), Quick).ResponseAsync));
        Assert.Equal(["notes"], await RefusedAsync(() => Assessment.RecordTestResultAsync(Result(notes: new string('n', 201)), Quick).ResponseAsync));

        var stored = await Assessment.GetAssessmentAsync(new() { AssessmentId = assessment.AssessmentId });
        Assert.Empty(stored.Assessment.Results);
    }

    [Fact]
    public async Task A_session_with_a_bad_load_code_or_date_is_refused_naming_the_field_and_stores_nothing()
    {
        var (runnerId, code) = await ProgramAsync();
        var before = (await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId })).Changes.Count;
        RecordSessionRequest Session(string exercise, double loadKg = 0, string? date = null) => new()
        {
            RunnerId = runnerId, Date = date ?? Day(0),
            Exercises = { new ExerciseDone { Code = exercise, Completed = true, Sets = 3, Reps = 10, LoadKg = loadKg, Rpe = 5, Pain = 1 } },
        };

        Assert.Equal(["exercises[0].load_kg"], await RefusedAsync(() => Programs.RecordSessionAsync(Session(code, loadKg: double.NaN), Quick).ResponseAsync));
        Assert.Equal(["exercises[0].load_kg"], await RefusedAsync(() => Programs.RecordSessionAsync(Session(code, loadKg: -5), Quick).ResponseAsync));
        Assert.Equal(["date"], await RefusedAsync(() => Programs.RecordSessionAsync(Session(code, date: "1900-01-01"), Quick).ResponseAsync));
        Assert.Equal(["exercises[0].code"], await RefusedAsync(() => Programs.RecordSessionAsync(Session(Huge), Quick).ResponseAsync));
        Assert.Equal(["reason"], await RefusedAsync(() => Programs.SetPainCeilingAsync(new()
        {
            RunnerId = runnerId, PainCeiling = 4, Reason = new string('r', 201),
        }, Quick).ResponseAsync));
        Assert.Equal(["reason"], await RefusedAsync(() => Programs.OverridePhaseAsync(new()
        {
            RunnerId = runnerId, Phase = Phase.Maintain, Reason = "tendon\u001b",
        }, Quick).ResponseAsync));

        // An exercise the program does not hold: FAILED_PRECONDITION whose details name the field.
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Programs.RecordSessionAsync(Session("moonwalk"), Quick).ResponseAsync);
        Assert.Equal(GrpcStatusCode.FailedPrecondition, unknown.StatusCode);
        var failure = unknown.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.Equal("exercises[0].code", Assert.Single(failure.Violations).Subject);

        Assert.Equal(before, (await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId })).Changes.Count);
    }

    [Theory]
    [InlineData(new byte[] { 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x07 })] // runner_id claims 2 GB that never come
    [InlineData(new byte[] { 0x0A, 0x02, 0xC3, 0x28 })] // runner_id is not UTF-8
    [InlineData(new byte[] { 0x0F })] // a wire type that does not exist
    public async Task A_malformed_protobuf_message_is_refused_at_once_without_a_retryable_status_and_the_service_serves_on(byte[] body)
    {
        var raw = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "runrestore.intake.v1.IntakeService", "LogRun", raw, raw);
        var channel = services.Intake.Channel(TestTokens.AllScopes(Clinic));

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.CreateCallInvoker().AsyncUnaryCall(method, null, Quick, body).ResponseAsync);

        // Grpc.AspNetCore parses a unary request before any interceptor runs and reports a parse failure as UNKNOWN
        // (README, "Errors"); what matters is that it is neither INTERNAL nor UNAVAILABLE (a client would retry) and
        // that the connection keeps serving.
        Assert.Equal(GrpcStatusCode.Unknown, ex.StatusCode);
        Assert.NotNull(await new IntakeService.IntakeServiceClient(channel).RegisterRunnerAsync(new()
        {
            DisplayName = "After Garbage", BirthYear = 1990, Sex = Common.V1.Sex.Female,
        }, Quick));
    }

    private async Task<string> KnownToAssessmentAsync(string runnerId)
    {
        await Eventually.GetAsync(async () => (await Assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery,
            "assessment to learn the runner");
        return runnerId;
    }

    /// <summary>A screened runner with a program; returns one exercise code of it.</summary>
    private async Task<(string RunnerId, string Code)> ProgramAsync()
    {
        var runnerId = await KnownToAssessmentAsync(await RunnerAsync());
        await Eventually.GetAsync(async () => (await Programs.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery,
            "programming to learn the runner");
        var assessment = (await Assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "knee pain" })).Assessment;
        foreach (var (code, side, value, rating) in new[]
        {
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.3, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.8, AssessmentApi.Rating.Unspecified),
            ("single_leg_squat", AssessmentApi.BodySide.Left, 0, AssessmentApi.Rating.Poor),
            ("single_leg_squat", AssessmentApi.BodySide.Right, 0, AssessmentApi.Rating.Good),
        })
        {
            await Assessment.RecordTestResultAsync(new() { AssessmentId = assessment.AssessmentId, TestCode = code, Side = side, Value = value, Rating = rating });
        }

        await Assessment.CompleteAssessmentAsync(new() { AssessmentId = assessment.AssessmentId });
        var program = await Eventually.GetAsync(async () =>
        {
            try
            {
                return await Programs.GetCurrentProgramAsync(new() { RunnerId = runnerId });
            }
            catch (RpcException ex) when (ex.StatusCode == GrpcStatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, "programming to prescribe");
        return (runnerId, program.Exercises[0].Code);
    }
}
