using System.Diagnostics.Metrics;
using System.Globalization;
using Grpc.Core;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Programming.V1;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Telemetry;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Programming;

public sealed class ProgrammingFlowServices() : ThreeServices("programflow");

/// <summary>
/// From a completed screen to an adapting program, through all three services on real PostgreSQL and RabbitMQ:
/// AssessmentCompleted prescribes once (a redelivery changes nothing), sessions progress and regress the program,
/// intake's next-morning pain and load flags adapt it, and clinics hear about it.
/// </summary>
public sealed class ProgrammingFlowTests(ProgrammingFlowServices services) : IClassFixture<ProgrammingFlowServices>
{
    private const string Clinic = "clinic-programs";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Token => TestTokens.AllScopes(Clinic);

    private IntakeApi.IntakeService.IntakeServiceClient Intake => new(services.Intake.Channel(Token));
    private AssessmentApi.AssessmentService.AssessmentServiceClient Assessment => new(services.Assessment.Channel(Token));
    private ProgrammingService.ProgrammingServiceClient Programs => new(services.Programming.Channel(Token));

    private async Task<string> RegisteredRunnerAsync()
    {
        var runnerId = (await Intake.RegisterRunnerAsync(new() { DisplayName = "Program Runner", BirthYear = 1990, Sex = Common.V1.Sex.Female })).Runner.RunnerId;
        await Eventually.GetAsync(async () => (await Assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "assessment to learn the runner");
        await Eventually.GetAsync(async () => (await Programs.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "programming to learn the runner");
        return runnerId;
    }

    private async Task<(string RunnerId, string AssessmentId)> ScreenedRunnerAsync(string? registered = null)
    {
        var runnerId = registered ?? await RegisteredRunnerAsync();
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
        return (runnerId, assessment.AssessmentId);
    }

    private Task<GetCurrentProgramResponse> ProgramAsync(string runnerId) => Eventually.GetAsync(async () =>
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

    [Fact]
    public async Task A_completed_screen_prescribes_four_to_six_exercises_for_its_findings_once_even_if_the_message_comes_twice()
    {
        await using var rabbit = await RawRabbitSubscriber.StartAsync(services.RabbitUri, ["RunRestore.Contracts.Programming:ProgramPrescribed"]);
        var (runnerId, assessmentId) = await ScreenedRunnerAsync();

        var program = await ProgramAsync(runnerId);

        Assert.Equal(Phase.Restore, program.Phase);
        Assert.Equal(assessmentId, program.AssessmentId);
        Assert.InRange(program.Exercises.Count, 4, 6);
        Assert.Contains(program.Exercises, e => e.FindingKey == "M4:hip_abductors:left");
        Assert.All(program.Exercises, e => Assert.False(string.IsNullOrEmpty(e.Why?.Sentence)));
        Assert.Equal(3, program.PainCeiling);
        var published = await rabbit.NextAsync("RunRestore.Contracts.Programming:ProgramPrescribed",
            m => m.Message.GetProperty("runnerId").GetString() == runnerId);
        Assert.Equal(runnerId, published.Message.GetProperty("runnerId").GetString());

        // The broker delivers the same AssessmentCompleted again (same MessageId): nothing changes.
        using var duplicates = new MeterCounter(RunRestoreDiagnostics.MeterName, "runrestore.messages.duplicates");
        var store = services.Assessment.Services.GetRequiredService<IDocumentStore>();
        await using (var query = store.QuerySession(Clinic))
        {
            var stream = await query.Events.FetchStreamAsync(Guid.Parse(assessmentId));
            var completed = stream[^1];
            var contract = RunRestore.Assessment.Messaging.AssessmentIntegrationEvents.ToContract(Guid.Parse(assessmentId),
                (RunRestore.Assessment.Assessments.AssessmentCompleted)completed.Data);
            await services.Assessment.Services.GetRequiredService<IBus>().Publish(contract, ctx =>
            {
                ctx.MessageId = completed.Id;
                ctx.Headers.Set(EventForwarder.ClinicHeader, Clinic);
            });
        }

        await Eventually.TrueAsync(() => duplicates.Count >= 1, Delivery, "programming to skip the redelivered screen");
        var history = await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId });
        Assert.Single(history.Changes, c => c.Type == "program_prescribed");
        Assert.DoesNotContain(history.Changes, c => c.Type == "program_revised");
    }

    [Fact]
    public async Task Sessions_regress_on_pain_above_the_ceiling_and_bad_sessions_are_refused_with_the_field()
    {
        var (runnerId, _) = await ScreenedRunnerAsync();
        var program = await ProgramAsync(runnerId);
        var exercise = program.Exercises.First(e => e.Step > 0 || ExerciseHasEasierStep(e));
        ExerciseDone Done(string code, int pain) => new() { Code = code, Completed = true, Sets = 3, Reps = 10, Rpe = 6, Pain = pain };

        var painful = await Programs.RecordSessionAsync(new() { RunnerId = runnerId, Date = Day(0), Exercises = { Done(exercise.Code, 6) } });
        var unknown = await Assert.ThrowsAsync<RpcException>(() => Programs.RecordSessionAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), Exercises = { Done("moonwalk", 0) },
        }).ResponseAsync);
        var future = await GrpcAssert.InvalidArgumentAsync(() => Programs.RecordSessionAsync(new()
        {
            RunnerId = runnerId, Date = Day(2), Exercises = { Done(exercise.Code, 0) },
        }).ResponseAsync);

        Assert.Contains(painful.Changes, c => c.Type is "exercise_regressed" or "exercise_held" && c.Why.RuleId == "T4");
        Assert.Contains(painful.Changes, c => c.Type == "clinician_alert_raised" || c.Type == "exercise_regressed");
        // A valid code the program does not hold is refused by the program's state, naming the code.
        Assert.Equal(StatusCode.FailedPrecondition, unknown.StatusCode);
        Assert.Contains("moonwalk", unknown.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("date", future);
        var history = await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId });
        Assert.Single(history.Changes, c => c.Type == "session_recorded");
    }

    [Fact]
    public async Task Next_morning_pain_reported_at_intake_reaches_the_program_and_a_distance_jump_holds_progressions()
    {
        var (runnerId, _) = await ScreenedRunnerAsync();
        await ProgramAsync(runnerId);

        await Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), BodySite = IntakeApi.BodySite.AnteriorKnee, Side = IntakeApi.Side.Left,
            Severity = 3, Phase = IntakeApi.PainPhase.NextMorning,
        });
        await ImportDistanceJumpAsync(runnerId);

        var history = await Eventually.GetAsync(async () =>
        {
            var h = await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId });
            return h.Changes.Any(c => c.Type == "progressions_held") && h.Changes.Any(c => c.Type == "next_morning_pain_recorded") ? h : null;
        }, Delivery, "the program to react to intake's morning pain and L3 flag");
        var held = history.Changes.Single(c => c.Type == "progressions_held");
        Assert.Equal("T5", held.Why.RuleId);
        var advice = history.Changes.Single(c => c.Type == "running_volume_advised");
        Assert.Contains("20", advice.Summary, StringComparison.Ordinal);
        Assert.NotEmpty((await Programs.GetCurrentProgramAsync(new() { RunnerId = runnerId })).ProgressionsHeldUntil);
    }

    [Fact]
    public async Task The_week_plan_keeps_strength_sessions_off_hard_run_days_and_the_day_before()
    {
        var (runnerId, _) = await ScreenedRunnerAsync();
        await ProgramAsync(runnerId);
        var monday = Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));
        await Intake.ScheduleCompetitionAsync(new()
        {
            RunnerId = runnerId, Date = monday.AddDays(12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DistanceKm = 10,
            Priority = IntakeApi.CompetitionPriority.A, Name = "Harbour 10k",
        });

        var plan = await Programs.GetWeekPlanAsync(new() { RunnerId = runnerId, WeekOf = monday.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        Assert.Equal(7, plan.Days.Count);
        var race = plan.Days.Single(d => d.HardRuns.Count > 0);
        Assert.Contains("Harbour 10k", race.HardRuns[0], StringComparison.Ordinal);
        Assert.False(race.StrengthSession);
        Assert.False(plan.Days[plan.Days.IndexOf(race) - 1].StrengthSession);
        Assert.InRange(plan.Days.Count(d => d.StrengthSession), 2, 3);
        Assert.Equal("", plan.Note);
    }

    [Fact]
    public async Task A_program_for_a_runner_without_an_assessment_is_not_found_and_the_library_lists_ladders()
    {
        var runnerId = (await Intake.RegisterRunnerAsync(new() { DisplayName = "No Screen", BirthYear = 1990, Sex = Common.V1.Sex.Male })).Runner.RunnerId;

        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() => Programs.GetCurrentProgramAsync(new() { RunnerId = runnerId }).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() => Programs.RecordSessionAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), Exercises = { new ExerciseDone { Code = "glute_bridge", Completed = true, Sets = 1, Reps = 1 } },
        }).ResponseAsync));
        var library = await Programs.GetExerciseLibraryAsync(new());
        Assert.Contains(library.Exercises, e => e.Contraindications.Contains("hamstring"));
        Assert.Contains(library.Exercises, e => e.Progression.Length > 0 && e.Regression.Length > 0);
    }

    [Fact]
    public async Task A_runner_who_goes_quiet_gets_a_nudge_after_49_hours_and_the_clinician_an_alert_after_14_days()
    {
        var (runnerId, _) = await ScreenedRunnerAsync();
        await ProgramAsync(runnerId);
        var monitor = services.Programming.Services.GetRequiredService<RunRestore.Programming.Programs.EngagementMonitor>();

        await monitor.CheckAllAsync(DateTimeOffset.UtcNow.AddHours(50), CancellationToken.None);
        await monitor.CheckAllAsync(DateTimeOffset.UtcNow.AddHours(51), CancellationToken.None);
        await monitor.CheckAllAsync(DateTimeOffset.UtcNow.AddDays(15), CancellationToken.None);

        var history = await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId });
        Assert.Single(history.Changes, c => c.Type == "engagement_nudged");
        var alert = Assert.Single(history.Changes, c => c.Type == "clinician_alert_raised");
        Assert.Equal("P4", alert.Why.RuleId);
    }

    [Fact]
    public async Task A_distance_jump_flagged_before_the_first_screen_still_holds_the_new_programs_progressions()
    {
        var runnerId = await RegisteredRunnerAsync();
        await ImportDistanceJumpAsync(runnerId);
        var store = services.Programming.Services.GetRequiredService<IDocumentStore>();
        await Eventually.GetAsync(async () =>
        {
            await using var query = store.QuerySession(Clinic);
            var log = await query.LoadAsync<RunRestore.Programming.Programs.IntakeSignalLog>(Guid.Parse(runnerId));
            return log?.FlagsBeforeProgram?.Any(f => f.RuleId == "L3") == true ? log : null;
        }, Delivery, "programming to remember the L3 flag raised before any program");

        await ScreenedRunnerAsync(runnerId);
        var program = await ProgramAsync(runnerId);

        Assert.NotEmpty(program.ProgressionsHeldUntil);
        var history = await Programs.GetProgramHistoryAsync(new() { RunnerId = runnerId });
        Assert.Equal("T5", history.Changes.Single(c => c.Type == "progressions_held").Why.RuleId);
    }

    private async Task ImportDistanceJumpAsync(string runnerId)
    {
        var import = new IntakeApi.ImportRunsRequest { RunnerId = runnerId };
        foreach (var (day, km) in new[] { (-20, 10.0), (-17, 10.0), (-13, 10.0), (-10, 10.0), (-6, 14.0), (-4, 14.0), (-2, 14.0) })
        {
            var run = TestCalendar.Run(0, km);
            run.Date = Day(day);
            import.Runs.Add(run);
        }

        var imported = await Intake.ImportRunsAsync(import);
        Assert.Contains(imported.FlagsRaised, f => f.RuleId == "L3");
    }

    private static bool ExerciseHasEasierStep(ProgramExercise exercise) => exercise.Step > 0;

    /// <summary>Counts a RunRestore metric's increments in this process.</summary>
    private sealed class MeterCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public MeterCounter(string meter, string instrument)
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == meter && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
