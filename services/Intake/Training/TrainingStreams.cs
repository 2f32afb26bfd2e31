using JasperFx.Events;
using Marten;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>The one way training commands write: fetch the runner's log, decide, append with the flag episodes, save.</summary>
public static class TrainingStreams
{
    public static async Task<IEventStream<TrainingLog>> FetchAsync(this IDocumentSession session, Guid runnerId,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<TrainingLog>(runnerId, ct).ConfigureAwait(false);
        return stream.Aggregate is null ? throw NotFoundException.Runner(runnerId) : stream;
    }

    /// <summary>Appends <paramref name="events"/> and the flag events they cause; returns the flag events.</summary>
    public static IReadOnlyList<object> AppendWithFlags(this IEventStream<TrainingLog> stream, IReadOnlyList<object> events,
        DateTimeOffset now)
    {
        var flags = LoadFlagEpisodes.Follow(stream.Aggregate!, events, now);
        stream.AppendMany(events);
        stream.AppendMany(flags);
        return flags;
    }
}

/// <summary>What a training write changed in the runner's flags.</summary>
public sealed record FlagChanges(IReadOnlyList<LoadFlagRaised> Raised, IReadOnlyList<LoadFlagCleared> Cleared)
{
    public static readonly FlagChanges None = new([], []);

    public static FlagChanges Of(IReadOnlyList<object> flagEvents) =>
        new(flagEvents.OfType<LoadFlagRaised>().ToList(), flagEvents.OfType<LoadFlagCleared>().ToList());
}
