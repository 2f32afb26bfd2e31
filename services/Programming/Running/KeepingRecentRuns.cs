using Marten;
using MassTransit;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using IntakeEvents = RunRestore.Contracts.Intake;
using PainPhases = RunRestore.Contracts.Intake.PainPhases;

namespace RunRestore.Programming.Running;

/// <summary>
/// Keeps each runner's runs and running pain of the last 42 days (<see cref="RecentRuns"/>) for T6's running evidence
/// on a re-screen. Runners without a program are kept too: the re-screen needs the runs that came before it.
/// </summary>
public sealed class KeepingRecentRuns(IDocumentStore store, TimeProvider time) :
    IConsumer<IntakeEvents.RunLogged>,
    IConsumer<IntakeEvents.PainReported>
{
    /// <summary>Once per MessageId (ProcessedMessage), like every consumer of this service.</summary>
    public Task Consume(ConsumeContext<IntakeEvents.RunLogged> context) =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var m = context.Message;
            var runs = await LoadAsync(session, m.RunnerId, context.CancellationToken).ConfigureAwait(false);
            session.Store(runs.With(new LoggedRun(m.RunId, m.Date, m.DistanceKm, (int)Math.Ceiling(m.DurationSeconds / 60m))));
        });

    /// <summary>
    /// Running pain (P1: during and after a run). Not through ProcessedMessage: IntakeSignals already records
    /// PainReported's MessageId there, and a second record of the same id would read as a duplicate. The report's own id
    /// keys it in the document instead, so a redelivery replaces it with itself.
    /// </summary>
    public async Task Consume(ConsumeContext<IntakeEvents.PainReported> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        if (m.Phase is not (PainPhases.DuringRun or PainPhases.AfterRun))
        {
            return;
        }

        var clinic = context.Headers.Get<string>(EventForwarder.ClinicHeader);
        if (string.IsNullOrWhiteSpace(clinic))
        {
            throw new InvalidOperationException($"PainReported {context.MessageId} has no '{EventForwarder.ClinicHeader}' header.");
        }

        await using var session = store.LightweightSession(clinic);
        var runs = await LoadAsync(session, m.RunnerId, context.CancellationToken).ConfigureAwait(false);
        session.Store(runs.With(new RunningPain(m.PainReportId, m.Date, m.LinkedRunId, m.Severity)));
        await session.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
    }

    private static async Task<RecentRuns> LoadAsync(IDocumentSession session, Guid runnerId, CancellationToken ct) =>
        await session.LoadAsync<RecentRuns>(runnerId, ct).ConfigureAwait(false) ?? RecentRuns.Empty(runnerId);
}

/// <summary>One message at a time per service instance; the document's optimistic concurrency covers replicas.</summary>
public sealed class KeepingRecentRunsDefinition : ConsumerDefinition<KeepingRecentRuns>
{
    public KeepingRecentRunsDefinition() => ConcurrentMessageLimit = 1;
}
