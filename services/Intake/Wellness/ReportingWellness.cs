using Marten;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Wellness;

/// <summary>A day's wellness as it arrives.</summary>
public sealed record WellnessDraft(string Date, double SleepHours, int Stress, int Soreness, bool Illness);

public sealed record WellnessResult(Guid WellnessReportId, FlagChanges Flags);

/// <summary>Sleep and stress feed S1 and S2; they sit in the runner's stream beside the training they affect.</summary>
public static class ReportingWellness
{
    public static WellnessReported Decide(WellnessDraft draft, Guid reportId, DateTimeOffset now, DateOnly today)
    {
        var violations = new FieldViolations();
        var date = violations.Date(draft.Date, "date", today);
        var sleep = violations.Finite(draft.SleepHours, "sleep_hours", 0, 24, "hours");
        violations.Check(draft.Stress is >= 1 and <= 5, "stress", "must be 1-5");
        violations.Check(draft.Soreness is >= 1 and <= 5, "soreness", "must be 1-5");
        violations.ThrowIfAny();
        return new WellnessReported(reportId, date!.Value, decimal.Round((decimal)sleep!.Value, 2), draft.Stress,
            draft.Soreness, draft.Illness, now);
    }

    public static async Task<WellnessResult> HandleAsync(IDocumentSession session, Guid runnerId, WellnessDraft draft,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var reported = Decide(draft, Guid.CreateVersion7(now), now, today);
        var flags = await session.AppendEntriesAsync(runnerId, [reported], now, ct).ConfigureAwait(false);
        return new WellnessResult(reported.WellnessReportId, flags);
    }
}
