using System.Globalization;
using JasperFx.Events;
using Marten;
using RunRestore.Intake.Messaging;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Timeline;

/// <summary>One thing that happened to the runner, in words.</summary>
public sealed record TimelineEntry(long Version, Guid EventId, string Type, DateTimeOffset RecordedAt, DateOnly? Date, string Summary);

public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long? NextVersion);

/// <summary>The runner's history in the order it was recorded, paged by stream version.</summary>
public static class RunnerTimeline
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static async Task<TimelinePage> HandleAsync(IQuerySession session, Guid runnerId, int pageSize, string pageToken,
        CancellationToken ct)
    {
        pageSize = pageSize == 0 ? DefaultPageSize : pageSize;
        var from = 1L;
        new FieldViolations()
            .Check(pageSize is >= 1 and <= MaxPageSize, "page_size", $"must be 1-{MaxPageSize} (0 means {DefaultPageSize})")
            .Check(pageToken.Length == 0 || (long.TryParse(pageToken, CultureInfo.InvariantCulture, out from) && from > 0),
                "page_token", "is not a token from a previous page")
            .ThrowIfAny();

        var state = await session.Events.FetchStreamStateAsync(runnerId, ct).ConfigureAwait(false)
            ?? throw NotFoundException.Runner(runnerId);
        var to = Math.Min(state.Version, from + pageSize - 1);
        var events = from > state.Version
            ? []
            : await session.Events.FetchStreamAsync(runnerId, version: to, fromVersion: from, token: ct).ConfigureAwait(false);
        var entries = events.Select(Describe).ToList();
        return new TimelinePage(entries, to < state.Version ? to + 1 : null);
    }

    private static TimelineEntry Describe(IEvent e)
    {
        var (date, summary) = e.Data switch
        {
            RunnerRegistered r => ((DateOnly?)null, $"Registered {r.DisplayName} (born {r.BirthYear})."),
            RunnerProfileUpdated => (null, "Profile updated (goals, availability, injury history)."),
            RunnerTimeZoneChanged z => (null, $"Time zone changed from {z.PreviousTimeZone} to {z.TimeZone}: today is taken there."),
            RunLogged r => (r.Date, RunSummary(r)),
            GymSessionLogged g => (g.Date, $"Gym session: {g.DurationMinutes} min at RPE {g.Rpe}" + (g.Focus.Length > 0 ? $" ({g.Focus})." : ".")),
            CompetitionScheduled c => (c.Date, string.Create(CultureInfo.InvariantCulture,
                $"Competition {c.Name} ({c.DistanceKm:0.##} km, priority {c.Priority}) on the calendar.")),
            WellnessReported w => (w.Date, string.Create(CultureInfo.InvariantCulture,
                $"Wellness: slept {w.SleepHours:0.#} h, stress {w.Stress}/5, soreness {w.Soreness}/5{(w.Illness ? ", ill." : ".")}")),
            PainReported p => (p.Date, PainSummary(p)),
            PainResolved p => (p.Date, "Pain resolved."),
            RedFlagRaised f => (f.Date, $"Red flag {f.RuleId} ({f.Severity}): {f.Explanation} {f.RunnerAdvice}"),
            LoadFlagRaised f => (f.AsOf, $"Flag raised ({f.Flag.RuleId}): {f.Flag.Explanation}"),
            LoadFlagSeverityChanged f => (f.AsOf, $"Flag {f.Flag.RuleId} now {f.Flag.Severity} (was {f.PreviousSeverity}): {f.Flag.Explanation}"),
            LoadFlagCleared f => (f.AsOf, $"Flag cleared ({f.RuleId}): {f.Explanation}"),
            _ => (null, e.EventTypeName),
        };
        return new TimelineEntry(e.Version, e.Id, e.EventTypeName, e.Timestamp, date, summary);
    }

    private static string RunSummary(RunLogged r)
    {
        var duration = TimeSpan.FromSeconds(r.DurationSeconds).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture);
        var source = r.Partner is null ? "" : $" (from {r.Partner})";
        return string.Create(CultureInfo.InvariantCulture, $"{r.SessionType} run: {r.DistanceKm:0.##} km in {duration}, RPE {r.Rpe}{source}.");
    }

    private static string PainSummary(PainReported p)
    {
        var onset = p.OnsetKm is { } km
            ? string.Create(CultureInfo.InvariantCulture, $", starting at {km:0.#} km")
            : p.OnsetMinutes is { } minutes ? string.Create(CultureInfo.InvariantCulture, $", starting after {minutes:0} min") : "";
        // The contract words (e.g. "at_rest", "groin"): every phase is shown, at rest included.
        var site = IntakeIntegrationEvents.Word(p.BodySite).Replace('_', ' ');
        var phase = IntakeIntegrationEvents.Word(p.Phase).Replace('_', ' ');
        var signs = p.RedFlags?.Present is { Count: > 0 } present
            ? $"; red-flag signs: {string.Join(", ", present.Order(StringComparer.Ordinal).Select(s => s.Replace('_', ' ')))}"
            : "";
        return $"Pain {p.Severity}/10 at {site} ({IntakeIntegrationEvents.Word(p.Side)}), {phase}{onset}{signs}.";
    }
}
