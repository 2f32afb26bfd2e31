using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using RunRestore.Contracts;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.EndToEndTests.Security;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;
using ProgrammingApi = RunRestore.Programming.V1;

namespace RunRestore.EndToEndTests.Clinics;

public sealed class ClinicEventsServices() : ThreeServices("clinicevents");

/// <summary>
/// Clinics integrate through RabbitMQ in any language: clinic-facing events arrive as CloudEvents JSON on a topic
/// exchange, a clinic can submit a screen as a message, and operators can follow one trace from a partner's call to
/// the clinic's event. Read and written here with plain RabbitMQ.Client, not MassTransit.
/// </summary>
public sealed class ClinicEventsTests(ClinicEventsServices services) : IClassFixture<ClinicEventsServices>
{
    private const string Clinic = "clinic-cloudevents";
    private const string ClinicEvents = "runrestore.clinic-events";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Token => TestTokens.AllScopes(Clinic);

    private IntakeApi.IntakeService.IntakeServiceClient Intake => new(services.Intake.Channel(Token));
    private AssessmentApi.AssessmentService.AssessmentServiceClient Assessment => new(services.Assessment.Channel(Token));
    private ProgrammingApi.ProgrammingService.ProgrammingServiceClient Programs => new(services.Programming.Channel(Token));

    private async Task<string> RegisterAsync()
    {
        var runnerId = (await Intake.RegisterRunnerAsync(new() { DisplayName = "Clinic Runner", BirthYear = 1984, Sex = Common.V1.Sex.Female })).Runner.RunnerId;
        await Eventually.GetAsync(async () => (await Assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "assessment to learn the runner");
        await Eventually.GetAsync(async () => (await Programs.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "programming to learn the runner");
        return runnerId;
    }

    private async Task ScreenAsync(string runnerId)
    {
        var id = (await Assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "knee" })).Assessment.AssessmentId;
        await Assessment.RecordTestResultAsync(new() { AssessmentId = id, TestCode = "hip_abduction_strength", Side = AssessmentApi.BodySide.Left, Value = 1.3 });
        await Assessment.RecordTestResultAsync(new() { AssessmentId = id, TestCode = "hip_abduction_strength", Side = AssessmentApi.BodySide.Right, Value = 1.8 });
        await Assessment.CompleteAssessmentAsync(new() { AssessmentId = id });
    }

    private Task WaitForProgramAsync(string runnerId) => Eventually.GetAsync(async () =>
    {
        try
        {
            return await Programs.GetCurrentProgramAsync(new() { RunnerId = runnerId });
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }, Delivery, "a program");

    [Fact]
    public async Task Pain_screens_and_prescriptions_reach_a_clinic_as_cloud_events_routed_by_clinic_and_type()
    {
        await using var clinic = await RawRabbitClient.ConnectAsync(services.RabbitUri);
        var queue = await clinic.BindTopicAsync(ClinicEvents, $"clinic.{Clinic}.#");
        var runnerId = await RegisterAsync();

        await Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), BodySite = IntakeApi.BodySite.AnteriorKnee, Side = IntakeApi.Side.Left,
            Severity = 4, Phase = IntakeApi.PainPhase.DuringRun, OnsetKm = 9,
        });
        await ScreenAsync(runnerId);

        bool About(RawRabbitClient.Delivery d) => d.Body.GetProperty("subject").GetString() == runnerId;
        var pain = await clinic.NextAsync(queue, d => About(d) &&  d.RoutingKey == $"clinic.{Clinic}.intake.pain_reported");
        var screen = await clinic.NextAsync(queue, d => About(d) && d.RoutingKey == $"clinic.{Clinic}.assessment.assessment_completed");
        var program = await clinic.NextAsync(queue, d => About(d) && d.RoutingKey == $"clinic.{Clinic}.programming.program_prescribed");

        Assert.Equal("1.0", pain.Body.GetProperty("specversion").GetString());
        Assert.Equal("urn:runrestore:intake", pain.Body.GetProperty("source").GetString());
        Assert.Equal("runrestore.intake.pain_reported", pain.Body.GetProperty("type").GetString());
        Assert.Equal("application/json", pain.Body.GetProperty("datacontenttype").GetString());
        Assert.True(Guid.TryParse(pain.Body.GetProperty("id").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(pain.Body.GetProperty("time").GetString(), CultureInfo.InvariantCulture, out _));
        Assert.Equal(Clinic, pain.Body.GetProperty("clinic").GetString());
        Assert.Equal(9m, pain.Body.GetProperty("data").GetProperty("onsetKm").GetDecimal());
        Assert.Equal("anterior_knee", pain.Body.GetProperty("data").GetProperty("bodySite").GetString());
        Assert.Contains(screen.Body.GetProperty("data").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("ruleId").GetString() == "M4");
        Assert.Equal("restore", program.Body.GetProperty("data").GetProperty("phase").GetString());
        Assert.Equal("urn:runrestore:programming", program.Body.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_clinic_bound_to_its_own_prefix_receives_nothing_about_another_clinics_runners()
    {
        await using var other = await RawRabbitClient.ConnectAsync(services.RabbitUri);
        var othersQueue = await other.BindTopicAsync(ClinicEvents, "clinic.clinic-elsewhere.#");
        await using var mine = await RawRabbitClient.ConnectAsync(services.RabbitUri);
        var myQueue = await mine.BindTopicAsync(ClinicEvents, $"clinic.{Clinic}.#");
        var runnerId = await RegisterAsync();

        await Intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(0), BodySite = IntakeApi.BodySite.AnteriorKnee, Side = IntakeApi.Side.Left,
            Severity = 3, Phase = IntakeApi.PainPhase.AfterRun,
        });
        await mine.NextAsync(myQueue, d => d.Body.GetProperty("subject").GetString() == runnerId);

        Assert.Equal(0u, await other.CountAsync(othersQueue));
    }

    [Fact]
    public async Task A_clinic_can_submit_a_screen_as_a_message_once_and_a_bad_one_is_answered_with_the_reason()
    {
        // The clinic's system connects as its own broker user (`runrestore clinic add`) and says who it is in user_id.
        await using var clinic = await ClinicBroker.ProvisionAsync(services.Infrastructure, services.RabbitUri, Clinic);
        var events = await clinic.BindOwnQueueAsync("screens", $"clinic.{Clinic}.assessment.#");
        await using var operators = await RawRabbitClient.ConnectAsync(services.RabbitUri);
        var runnerId = await RegisterAsync();
        object Screen(string id, string testCode, string type = "runrestore.clinic.screen_submitted") => new
        {
            specversion = "1.0", id, source = "urn:clinic:north-physio", type, subject = runnerId,
            data = new
            {
                reason = "screen from the clinic's own system",
                results = new object[]
                {
                    new { test_code = testCode, side = "left", value = 1.2m, unit = "n_per_kg" },
                    new { test_code = "hip_abduction_strength", side = "right", value = 1.8m, unit = "n_per_kg" },
                },
            },
        };
        async Task SubmitAsync(object screen) =>
            Assert.Null(await clinic.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(Clinic), screen));

        await SubmitAsync(Screen("screen-1", "hip_abduction_strength"));
        await SubmitAsync(Screen("screen-1", "hip_abduction_strength"));
        await SubmitAsync(Screen("screen-2", "moon_jump"));
        await SubmitAsync(Screen("screen-3", "hip_abduction_strength", type: "runrestore.assessment.assessment_completed"));

        var completed = await clinic.NextAsync(events, (key, d) => key.EndsWith(".assessment_completed", StringComparison.Ordinal)
            && d.GetProperty("subject").GetString() == runnerId);
        Assert.Contains(completed.GetProperty("data").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("key").GetString() == "M4:hip_abductors:left");
        // Refused screens: the clinic hears the reason only, under its own prefix; operators keep the fault details.
        string ReasonFor(JsonElement rejection) => rejection.GetProperty("data").GetProperty("reason").GetString()!;
        bool Rejected(string key, JsonElement d, string id) => key == $"clinic.{Clinic}.assessment.screen_rejected"
            && d.GetProperty("data").GetProperty("screenId").GetString() == id;
        Assert.Contains("data.results[0].test_code", ReasonFor(await clinic.NextAsync(events, (k, d) => Rejected(k, d, "screen-2"))),
            StringComparison.Ordinal);
        Assert.Contains("type: must be runrestore.clinic.screen_submitted",
            ReasonFor(await clinic.NextAsync(events, (k, d) => Rejected(k, d, "screen-3"))), StringComparison.Ordinal);
        var failed = await operators.NextAsync("assessment-clinic-screens_error",
            d => d.Body.GetProperty("id").GetString() == "screen-2", TimeSpan.FromSeconds(45));
        Assert.Contains("data.results[0].test_code", failed.Headers["MT-Fault-Message"], StringComparison.Ordinal);
        var list = await Eventually.GetAsync(async () =>
        {
            await Task.Delay(500);
            var l = await Assessment.ListAssessmentsAsync(new() { RunnerId = runnerId });
            return l.Assessments.Count > 0 ? l : null;
        }, Delivery, "the submitted screen");
        await Task.Delay(2000); // the duplicate has had time to arrive
        Assert.Single((await Assessment.ListAssessmentsAsync(new() { RunnerId = runnerId })).Assessments);
        Assert.Single(list.Assessments);
    }

    [Fact]
    public async Task One_trace_runs_from_a_partners_LogRun_through_all_three_services_to_the_clinics_event()
    {
        await using var clinic = await RawRabbitClient.ConnectAsync(services.RabbitUri);
        var adapted = await clinic.BindTopicAsync(ClinicEvents, $"clinic.{Clinic}.programming.program_adapted");
        var runnerId = await RegisterAsync();
        await ScreenAsync(runnerId);
        await WaitForProgramAsync(runnerId);
        var history = new IntakeApi.ImportRunsRequest { RunnerId = runnerId };
        foreach (var day in new[] { -20, -17, -13, -10, -6, -3 })
        {
            var r = TestCalendar.Run(0, day > -7 ? 5 : 10);
            r.Date = Day(day);
            history.Runs.Add(r);
        }

        await Intake.ImportRunsAsync(history);

        // The partner's call: a long run that makes this week's distance jump (L3), with no trace around it yet.
        Activity.Current = null;
        var run = TestCalendar.Run(0, 25, 330, IntakeApi.SessionType.Long, 6);
        run.Date = Day(0);
        var logged = await Intake.LogRunAsync(new() { RunnerId = runnerId, Run = run });
        Assert.Contains(logged.FlagsRaised, f => f.RuleId == "L3");

        var clinicEvent = await clinic.NextAsync(adapted, d => d.Body.GetProperty("subject").GetString() == runnerId);
        // The clinic's event carries the trace; that trace must begin at the partner's LogRun call (other test classes'
        // spans are in the same process, so the trace id, not "the latest LogRun", identifies it).
        var traceId = ActivityTraceId.CreateFromString(clinicEvent.Body.GetProperty("traceparent").GetString()!.Split('-')[1]);
        var server = await Eventually.GetAsync(() => Task.FromResult(services.Activities.Snapshot().FirstOrDefault(a =>
            a.TraceId == traceId && a.Kind == ActivityKind.Server && a.DisplayName.Contains("LogRun", StringComparison.Ordinal))),
            Delivery, "the LogRun server span in the clinic event's trace");
        Assert.Equal(default, server.ParentSpanId);

        IReadOnlyList<Activity> Trace() => services.Activities.Snapshot().Where(a => a.TraceId == server.TraceId).ToList();
        bool ConsumedBy(string queuePrefix) => Trace().Any(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Consumer
            && a.TagObjects.Any(t => t.Value?.ToString()?.Contains(queuePrefix, StringComparison.Ordinal) == true));
        await Eventually.TrueAsync(() => ConsumedBy("assessment-") && ConsumedBy("programming-")
                && Trace().Any(a => a.DisplayName == "publish runrestore.programming.program_adapted"),
            Delivery, "consume spans of assessment and programming and the clinic publish in the LogRun trace");
        Assert.Contains(Trace(), a => a.Source.Name is "Npgsql" or "Marten");
    }
}
