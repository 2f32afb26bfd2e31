using System.Collections.Immutable;
using Marten;
using MassTransit;
using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Pain;
using RunRestore.ServiceDefaults.Messaging;
using PainPhases = RunRestore.Contracts.Intake.PainPhases;
using IntakeEvents = RunRestore.Contracts.Intake;

namespace RunRestore.Programming.Programs;

/// <summary>
/// What intake's events change in a program: every pain report (P1-P3, next morning also P2/T4), load flags (T5, and
/// S1/S2 until cleared) and
/// the running pain a re-screen's technique gate looks at (T6). Runners without a program are skipped.
/// </summary>
public sealed class IntakeSignals(IDocumentStore store, TimeProvider time) :
    IConsumer<IntakeEvents.PainReported>,
    IConsumer<IntakeEvents.LoadFlagRaised>,
    IConsumer<IntakeEvents.LoadFlagCleared>,
    IConsumer<IntakeEvents.PainResolved>
{
    public Task Consume(ConsumeContext<IntakeEvents.PainReported> context) =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var m = context.Message;
            var date = m.Date;
            // Every report, open until resolved, for the next prescription (issue 13: start low, open pain, pain side);
            // T6 also reads running pain: during and after a run.
            var log = (await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false)
                ?? new IntakeSignalLog(m.RunnerId, ImmutableList<RunningPainReport>.Empty))
                .With(new KnownPainReport(m.PainReportId, date, m.BodySite, m.Side, m.Severity));
            session.Store(m.Phase is PainPhases.DuringRun or PainPhases.AfterRun
                ? log.With(new RunningPainReport(date, m.Severity))
                : log);

            // P1-P3 on every report, whatever its phase (P2 too for the next morning).
            await MonitoringPainReport.HandleIfProgramAsync(session, m.RunnerId,
                new MonitorPainReport(m.PainReportId, date, m.BodySite, m.Side, m.Severity, m.Phase), time,
                context.CancellationToken).ConfigureAwait(false);
        });

    public Task Consume(ConsumeContext<IntakeEvents.LoadFlagRaised> context) =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var m = context.Message;
            var decided = await ReactingToLoadFlag.HandleIfProgramAsync(session, m.RunnerId,
                new ReactToLoadFlag(m.RuleId, m.Kind, m.Severity, m.AsOf), time, context.CancellationToken).ConfigureAwait(false);
            if (decided is null)
            {
                // No program yet: remember the flag, the prescription applies it (T5) if it is still recent.
                var log = await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false)
                    ?? new IntakeSignalLog(m.RunnerId, ImmutableList<RunningPainReport>.Empty);
                session.Store(log.With(new RaisedLoadFlag(m.RuleId, m.Kind, m.Severity,
                    m.AsOf)));
            }
        });

    // S1/S2 hold progressions until intake clears them; before a program exists the log forgets the cleared flag, so
    // the prescription that follows does not start held for it.
    public Task Consume(ConsumeContext<IntakeEvents.LoadFlagCleared> context) =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var m = context.Message;
            if (await EndingWellnessHold.HandleIfProgramAsync(session, m.RunnerId, new EndLoadFlag(m.RuleId, m.Kind, m.AsOf),
                    context.CancellationToken).ConfigureAwait(false) is null
                && await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false) is { } log)
            {
                session.Store(log.Without(m.RuleId, m.Kind, m.AsOf));
            }
        });

    // A resolved report is no longer open pain for the next prescription (issue 13).
    public Task Consume(ConsumeContext<IntakeEvents.PainResolved> context) =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var m = context.Message;
            if (await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false) is { } log)
            {
                session.Store(log.Resolving(m.PainReportId));
            }
        });
}

/// <summary>One intake message at a time, in publication order, per the program it changes.</summary>
public sealed class IntakeSignalsDefinition : ConsumerDefinition<IntakeSignals>
{
    public IntakeSignalsDefinition() => ConcurrentMessageLimit = 1;
}
