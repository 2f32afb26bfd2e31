using System.Diagnostics;
using System.Diagnostics.Metrics;
using Google.Rpc;
using Grpc.Core;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RunRestore.Auth;
using RunRestore.Common.V1;
using RunRestore.Intake.Runners;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Telemetry;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;
using ProgrammingApi = RunRestore.Programming.V1;

namespace RunRestore.EndToEndTests.Skeleton;

public sealed class WalkingSkeletonServices() : ThreeServices("skeleton");

/// <summary>
/// The walking skeleton: RegisterRunner at intake → RunnerRegistered in the runner's stream → forwarded to RabbitMQ →
/// consumed idempotently by assessment and programming → readable from both, on real PostgreSQL and RabbitMQ.
/// </summary>
public sealed class WalkingSkeletonTests(WalkingSkeletonServices services) : IClassFixture<WalkingSkeletonServices>
{
    private const string Clinic = "clinic-north";
    private const string OtherClinic = "clinic-south";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private IntakeApi.IntakeService.IntakeServiceClient IntakeClient(string? token) => new(services.Intake.Channel(token));
    private AssessmentApi.AssessmentService.AssessmentServiceClient AssessmentClient(string? token) => new(services.Assessment.Channel(token));
    private ProgrammingApi.ProgrammingService.ProgrammingServiceClient ProgrammingClient(string? token) => new(services.Programming.Channel(token));

    private async Task<RunnerSummary> RegisterAsync(string displayName, string clinic = Clinic)
    {
        var response = await IntakeClient(TestTokens.For(clinic, Scopes.IntakeWrite)).RegisterRunnerAsync(new()
        {
            DisplayName = displayName,
            BirthYear = 1988,
            Sex = Sex.Female,
        });
        return response.Runner;
    }

    private Task<RunnerSummary> SeenByAssessmentAsync(string runnerId, string clinic = Clinic) =>
        Eventually.GetAsync(async () => (await AssessmentClient(TestTokens.For(clinic, Scopes.AssessmentRead))
            .GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "assessment to learn the runner");

    private Task<RunnerSummary> SeenByProgrammingAsync(string runnerId, string clinic = Clinic) =>
        Eventually.GetAsync(async () => (await ProgrammingClient(TestTokens.For(clinic, Scopes.ProgrammingRead))
            .GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "programming to learn the runner");

    [Fact]
    public async Task A_runner_registered_at_intake_becomes_visible_in_assessment_and_programming()
    {
        var registered = await RegisterAsync("Ada Runner");

        var atIntake = (await IntakeClient(TestTokens.For(Clinic, Scopes.IntakeRead))
            .GetRunnerAsync(new() { RunnerId = registered.RunnerId })).Runner;
        var atAssessment = await SeenByAssessmentAsync(registered.RunnerId);
        var atProgramming = await SeenByProgrammingAsync(registered.RunnerId);

        Assert.Equal(registered, atIntake);
        Assert.Equal(registered, atAssessment);
        Assert.Equal(registered, atProgramming);
        Assert.Equal("Ada Runner", atAssessment.DisplayName);
        Assert.Equal(Sex.Female, atProgramming.Sex);
    }

    [Fact]
    public async Task Delivering_the_same_RunnerRegistered_twice_changes_nothing_downstream()
    {
        var registered = await RegisterAsync("Grace Once");
        await SeenByAssessmentAsync(registered.RunnerId);
        await SeenByProgrammingAsync(registered.RunnerId);
        var runnerId = Guid.Parse(registered.RunnerId);
        var eventId = await FirstEventIdAsync(runnerId);

        using var duplicates = new DuplicateCounter();
        // A redelivery: same MessageId as the forwarded event, but a payload that would show if it were applied.
        var bus = services.Intake.Services.GetRequiredService<IBus>();
        await bus.Publish(new Contracts.Intake.RunnerRegistered(runnerId, "Grace Twice", 1950, "male", DateTimeOffset.UnixEpoch),
            ctx =>
            {
                ctx.MessageId = eventId;
                ctx.Headers.Set(EventForwarder.ClinicHeader, Clinic);
            });

        await Eventually.TrueAsync(() => duplicates.Count >= 2, Delivery, "both services to skip the redelivery");
        Assert.Equal(registered, await SeenByAssessmentAsync(registered.RunnerId));
        Assert.Equal(registered, await SeenByProgrammingAsync(registered.RunnerId));
    }

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_in_every_service()
    {
        var register = await Assert.ThrowsAsync<RpcException>(() => IntakeClient(null)
            .RegisterRunnerAsync(new() { DisplayName = "No Token", BirthYear = 1990, Sex = Sex.Male }).ResponseAsync);
        var assessment = await Assert.ThrowsAsync<RpcException>(() => AssessmentClient(null)
            .GetRunnerAsync(new() { RunnerId = Guid.NewGuid().ToString() }).ResponseAsync);
        var programming = await Assert.ThrowsAsync<RpcException>(() => ProgrammingClient(null)
            .GetRunnerAsync(new() { RunnerId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, register.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, assessment.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, programming.StatusCode);
    }

    [Fact]
    public async Task A_token_without_the_needed_scope_is_permission_denied()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => IntakeClient(TestTokens.For(Clinic, Scopes.IntakeRead))
            .RegisterRunnerAsync(new() { DisplayName = "Read Only", BirthYear = 1990, Sex = Sex.Male }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Another_clinics_token_gets_not_found_for_the_runner_in_every_service()
    {
        var registered = await RegisterAsync("Kept Private");
        await SeenByAssessmentAsync(registered.RunnerId);
        await SeenByProgrammingAsync(registered.RunnerId);
        var request = registered.RunnerId;

        var intake = await Assert.ThrowsAsync<RpcException>(() => IntakeClient(TestTokens.AllScopes(OtherClinic))
            .GetRunnerAsync(new() { RunnerId = request }).ResponseAsync);
        var assessment = await Assert.ThrowsAsync<RpcException>(() => AssessmentClient(TestTokens.AllScopes(OtherClinic))
            .GetRunnerAsync(new() { RunnerId = request }).ResponseAsync);
        var programming = await Assert.ThrowsAsync<RpcException>(() => ProgrammingClient(TestTokens.AllScopes(OtherClinic))
            .GetRunnerAsync(new() { RunnerId = request }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, intake.StatusCode);
        Assert.Equal(StatusCode.NotFound, assessment.StatusCode);
        Assert.Equal(StatusCode.NotFound, programming.StatusCode);
    }

    [Fact]
    public async Task An_empty_display_name_is_invalid_argument_naming_the_field_and_stores_nothing()
    {
        const string clinic = "clinic-validation";
        var before = await EventCountAsync(clinic);

        var ex = await Assert.ThrowsAsync<RpcException>(() => IntakeClient(TestTokens.For(clinic, Scopes.IntakeWrite))
            .RegisterRunnerAsync(new() { DisplayName = "  ", BirthYear = 1990, Sex = Sex.Male }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        Assert.NotNull(violations);
        var violation = Assert.Single(violations);
        Assert.Equal("display_name", violation.Field);
        Assert.Equal(before, await EventCountAsync(clinic));
        Assert.Equal(0, before);
    }

    [Fact]
    public async Task One_trace_spans_the_grpc_call_the_append_the_publish_and_both_consumes()
    {
        Activity.Current = null;
        var registered = await RegisterAsync("Traced Runner");
        await SeenByAssessmentAsync(registered.RunnerId);
        await SeenByProgrammingAsync(registered.RunnerId);

        var server = await Eventually.GetAsync(() => Task.FromResult(services.Activities.Snapshot().FirstOrDefault(a =>
            a.Kind == ActivityKind.Server && a.DisplayName.Contains("RegisterRunner", StringComparison.Ordinal)
            && a.GetTagItem("grpc.status_code") is not null && HasRunner(a, registered))), Delivery, "the RegisterRunner server span");
        var traceId = server.TraceId;

        IReadOnlyList<Activity> Trace() => services.Activities.Snapshot().Where(a => a.TraceId == traceId).ToList();
        bool Consumed(string service) => Trace().Any(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer
            && Describe(a).Contains($"{service}-known-runner", StringComparison.Ordinal));

        await Eventually.TrueAsync(() => Consumed("assessment") && Consumed("programming"), Delivery,
            "consume spans of both services in the trace of the call; spans seen:\n" + string.Join('\n', Trace().Select(Describe)));
        var trace = Trace();
        Assert.Contains(trace, a => a.Source.Name is "Npgsql" or "Marten" && a.ParentSpanId != default);
        Assert.Contains(trace, a => a.Source.Name == RunRestoreDiagnostics.SourceName && a.Kind == ActivityKind.Producer);
        Assert.Contains(trace, a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
    }

    // The server span of this test's call, not of another test's RegisterRunner: its trace holds this runner's forward span.
    private bool HasRunner(Activity server, RunnerSummary runner) => services.Activities.Snapshot().Any(a =>
        a.TraceId == server.TraceId && a.GetTagItem("runrestore.stream.id") is Guid id && id.ToString() == runner.RunnerId);

    private static string Describe(Activity a) =>
        $"{a.Source.Name} {a.Kind} '{a.DisplayName}' " + string.Join(", ", a.TagObjects.Select(t => $"{t.Key}={t.Value}"));

    private async Task<Guid> FirstEventIdAsync(Guid runnerId)
    {
        var store = services.Intake.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(Clinic);
        var events = await session.Events.FetchStreamAsync(runnerId);
        return Assert.IsType<RunnerRegistered>(events[0].Data).RunnerId == runnerId ? events[0].Id : Guid.Empty;
    }

    private async Task<int> EventCountAsync(string clinic)
    {
        var store = services.Intake.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession(clinic);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }

    /// <summary>Counts redeliveries skipped by the idempotent consumers (the runrestore.messages.duplicates metric).</summary>
    private sealed class DuplicateCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public DuplicateCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RunRestoreDiagnostics.MeterName && instrument.Name == "runrestore.messages.duplicates")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
