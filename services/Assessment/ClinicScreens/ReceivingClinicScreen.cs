using System.Security.Cryptography;
using System.Text;
using Marten;
using MassTransit;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Contracts;
using RunRestore.Contracts.Assessment;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.Assessment.ClinicScreens;

/// <summary>
/// A clinic's system submits a completed screen as a message (CloudEvents JSON, no MassTransit needed): it is checked
/// like the gRPC path (catalogue, units, ranges, sides), stored as one assessment — started, results, completed — and
/// published like any other. The clinic (tenant) is the sender's broker user from the AMQP <c>user_id</c> property,
/// which the broker validates against the connection's login (ARCHITECTURE.md, "Clinics on the broker"), never the
/// body; a message without one, or from a user that is no clinic's, is refused. Idempotent on CloudEvents source + id.
/// An invalid screen stores nothing, is answered to its clinic with a <see cref="ClinicScreenRejected"/> CloudEvent
/// (the reason only) and ends in the error queue, which only operators can read.
/// </summary>
public sealed class ReceivingClinicScreen(IDocumentStore store, IntakeLoadReader intake, ClinicEventPublisher clinicEvents,
    TimeProvider time) : IConsumer<ClinicScreenSubmitted>
{
    /// <summary>The only CloudEvents type this exchange takes.</summary>
    public const string ScreenSubmittedType = "runrestore.clinic.screen_submitted";

    private const int MaxReasonLength = 1000;

    public async Task Consume(ConsumeContext<ClinicScreenSubmitted> context)
    {
        var clinic = SenderClinic(context);
        if (clinic is null)
        {
            // No clinic to answer: operators see it in the error queue.
            new FieldViolations().Add("user_id", "must be the broker user of a clinic (clinic.<clinic id>)").ThrowIfAny();
            return;
        }

        try
        {
            await StoreAsync(context, clinic).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidRequestException or PreconditionFailedException)
        {
            await RejectAsync(context.Message, clinic, ex, context.CancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The clinic of the broker-validated sender, or null.</summary>
    private static string? SenderClinic(ConsumeContext context)
    {
        var rabbit = context.ReceiveContext as RabbitMqBasicConsumeContext;
        if (rabbit is null && !context.ReceiveContext.TryGetPayload(out rabbit))
        {
            return null;
        }

        return ClinicRouting.ClinicOfUser(rabbit?.Properties?.UserId);
    }

    private async Task RejectAsync(ClinicScreenSubmitted? m, string clinic, Exception ex, CancellationToken ct)
    {
        var reason = ex is InvalidRequestException invalid
            ? string.Join("; ", invalid.Problems.Select(p => $"{p.Field}: {p.Message}"))
            : ex.Message;
        var screenId = Capped(m?.Id ?? "", 200);
        var source = Capped(m?.Source ?? "", 200);
        var subject = Guid.TryParse(m?.Subject, out var runner) ? runner.ToString() : "";
        await clinicEvents.PublishAsync(ClinicScreenRejected.CloudEventType, subject, KeyOf("rejected\n" + source, screenId),
            clinic, time.GetUtcNow(), new ClinicScreenRejected(screenId, source, Capped(reason, MaxReasonLength)), ct).ConfigureAwait(false);
    }

    private static string Capped(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private async Task StoreAsync(ConsumeContext<ClinicScreenSubmitted> context, string clinic)
    {
        var m = context.Message;
        Check(m, clinic);
        var processedId = KeyOf(m.Source, m.Id);
        await using var session = store.LightweightSession(clinic);
        if (await session.LoadAsync<ProcessedMessage>(processedId, context.CancellationToken).ConfigureAwait(false) is not null)
        {
            RunRestoreDiagnostics.DuplicateMessagesSkipped.Add(1, new KeyValuePair<string, object?>("message", nameof(ClinicScreenSubmitted)));
            return;
        }

        var now = time.GetUtcNow();
        AssessmentStarted started;
        using (ServiceIdentity.ActFor(clinic))
        {
            started = await ClinicScreenFields.PrefixedAsync(ClinicScreenFields.Data,
                () => StartingAssessment.DecideAsync(session, intake, StartOf(m), now, context.CancellationToken)).ConfigureAwait(false);
        }

        var completed = await CompletingAssessment.CompletedScreensAsync(session, started.RunnerId, context.CancellationToken)
            .ConfigureAwait(false);
        var events = Decide(started, m.Data.Results, completed, now, () => Guid.CreateVersion7(now));
        session.Events.StartStream<AssessmentRecord>(started.AssessmentId, events);
        session.Insert(new ProcessedMessage(processedId, nameof(ClinicScreenSubmitted), now));
        await session.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        RunRestoreDiagnostics.MessagesConsumed.Add(1, new KeyValuePair<string, object?>("message", nameof(ClinicScreenSubmitted)));
    }

    /// <summary>The envelope: CloudEvents 1.0 of our type, the sender's clinic, a runner, a reason and results.</summary>
    public static void Check(ClinicScreenSubmitted m, string clinic)
    {
        ArgumentNullException.ThrowIfNull(m);
        new FieldViolations()
            .Check(m.SpecVersion == "1.0", "specversion", "must be 1.0")
            .Check(m.Type == ScreenSubmittedType, "type", $"must be {ScreenSubmittedType}")
            .Check(!string.IsNullOrWhiteSpace(m.Id) && !string.IsNullOrWhiteSpace(m.Source), "id", "id and source must be given")
            .Check(string.IsNullOrEmpty(m.Clinic) || m.Clinic == clinic, "clinic",
                "names another clinic than the sender's broker user (leave it out: the sender decides)")
            .Check(m.Data?.Results is { Count: > 0 }, "data.results", "must hold at least one result")
            .Check(!string.IsNullOrWhiteSpace(m.Data?.Reason), "data.reason", "must say why the screen was done")
            .Check(Guid.TryParse(m.Subject, out _), "subject", "must be the runner id (UUID)")
            .ThrowIfAny();
    }

    /// <summary>
    /// The screen's start, as a clinician's StartAssessment would ask for it: StartingAssessment checks it (reason,
    /// pain report, performed_on from a year ago to today: one rule for both paths), and its problems are named as the
    /// message's fields (<c>data.performed_on</c>) by <see cref="Starting{T}"/>.
    /// </summary>
    public static StartAssessment StartOf(ClinicScreenSubmitted m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new StartAssessment(m.Subject, m.Data.Reason, m.Data.PainReportId ?? "", m.Data.PerformedOn ?? "",
            (double?)m.Data.HeightCm, (double?)m.Data.WeightKg);
    }

    /// <summary>Decides the screen's start with <paramref name="decide"/>, its problems named <c>data.&lt;field&gt;</c>.</summary>
    public static T Starting<T>(ClinicScreenSubmitted m, Func<StartAssessment, T> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return ClinicScreenFields.Prefixed(ClinicScreenFields.Data, () => decide(StartOf(m)));
    }

    /// <summary>
    /// The screen as one assessment's events: <paramref name="started"/>, each result checked like RecordTestResult
    /// (its fields named <c>data.results[i].</c>), the completion and its red flags. One bad result refuses the whole screen.
    /// </summary>
    public static IReadOnlyList<object> Decide(AssessmentStarted started, IReadOnlyList<ClinicScreenResult> results,
        IReadOnlyList<AssessmentRecord> completedScreens, DateTimeOffset now, Func<Guid> newResultId)
    {
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(newResultId);
        var assessment = AssessmentRecord.Create(started);
        var events = new List<object> { started };
        foreach (var (result, index) in results.Select((r, i) => (r, i)))
        {
            var command = new RecordTestResult(started.AssessmentId, result.TestCode, ClinicScreenFields.SideOf(result.Side),
                (double)result.Value, result.Unit, ClinicScreenFields.RatingOf(result.Rating), result.Notes);
            var recorded = ClinicScreenFields.Prefixed($"{ClinicScreenFields.Data}results[{index}].",
                () => RecordingTestResult.Decide(command, assessment, newResultId(), now));
            assessment = assessment.Apply(recorded);
            events.Add(recorded);
        }

        events.AddRange(CompletingAssessment.Decide(new CompleteAssessment(started.AssessmentId), assessment, completedScreens, now,
            newResultId));
        return events;
    }

    /// <summary>CloudEvents source + id as a stable processed-message id.</summary>
    public static Guid KeyOf(string source, string id) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\n{id}")).AsSpan(0, 16));
}
