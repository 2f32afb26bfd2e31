using Marten;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Pain;

/// <summary>The runner says an earlier pain is gone.</summary>
public static class ResolvingPain
{
    public static async Task<Guid> HandleAsync(IDocumentSession session, Guid runnerId, string painReportId, string date,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var violations = new FieldViolations();
        var resolvedOn = violations.Date(date, "date", DateOnly.FromDateTime(now.UtcDateTime));
        var parsed = Guid.TryParse(painReportId, out var id);
        violations.Check(parsed, "pain_report_id", "must be a pain report id (UUID)");
        violations.ThrowIfAny();

        var stream = await session.FetchAsync(runnerId, ct).ConfigureAwait(false);
        if (!stream.Aggregate!.OpenPain.ContainsKey(id))
        {
            throw new NotFoundException($"Runner {runnerId} has no open pain report {id}.");
        }

        // Pain cannot resolve before it was felt: the report's date comes from the runner's own stream.
        var events = await session.Events.FetchStreamAsync(runnerId, token: ct).ConfigureAwait(false);
        var reportedOn = events.Select(e => e.Data).OfType<PainReported>().First(p => p.PainReportId == id).Date;
        new FieldViolations().Check(resolvedOn!.Value >= reportedOn, "date",
            $"must not be before the pain was reported ({FieldChecks.Iso(reportedOn)})").ThrowIfAny();

        stream.AppendOne(new PainResolved(id, resolvedOn.Value, now));
        return id;
    }
}
