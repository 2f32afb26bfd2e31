using System.Globalization;
using RabbitMQ.Client;
using RunRestore.Contracts;
using RunRestore.Contracts.Assessment;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Security;

public sealed class BrokerIsolationServices() : ThreeServices("brokerisolation");

/// <summary>
/// Issue 12: each clinic sees only its own on the broker too, enforced by RabbitMQ itself. Two clinics' systems connect
/// with plain RabbitMQ.Client as the users `runrestore clinic add` provisions; everything outside a clinic's own prefix
/// is refused by the broker (ACCESS_REFUSED), and an inbound screen's clinic is the broker-validated sender.
/// </summary>
public sealed class BrokerIsolationTests(BrokerIsolationServices services) : IClassFixture<BrokerIsolationServices>
{
    private const string A = "iso-a";
    private const string B = "iso-b";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private Task<ClinicBroker> ClinicAsync(string clinic) =>
        ClinicBroker.ProvisionAsync(services.Infrastructure, services.RabbitUri, clinic);

    private IntakeApi.IntakeService.IntakeServiceClient Intake(string clinic) => new(services.Intake.Channel(TestTokens.AllScopes(clinic)));

    private AssessmentApi.AssessmentService.AssessmentServiceClient Assessment(string clinic) =>
        new(services.Assessment.Channel(TestTokens.AllScopes(clinic)));

    private async Task<string> RegisterAsync(string clinic)
    {
        var runnerId = (await Intake(clinic).RegisterRunnerAsync(new() { DisplayName = "Isolated Runner", BirthYear = 1988, Sex = Common.V1.Sex.Male }))
            .Runner.RunnerId;
        await Eventually.GetAsync(async () => (await Assessment(clinic).GetRunnerAsync(new() { RunnerId = runnerId })).Runner,
            Delivery, "assessment to learn the runner");
        return runnerId;
    }

    private static object Screen(string id, string runnerId, string? clinic) => new
    {
        specversion = "1.0", id, source = "urn:clinic:iso", type = "runrestore.clinic.screen_submitted", subject = runnerId, clinic,
        data = new
        {
            reason = "screen from the clinic's own system",
            results = new object[]
            {
                new { test_code = "hip_abduction_strength", side = "left", value = 1.2m, unit = "n_per_kg" },
                new { test_code = "hip_abduction_strength", side = "right", value = 1.8m, unit = "n_per_kg" },
            },
        },
    };

    [Fact]
    public async Task A_clinic_may_bind_only_its_own_prefix_and_declare_only_its_own_queues()
    {
        await using var b = await ClinicAsync(B);
        var queue = await b.BindOwnQueueAsync("binding-check", $"clinic.{B}.#");

        foreach (var key in new[] { $"clinic.{A}.#", "#", "clinic.*.#", $"clinic.{A}.programming.program_adapted", "clinic.#" })
        {
            var refused = await b.TryAsync(channel => channel.QueueBindAsync(queue, ClinicRouting.EventsExchange, key));
            Assert.True(refused?.Code == ClinicBroker.AccessRefused, $"binding '{key}' was not refused: {refused}");
        }

        Assert.Equal(ClinicBroker.AccessRefused, (await b.TryAsync(channel =>
            channel.QueueDeclareAsync($"clinic.{A}.stolen", durable: false, exclusive: false, autoDelete: false)))?.Code);
        Assert.Equal(ClinicBroker.AccessRefused, (await b.TryAsync(channel =>
            channel.ExchangeDeclareAsync(ClinicRouting.EventsExchange, ExchangeType.Topic, durable: true)))?.Code);
    }

    [Fact]
    public async Task A_clinic_cannot_read_or_bind_internal_queues_and_exchanges()
    {
        await using var b = await ClinicAsync(B);
        var queue = await b.BindOwnQueueAsync("internal-check", $"clinic.{B}.#");

        // The inbound consumer's queue and the integration events' MassTransit exchange exist (the services run).
        Assert.Equal(ClinicBroker.AccessRefused, (await b.TryAsync(channel => channel.BasicGetAsync("assessment-clinic-screens", true)))?.Code);
        Assert.Equal(ClinicBroker.AccessRefused, (await b.TryAsync(channel => channel.BasicGetAsync("assessment-clinic-screens_error", true)))?.Code);
        Assert.Equal(ClinicBroker.AccessRefused, (await b.TryAsync(channel =>
            channel.QueueBindAsync(queue, "RunRestore.Contracts.Assessment:AssessmentCompleted", "")))?.Code);
    }

    [Fact]
    public async Task Publishing_under_another_clinics_prefix_as_another_user_or_to_the_events_exchange_is_refused()
    {
        await using var b = await ClinicAsync(B);
        var runner = Guid.NewGuid().ToString();

        var otherPrefix = await b.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(A), Screen("p-1", runner, null));
        var otherUser = await b.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(B), Screen("p-2", runner, null),
            userId: ClinicRouting.UserOf(A));
        var eventsExchange = await b.PublishAsync(ClinicRouting.EventsExchange, $"clinic.{A}.assessment.assessment_completed", new { });

        Assert.Equal(ClinicBroker.AccessRefused, otherPrefix?.Code);
        Assert.Equal(ClinicBroker.PreconditionFailed, otherUser?.Code); // the broker checks user_id against the login
        Assert.Equal(ClinicBroker.AccessRefused, eventsExchange?.Code);
        Assert.Null(await b.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(B), new { probe = true }));
    }

    [Fact]
    public async Task A_forged_internal_event_from_a_clinic_is_refused_by_the_broker()
    {
        await using var b = await ClinicAsync(B);
        var forged = new { messageId = Guid.NewGuid(), message = new { runnerId = Guid.NewGuid(), displayName = "Forged" } };

        var toExchange = await b.PublishAsync("RunRestore.Contracts.Intake:RunnerRegistered", "", forged);
        var toQueue = await b.PublishAsync("", "programming-known-runner", forged); // the default exchange, straight to a queue

        Assert.Equal(ClinicBroker.AccessRefused, toExchange?.Code);
        Assert.Equal(ClinicBroker.AccessRefused, toQueue?.Code);
    }

    [Fact]
    public async Task A_screen_naming_another_clinic_is_refused_to_its_sender_with_a_reason_only_and_never_stored_in_the_named_clinic()
    {
        await using var a = await ClinicAsync(A);
        await using var b = await ClinicAsync(B);
        var aEvents = await a.BindOwnQueueAsync("screen-check", $"clinic.{A}.#");
        var bEvents = await b.BindOwnQueueAsync("screen-check", $"clinic.{B}.#");
        var runnerOfA = await RegisterAsync(A);

        Assert.Null(await b.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(B), Screen("forged-1", runnerOfA, A)));

        var rejected = await b.NextAsync(bEvents, (key, body) => key == $"clinic.{B}.assessment.screen_rejected"
            && body.GetProperty("data").GetProperty("screenId").GetString() == "forged-1");
        Assert.Equal(ClinicScreenRejected.CloudEventType, rejected.GetProperty("type").GetString());
        Assert.Equal(B, rejected.GetProperty("clinic").GetString());
        var data = rejected.GetProperty("data");
        Assert.Equal(["screenId", "screenSource", "reason"], data.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("clinic: ", data.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var text = rejected.GetRawText();
        foreach (var internals in new[] { "Exception", ".cs", " at ", "MT-Fault", "/work/", "StackTrace" })
        {
            Assert.DoesNotContain(internals, text, StringComparison.Ordinal);
        }

        await Task.Delay(2000); // had it been stored, the assessment would be listed by now
        Assert.Empty((await Assessment(A).ListAssessmentsAsync(new() { RunnerId = runnerOfA })).Assessments);
        Assert.DoesNotContain(await a.DrainAsync(aEvents), m => m.RoutingKey.Contains("screen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_screen_without_a_clinic_sender_is_not_stored_and_goes_to_the_operators_error_queue()
    {
        var runnerOfA = await RegisterAsync(A);
        // The administrator can publish anything, but sets no user_id: the consumer has no clinic to act for.
        await using var admin = await RawRabbitClient.ConnectAsync(services.RabbitUri);
        await admin.PublishJsonAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(A), Screen("no-sender-1", runnerOfA, A));

        var failed = await admin.NextAsync("assessment-clinic-screens_error",
            d => d.Body.GetProperty("id").GetString() == "no-sender-1", TimeSpan.FromSeconds(45));
        Assert.Contains("user_id", failed.Headers["MT-Fault-Message"], StringComparison.Ordinal);
        Assert.Empty((await Assessment(A).ListAssessmentsAsync(new() { RunnerId = runnerOfA })).Assessments);
    }

    [Fact]
    public async Task Each_clinic_receives_only_its_own_cloud_events()
    {
        await using var a = await ClinicAsync(A);
        await using var b = await ClinicAsync(B);
        var aEvents = await a.BindOwnQueueAsync("own-check", $"clinic.{A}.#");
        var bEvents = await b.BindOwnQueueAsync("own-check", $"clinic.{B}.#");
        var runnerOfA = await RegisterAsync(A);
        var runnerOfB = await RegisterAsync(B);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (clinic, runner) in new[] { (A, runnerOfA), (B, runnerOfB) })
        {
            await Intake(clinic).ReportPainAsync(new()
            {
                RunnerId = runner, Date = today, BodySite = IntakeApi.BodySite.AnteriorKnee, Side = IntakeApi.Side.Left,
                Severity = 3, Phase = IntakeApi.PainPhase.AfterRun,
            });
        }

        await b.NextAsync(bEvents, (_, body) => body.GetProperty("subject").GetString() == runnerOfB);
        await a.NextAsync(aEvents, (_, body) => body.GetProperty("subject").GetString() == runnerOfA);

        await Task.Delay(1000); // anything misrouted would have arrived together with the clinic's own
        foreach (var (clinic, queue, others) in new[] { (a, aEvents, runnerOfB), (b, bEvents, runnerOfA) })
        {
            var rest = await clinic.DrainAsync(queue);
            Assert.All(rest, m => Assert.Equal(clinic.Clinic, m.Body.GetProperty("clinic").GetString()));
            Assert.DoesNotContain(rest, m => m.Body.GetProperty("subject").GetString() == others);
        }
    }
}
