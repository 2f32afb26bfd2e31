using Marten;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Intake.Pain;

/// <summary>The runner says an earlier pain is gone, as it arrives.</summary>
public sealed record ResolvePain(string PainReportId, string Date);

/// <summary>The runner says an earlier pain is gone.</summary>
public static class ResolvingPain
{
    /// <summary>
    /// Resolves an open pain report of <paramref name="log"/>'s runner; <paramref name="reportedOn"/> is the date of
    /// that report (null when the runner has none of that id).
    /// </summary>
    public static IReadOnlyList<object> Decide(Guid painReportId, DateOnly resolvedOn, TrainingLog log, DateOnly? reportedOn,
        DateTimeOffset now)
    {
        if (!log.OpenPain.ContainsKey(painReportId) || reportedOn is not { } felt)
        {
            throw NoOpenReport(log.Id, painReportId);
        }

        // Pain cannot resolve before it was felt.
        new FieldViolations().Check(resolvedOn >= felt, "date",
            $"must not be before the pain was reported ({FieldChecks.Iso(felt)})").ThrowIfAny();
        return [new PainResolved(painReportId, resolvedOn, now)];
    }

    public static async Task<Guid> HandleAsync(IDocumentSession session, Guid runnerId, ResolvePain command, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var violations = new FieldViolations();
        var resolvedOn = violations.Date(command.Date, "date", today);
        var parsed = Guid.TryParse(command.PainReportId, out var id);
        violations.Check(parsed, "pain_report_id", "must be a pain report id (UUID)");
        violations.ThrowIfAny();

        // The report's date is in the runner's own stream (the write model keeps only which pain is open): read it only
        // for a report that is open, so an unknown or resolved id never costs a read of the runner's whole history.
        var current = await session.LoadAsync<TrainingLog>(runnerId, ct).ConfigureAwait(false)
            ?? throw NotFoundException.Runner(runnerId);
        if (!current.OpenPain.ContainsKey(id))
        {
            throw NoOpenReport(runnerId, id);
        }

        var events = await session.Events.FetchStreamAsync(runnerId, token: ct).ConfigureAwait(false);
        var reportedOn = events.Select(e => e.Data).OfType<PainReported>().Where(p => p.PainReportId == id)
            .Select(p => (DateOnly?)p.Date).FirstOrDefault();
        await session.DecideAsync<TrainingLog>(runnerId, log => Decide(id, resolvedOn!.Value, log, reportedOn, now),
            () => NotFoundException.Runner(runnerId), ct).ConfigureAwait(false);
        return id;
    }

    private static NotFoundException NoOpenReport(Guid runnerId, Guid painReportId) =>
        new($"Runner {runnerId} has no open pain report {painReportId}.");
}
