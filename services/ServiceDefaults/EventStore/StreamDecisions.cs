using Marten;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>What a decision appended to a stream, and the state it decided on.</summary>
public sealed record Decided<TState>(TState State, IReadOnlyList<object> Events);

/// <summary>
/// The one fetch → decide → append of every service's use cases (STYLE.md): fetch the stream for writing (Marten
/// checks its version at save), run the use case's pure <c>Decide</c> against its state and append what it decided.
/// Saving, the stream lock, conflict retries and the idempotency key are <see cref="EventStoreWriter"/>'s (gRPC) or
/// <c>ConsumeOnceAsync</c>'s (consumers), which own the session.
/// </summary>
public static class StreamDecisions
{
    /// <summary>Decides against stream <paramref name="streamId"/>; <paramref name="missing"/> is thrown (usually a
    /// <see cref="Errors.NotFoundException"/>) when the stream does not exist.</summary>
    public static async Task<Decided<TState>> DecideAsync<TState>(this IDocumentSession session, Guid streamId,
        Func<TState, IReadOnlyList<object>> decide, Func<Exception> missing, CancellationToken ct) where TState : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(missing);
        return await session.DecideIfExistsAsync(streamId, decide, ct).ConfigureAwait(false) ?? throw missing();
    }

    /// <summary>The same for a consumer that skips streams that do not exist (yet): null when there is none.</summary>
    public static async Task<Decided<TState>?> DecideIfExistsAsync<TState>(this IDocumentSession session, Guid streamId,
        Func<TState, IReadOnlyList<object>> decide, CancellationToken ct) where TState : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(decide);
        var stream = await session.Events.FetchForWriting<TState>(streamId, ct).ConfigureAwait(false);
        if (stream.Aggregate is not { } state)
        {
            return null;
        }

        var events = decide(state);
        stream.AppendMany(events);
        return new Decided<TState>(state, events);
    }
}
