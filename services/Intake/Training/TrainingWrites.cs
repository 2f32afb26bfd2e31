using Marten;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Intake.Training;

/// <summary>The one write of a training entry (run, import, gym session, race, wellness): decided against the runner's
/// log through <see cref="StreamDecisions.DecideAsync"/> with the flag episodes the entries cause (L1-L6, S1, S2).</summary>
public static class TrainingWrites
{
    /// <summary>Appends <paramref name="entries"/> and the flag events they cause; NOT_FOUND for an unknown runner.</summary>
    public static async Task<FlagChanges> AppendEntriesAsync(this IDocumentSession session, Guid runnerId,
        IReadOnlyList<object> entries, DateTimeOffset now, CancellationToken ct)
    {
        var decided = await session.DecideAsync<TrainingLog>(runnerId, log => LoadFlagEpisodes.WithFlags(log, entries, now),
            () => NotFoundException.Runner(runnerId), ct).ConfigureAwait(false);
        return FlagChanges.Of(decided.Events);
    }
}
