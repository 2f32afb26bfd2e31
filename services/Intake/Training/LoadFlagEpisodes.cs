using RunRestore.Contracts;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>
/// Turns "which flags fire now" into events: LoadFlagRaised when a flag starts firing and LoadFlagCleared when it
/// stops, so each episode is announced once, not on every run (issue: flags per episode); a change of severity within
/// an episode (caution → high, and back) is LoadFlagSeverityChanged (DOMAIN.md "Load", rule set v2).
/// </summary>
public static class LoadFlagEpisodes
{
    /// <summary>
    /// What a training write decides: <paramref name="entries"/> followed by the flag events they cause. Every
    /// training use case's decision goes through here, so no write can add load without its flag episodes.
    /// </summary>
    public static IReadOnlyList<object> WithFlags(TrainingLog before, IReadOnlyList<object> entries, DateTimeOffset now) =>
        entries.Count == 0 ? [] : [.. entries, .. Follow(before, entries, now)];

    /// <summary>The flag events that follow <paramref name="newEvents"/> applied to <paramref name="before"/>.</summary>
    public static IReadOnlyList<object> Follow(TrainingLog before, IReadOnlyList<object> newEvents, DateTimeOffset now)
    {
        var after = newEvents.Aggregate(before, (state, e) => state.Then(e));
        return after.LatestDate is { } asOf ? AsOf(after, asOf, now) : [];
    }

    /// <summary>
    /// The flag events that bring <paramref name="log"/>'s open flags in line with the rules as of
    /// <paramref name="asOf"/>: raised, severity changed, cleared.
    /// </summary>
    public static IReadOnlyList<object> AsOf(TrainingLog log, DateOnly asOf, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(log);
        var firing = LoadRules.Evaluate(log.History, asOf).ToDictionary(f => f.Key);
        var events = new List<object>();
        foreach (var (key, flag) in firing)
        {
            if (!log.OpenFlags.TryGetValue(key, out var open))
            {
                events.Add(new LoadFlagRaised(flag, asOf, now));
            }
            else if (open.Severity != flag.Severity)
            {
                events.Add(new LoadFlagSeverityChanged(flag, open.Severity, asOf, now));
            }
        }

        foreach (var (key, open) in log.OpenFlags)
        {
            if (!firing.ContainsKey(key))
            {
                var what = open.Kind.Replace('_', ' ');
                events.Add(new LoadFlagCleared(open.RuleId, open.Kind, RuleSet.VersionOf(open.RuleId), asOf,
                    $"The {what} flag ({open.RuleId}) no longer fires as of {FieldChecks.Iso(asOf)}: the numbers are back within the rule.",
                    now));
            }
        }

        return events;
    }
}

/// <summary>What a training write changed in the runner's flags.</summary>
public sealed record FlagChanges(IReadOnlyList<LoadFlagRaised> Raised, IReadOnlyList<LoadFlagCleared> Cleared)
{
    public static readonly FlagChanges None = new([], []);

    /// <summary>The flags among a decision's events (episodes started and ended; severity changes are in the timeline).</summary>
    public static FlagChanges Of(IReadOnlyList<object> decided) =>
        new(decided.OfType<LoadFlagRaised>().ToList(), decided.OfType<LoadFlagCleared>().ToList());
}
