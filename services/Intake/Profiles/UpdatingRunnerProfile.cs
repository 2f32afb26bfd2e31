using Marten;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Intake.Profiles;

/// <summary>A profile as it arrives; a blank <paramref name="TimeZone"/> keeps the runner's zone.</summary>
public sealed record ProfileDraft(GoalDraft? Goal, AvailabilityDraft? Availability, IReadOnlyList<PastInjuryDraft> InjuryHistory,
    string? TimeZone = null);

public sealed record GoalDraft(string TargetRaceDate, double TargetDistanceKm, string? Description);

public sealed record AvailabilityDraft(IReadOnlyList<Choice<DayOfWeek>> TrainingDays, int MinutesPerWeek);

public sealed record PastInjuryDraft(Choice<BodySite> BodySite, Choice<Side> Side, int Year, string? Description);

/// <summary>Replaces goals, availability and injury history; optionally only if nobody changed the runner meanwhile.</summary>
public static class UpdatingRunnerProfile
{
    /// <summary>
    /// The new profile, then RunnerTimeZoneChanged when the draft names a zone other than <paramref name="currentTimeZone"/>.
    /// Dates are checked against the runner's today in the zone they will be in.
    /// </summary>
    public static IReadOnlyList<object> Decide(ProfileDraft draft, string currentTimeZone, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        var zone = violations.TimeZone(draft.TimeZone, "profile.time_zone");
        var today = RunnerToday.Of(zone ?? currentTimeZone, now);
        Goal? goal = null;
        if (draft.Goal is { } g)
        {
            DateOnly? raceDate = string.IsNullOrEmpty(g.TargetRaceDate)
                ? null
                : violations.Date(g.TargetRaceDate, "profile.goal.target_race_date", today, SchedulingLimits.MaxDaysAhead);
            // 0 means no distance (proto3's default); anything else is a race distance.
            var distance = g.TargetDistanceKm == 0 ? null
                : violations.Finite(g.TargetDistanceKm, "profile.goal.target_distance_km", 0.1, 350, "km (or 0 for none)");
            goal = new Goal(raceDate, (decimal?)distance,
                violations.Text(g.Description, "profile.goal.description"));
        }

        WeeklyAvailability? availability = null;
        if (draft.Availability is { } a)
        {
            var days = a.TrainingDays.Select((d, i) => violations.Required(d, $"profile.availability.training_days[{i}]"))
                .OfType<DayOfWeek>().Distinct().OrderBy(IsoWeek.DaysSinceMonday).ToList();
            violations.Check(a.MinutesPerWeek is >= 0 and <= 3000, "profile.availability.minutes_per_week", "must be 0-3000");
            availability = new WeeklyAvailability(days, a.MinutesPerWeek);
        }

        var injuries = draft.InjuryHistory.Select((injury, i) =>
        {
            var prefix = $"profile.injury_history[{i}]";
            var site = violations.Required(injury.BodySite, $"{prefix}.body_site");
            var side = violations.Required(injury.Side, $"{prefix}.side");
            violations.Check(injury.Year >= 1900 && injury.Year <= today.Year, $"{prefix}.year", $"must be 1900-{today.Year}");
            var description = violations.Text(injury.Description, $"{prefix}.description");
            return site is null || side is null ? null : new PastInjury(site.Value, side.Value, injury.Year, description);
        }).OfType<PastInjury>().ToList();
        violations.Check(draft.InjuryHistory.Count <= 50, "profile.injury_history", "must hold at most 50 entries");
        violations.ThrowIfAny();
        var updated = new RunnerProfileUpdated(new RunnerProfile(goal, availability, injuries), now);
        return zone is null || zone == currentTimeZone ? [updated] : [updated, new RunnerTimeZoneChanged(zone, currentTimeZone, now)];
    }

    public static async Task<(Runner Runner, long Version)> HandleAsync(IDocumentSession session, Guid runnerId,
        ProfileDraft draft, long? expectedVersion, TimeProvider time, CancellationToken ct)
    {
        // An unknown runner's draft is checked as UTC's, then answered NOT_FOUND below.
        var current = await session.LoadAsync<Runner>(runnerId, ct).ConfigureAwait(false);
        var decision = Decide(draft, current?.TimeZone ?? RunnerToday.DefaultTimeZone, time.GetUtcNow());
        // The writer holds the stream's lock, so the version read here is the one the decision appends to.
        var version = (await session.Events.FetchStreamStateAsync(runnerId, ct).ConfigureAwait(false))?.Version
            ?? throw NotFoundException.Runner(runnerId);
        if (expectedVersion is { } expected && version != expected)
        {
            // The caller edited an older version: retrying here cannot help, the caller must read it again.
            throw new StaleVersionException($"The runner is at version {version}, not {expected}; read it again.");
        }

        var decided = await session.DecideAsync<Runner>(runnerId, _ => decision, () => NotFoundException.Runner(runnerId), ct)
            .ConfigureAwait(false);
        return (decision.Aggregate(decided.State, (runner, e) => runner.Then(e)), version + decided.Events.Count);
    }
}

/// <summary>How far ahead dates of plans (goals, races) may lie.</summary>
internal static class SchedulingLimits
{
    public const int MaxDaysAhead = 730;
}
