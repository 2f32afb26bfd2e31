namespace RunRestore.Intake.Training;

/// <summary>
/// Turns "which flags fire now" into events: LoadFlagRaised when a flag starts firing and LoadFlagCleared when it
/// stops, so each episode is announced once, not on every run (issue: flags per episode).
/// </summary>
public static class LoadFlagEpisodes
{
    /// <summary>The flag events that follow <paramref name="newEvents"/> applied to <paramref name="before"/>.</summary>
    public static IReadOnlyList<object> Follow(TrainingLog before, IReadOnlyList<object> newEvents, DateTimeOffset now)
    {
        var after = newEvents.Aggregate(before, (state, e) => state.Then(e));
        if (after.LatestDate is not { } asOf)
        {
            return [];
        }

        var firing = LoadRules.Evaluate(after.History, asOf).ToDictionary(f => f.Key);
        var events = new List<object>();
        foreach (var (key, flag) in firing)
        {
            if (!after.OpenFlags.ContainsKey(key))
            {
                events.Add(new LoadFlagRaised(flag, asOf, now));
            }
        }

        foreach (var (key, open) in after.OpenFlags)
        {
            if (!firing.ContainsKey(key))
            {
                var what = open.Kind.Replace('_', ' ');
                events.Add(new LoadFlagCleared(open.RuleId, open.Kind, LoadRules.Version, asOf,
                    $"The {what} flag ({open.RuleId}) no longer fires as of {asOf:yyyy-MM-dd}: the numbers are back within the rule.",
                    now));
            }
        }

        return events;
    }
}
