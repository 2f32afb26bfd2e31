using Marten;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Competitions;

/// <summary>A competition as it arrives.</summary>
public sealed record CompetitionDraft(string Date, double DistanceKm, Choice<CompetitionPriority> Priority, string? Name);

public sealed record CompetitionResult(Guid CompetitionId, FlagChanges Flags);

/// <summary>Races on the calendar, past or planned (DOMAIN.md L6 looks at both).</summary>
public static class SchedulingCompetition
{
    /// <summary>Races can be planned well ahead, unlike activity logs.</summary>
    public const int MaxDaysAhead = Profiles.SchedulingLimits.MaxDaysAhead;

    public static CompetitionScheduled Decide(CompetitionDraft draft, Guid competitionId, DateTimeOffset now, DateOnly today)
    {
        var violations = new FieldViolations();
        var date = violations.Date(draft.Date, "date", today, MaxDaysAhead);
        var distance = violations.Finite(draft.DistanceKm, "distance_km", 0.1, 350, "km");
        var priority = violations.Required(draft.Priority, "priority");
        var name = violations.Line(draft.Name, "name");
        violations.ThrowIfAny();
        return new CompetitionScheduled(competitionId, date!.Value, (decimal)distance!.Value, priority!.Value, name, now);
    }

    public static async Task<CompetitionResult> HandleAsync(IDocumentSession session, Guid runnerId, CompetitionDraft draft,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var scheduled = Decide(draft, Guid.CreateVersion7(now), now, today);
        var flags = await session.AppendEntriesAsync(runnerId, [scheduled], now, ct).ConfigureAwait(false);
        return new CompetitionResult(scheduled.CompetitionId, flags);
    }
}
