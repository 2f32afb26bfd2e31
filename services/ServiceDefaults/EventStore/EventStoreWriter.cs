using Google.Protobuf;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;
using RunRestore.ServiceDefaults.Idempotency;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>
/// The one way a use case writes (STYLE.md): each attempt gets a fresh session of the caller's clinic, takes a
/// transaction-scoped advisory lock on the stream, runs the use case's fetch → decide → append, and saves. The lock
/// makes writers of one runner queue up in PostgreSQL — across replicas too — instead of racing: optimistic retries
/// alone burned a sequence number and a tombstone per lost race and, at 20 writes/s on one runner on a busy machine,
/// chained into ABORTED. A race the lock cannot prevent (a consumer appending without it, a unique partner id) is
/// retried here with jittered back-off (ARCHITECTURE.md: conflicts are the server's problem); only when every attempt
/// lost does the client see ABORTED (with RetryInfo). The call's idempotency key, if any, is stored with its response in
/// the same transaction as the events.
/// </summary>
public sealed partial class EventStoreWriter(ISessionFactory sessions, RequestIdempotency idempotency, EventStoreSchema schema,
    TimeProvider time, ILogger<EventStoreWriter> logger)
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// Runs <paramref name="attempt"/> (which must not save), builds the call's response from its result with
    /// <paramref name="respond"/> and saves, retrying lost races on <paramref name="streamId"/>. The response is stored
    /// with the idempotency key in the same transaction as the events, so a retry with the key gets it back even when
    /// the process died right after the commit.
    /// </summary>
    public Task<TResponse> WriteAsync<T, TResponse>(Guid streamId, Func<IDocumentSession, Task<T>> attempt,
        Func<T, TResponse> respond, CancellationToken ct) where TResponse : IMessage =>
        WriteAsync((Guid?)streamId, attempt, respond, ct);

    /// <summary>The same for a write that starts a new stream: retries need no lock, nobody else can know its id.</summary>
    public Task<TResponse> WriteNewStreamAsync<T, TResponse>(Func<IDocumentSession, Task<T>> attempt,
        Func<T, TResponse> respond, CancellationToken ct) where TResponse : IMessage =>
        WriteAsync(null, attempt, respond, ct);

    private async Task<TResponse> WriteAsync<T, TResponse>(Guid? streamId, Func<IDocumentSession, Task<T>> attempt,
        Func<T, TResponse> respond, CancellationToken ct) where TResponse : IMessage
    {
        for (var n = 1; ; n++)
        {
            await using var session = sessions.OpenSession();
            try
            {
                if (streamId is { } id)
                {
                    await LockStreamAsync(session, id, ct).ConfigureAwait(false);
                }

                if (idempotency.RequestId is { } requestId
                    && await session.LoadAsync<IdempotentRequest>(requestId, ct).ConfigureAwait(false) is not null)
                {
                    throw new RequestAlreadyAcceptedException(requestId);
                }

                var response = respond(await attempt(session).ConfigureAwait(false));
                if (idempotency.TakeRecord(time.GetUtcNow(), response) is { } record)
                {
                    session.Insert(record);
                }

                await session.SaveChangesAsync(ct).ConfigureAwait(false);
                return response;
            }
            catch (Exception ex) when (n < MaxAttempts && WriteConflicts.IsConflict(ex) && !ct.IsCancellationRequested)
            {
                RunRestoreDiagnostics.WriteConflictRetries.Add(1);
                LogRetry(logger, streamId ?? Guid.Empty, n, ex);
                await Task.Delay(Backoff(n), ct).ConfigureAwait(false);
            }
        }
    }

    // 2, 4, 8 … 64 ms, with full jitter, so retries of one hot stream spread out.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(64, 2 << Math.Min(attempt, 5)));

    // pg_advisory_xact_lock: held until this attempt's transaction commits or rolls back; lock_timeout bounds the wait.
    private async Task LockStreamAsync(IDocumentSession session, Guid streamId, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct).ConfigureAwait(false);
        var connection = (NpgsqlConnection)session.Connection!;
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("set local lock_timeout = '5s'"),
                new NpgsqlBatchCommand("select pg_advisory_xact_lock($1, $2)")
                {
                    Parameters = { new() { Value = LockSpace(schema.Name) }, new() { Value = streamId.GetHashCode() } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // The two-key advisory lock space of this schema's streams (stable across processes, unlike string.GetHashCode).
    private static int LockSpace(string schemaName)
    {
        var hash = 2166136261u;
        foreach (var c in schemaName)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Write to stream {StreamId} lost a race (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Guid streamId, int attempt, Exception conflict);
}
