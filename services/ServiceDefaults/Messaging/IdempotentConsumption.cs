using JasperFx;
using Marten;
using MassTransit;
using Npgsql;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.ServiceDefaults.Messaging;

/// <summary>
/// Exactly-once effect on top of at-least-once delivery: the consumer's changes and a <see cref="ProcessedMessage"/>
/// keyed by MessageId are saved in one Marten transaction, so a redelivered message finds its id taken and does nothing.
/// </summary>
public static class IdempotentConsumption
{
    /// <summary>Runs <paramref name="apply"/> in a session of the message's clinic unless the message was seen before.</summary>
    /// <returns>True when the effect was stored now; false for a duplicate.</returns>
    public static async Task<bool> ConsumeOnceAsync<T>(this IDocumentStore store, ConsumeContext<T> context,
        TimeProvider time, Func<IDocumentSession, Task> apply) where T : class
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no MessageId: cannot consume it idempotently.");
        var clinic = context.Headers.Get<string>(EventForwarder.ClinicHeader);
        if (string.IsNullOrWhiteSpace(clinic))
        {
            throw new InvalidOperationException($"{typeof(T).Name} {messageId} has no '{EventForwarder.ClinicHeader}' header.");
        }

        var type = new KeyValuePair<string, object?>("message", typeof(T).Name);
        await using var session = store.LightweightSession(clinic);
        // The events a consumer appends continue the trace of the message that caused them.
        if (System.Diagnostics.Activity.Current is { } activity)
        {
            session.SetHeader(ClinicSessionFactory.TraceParentHeader, activity.Id!);
        }

        if (await session.LoadAsync<ProcessedMessage>(messageId, context.CancellationToken).ConfigureAwait(false) is not null)
        {
            RunRestoreDiagnostics.DuplicateMessagesSkipped.Add(1, type);
            return false;
        }

        session.Insert(new ProcessedMessage(messageId, typeof(T).Name, time.GetUtcNow()));
        await apply(session).ConfigureAwait(false);
        try
        {
            await session.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsDuplicateKey(ex))
        {
            // Two deliveries raced; the other one stored the effect.
            RunRestoreDiagnostics.DuplicateMessagesSkipped.Add(1, type);
            return false;
        }

        RunRestoreDiagnostics.MessagesConsumed.Add(1, type);
        return true;
    }

    private static bool IsDuplicateKey(Exception ex) =>
        ex is DocumentAlreadyExistsException
        || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
