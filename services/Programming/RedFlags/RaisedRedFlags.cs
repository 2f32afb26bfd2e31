using System.Collections.Immutable;
using Marten;
using MassTransit;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Messaging;
using Safety = RunRestore.Contracts.Safety;

namespace RunRestore.Programming.RedFlags;

/// <summary>
/// Red flags from intake's pain reports and assessment's screens (R1-R6) hold the runner's program, once per message.
/// A runner without a program yet has the flag remembered, so the prescription that follows is held too.
/// </summary>
public sealed class RaisedRedFlags(IDocumentStore store, TimeProvider time) : IConsumer<Safety.RedFlagRaised>
{
    public Task Consume(ConsumeContext<Safety.RedFlagRaised> context) =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var m = context.Message;
            var flag = new HoldForRedFlag(m.RedFlagId, m.RuleId, m.RuleVersion, m.Severity, m.BodySite, m.Side, m.Signs ?? [],
                m.Explanation ?? "", m.Source ?? "", m.TriggeringIds ?? [], m.RaisedOn);
            if (await HoldingForRedFlag.HandleIfProgramAsync(session, m.RunnerId, flag, time, context.CancellationToken)
                    .ConfigureAwait(false) is null)
            {
                var log = await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false)
                    ?? new IntakeSignalLog(m.RunnerId, ImmutableList<RunningPainReport>.Empty);
                session.Store(log.With(flag));
            }
        });
}

/// <summary>One red flag at a time, so a flag and a prescription for the same runner never race.</summary>
public sealed class RaisedRedFlagsDefinition : ConsumerDefinition<RaisedRedFlags>
{
    public RaisedRedFlagsDefinition() => ConcurrentMessageLimit = 1;
}
