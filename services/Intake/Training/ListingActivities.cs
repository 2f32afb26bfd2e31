using Marten;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>Runs and competitions between two dates, oldest first.</summary>
public sealed record ActivityList(IReadOnlyList<RunLogged> Runs, IReadOnlyList<CompetitionScheduled> Competitions);

/// <summary>Lets other services plan around the runner's running (programming keeps strength away from hard runs, T7).</summary>
public static class ListingActivities
{
    public const int MaxDays = 366;

    public static async Task<ActivityList> HandleAsync(IQuerySession session, Guid runnerId, string from, string to,
        TimeProvider time, CancellationToken ct)
    {
        var today = await session.OfRunnerAsync(runnerId, time.GetUtcNow(), ct).ConfigureAwait(false);
        var violations = new FieldViolations();
        var farFuture = SchedulingCompetitionLimits.MaxDaysAhead;
        var first = violations.Date(from, "from", today, farFuture);
        var last = violations.Date(to, "to", today, farFuture);
        if (first is { } f && last is { } l)
        {
            violations.Check(l >= f && l.DayNumber - f.DayNumber <= MaxDays, "to", $"must be on or after from, at most {MaxDays} days later");
        }

        violations.ThrowIfAny();
        var events = await session.Events.FetchStreamAsync(runnerId, token: ct).ConfigureAwait(false);
        if (events.Count == 0)
        {
            throw NotFoundException.Runner(runnerId);
        }

        var data = events.Select(e => e.Data).ToList();
        return new ActivityList(
            data.OfType<RunLogged>().Where(r => r.Date >= first && r.Date <= last).OrderBy(r => r.Date).ToList(),
            data.OfType<CompetitionScheduled>().Where(c => c.Date >= first && c.Date <= last).OrderBy(c => c.Date).ToList());
    }
}

/// <summary>How far ahead plans may look (matches scheduling competitions).</summary>
internal static class SchedulingCompetitionLimits
{
    public const int MaxDaysAhead = Profiles.SchedulingLimits.MaxDaysAhead;
}
