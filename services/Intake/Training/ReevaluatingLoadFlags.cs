using Marten;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Intake.Training;

/// <summary>
/// DOMAIN.md "Load" preamble (rule set v2): flags are evaluated as of the runner's today, every day, not only when data
/// arrives. A runner who stops logging loses "load spike" once it is no longer true, and a caution that became high
/// (or back) says so. Only open flags are looked at: the daily check ends or re-grades episodes, it starts none.
/// </summary>
public static class ReevaluatingLoadFlags
{
    /// <summary>
    /// LoadFlagCleared and LoadFlagSeverityChanged for the open flags as of <paramref name="today"/>; nothing while
    /// the log's latest entry is later than today (an entry from a runner ahead of the server's date).
    /// </summary>
    public static IReadOnlyList<object> Decide(TrainingLog log, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.OpenFlags.Count == 0 || log.LatestDate is not { } latest || latest > today)
        {
            return [];
        }

        return [.. LoadFlagEpisodes.AsOf(log, today, now).Where(e => e is LoadFlagCleared or LoadFlagSeverityChanged)];
    }

    /// <summary>
    /// The flags open once the daily check has run as of <paramref name="today"/> — what GetTrainingLoad shows, so a
    /// runner who stopped logging weeks ago sees no stale "load spike" even before the monitor's next round — with
    /// that day's numbers. A flag the rules would fire today but no write raised is not shown: the check starts none.
    /// </summary>
    public static IReadOnlyList<LoadFlag> ActiveAsOf(TrainingLog log, DateOnly today, DateTimeOffset now)
    {
        var after = Decide(log, today, now).Aggregate(log, (state, e) => state.Then(e));
        var fresh = LoadRules.Evaluate(after.History, today).ToDictionary(f => f.Key);
        // Only an entry dated after today (Decide then leaves the flags alone) keeps a flag the rules as of today lack.
        return [.. after.OpenFlags.Values.Select(open => fresh.GetValueOrDefault(open.Key, open))
            .OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.Kind, StringComparer.Ordinal)];
    }

    /// <summary>Re-evaluates one runner's open flags as of their today; the events appended (none when nothing changed).</summary>
    public static async Task<IReadOnlyList<object>> HandleAsync(IDocumentSession session, Guid runnerId, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var decided = await session.DecideIfExistsAsync<TrainingLog>(runnerId, log => Decide(log, RunnerToday.Of(log.TimeZone, now), now), ct)
            .ConfigureAwait(false);
        return decided?.Events ?? [];
    }
}
