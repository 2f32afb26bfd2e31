using Marten;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>A run as it arrives (from gRPC or an import), before validation.</summary>
public sealed record RunDraft(
    string Date,
    double DistanceKm,
    int DurationSeconds,
    Choice<SessionType> SessionType,
    int? Rpe,
    int? AverageHeartRate,
    int? CadenceSpm,
    double? ElevationGainM,
    Choice<Surface> Surface,
    string? Partner,
    string? ExternalId);

/// <summary>The outcome of logging one run.</summary>
public sealed record RunLogResult(Guid RunId, bool Duplicate, FlagChanges Flags);

public static class LoggingRun
{
    /// <summary>One metre: anything shorter is no run (a subnormal double would even be stored as 0 km).</summary>
    public const double MinDistanceKm = 0.001;
    public const decimal MaxDistanceKm = 350m;
    public const int MaxDurationSeconds = 48 * 3600;
    /// <summary>Faster than 2:20 min/km is beyond any human record: the data is wrong.</summary>
    public const int FastestPaceSecondsPerKm = 140;

    /// <summary>
    /// Checks a draft and makes the event, or adds violations (prefixed for batch items). <paramref name="today"/> is
    /// the runner's (<see cref="RunnerToday"/>).
    /// </summary>
    public static RunLogged? Decide(RunDraft draft, Guid runId, DateTimeOffset now, DateOnly today, FieldViolations violations)
    {
        var date = violations.Date(draft.Date, "date", today);
        var distance = violations.Finite(draft.DistanceKm, "distance_km", MinDistanceKm, (double)MaxDistanceKm, "km");
        var durationOk = draft.DurationSeconds > 0 && draft.DurationSeconds <= MaxDurationSeconds;
        violations.Check(durationOk, "duration_seconds", "must be more than 0 and at most 48 hours");
        if (distance is { } km && durationOk)
        {
            violations.Check(draft.DurationSeconds / km >= FastestPaceSecondsPerKm, "duration_seconds",
                "pace is faster than 2:20 min/km; check distance and duration");
        }

        var type = violations.Required(draft.SessionType, "session_type");
        var rpe = violations.ZeroToTen(draft.Rpe, "rpe");
        violations.Check(draft.AverageHeartRate is null or (>= 30 and <= 250), "average_heart_rate", "must be 30-250 bpm");
        violations.Check(draft.CadenceSpm is null or (>= 60 and <= 260), "cadence_spm", "must be 60-260 steps/min");
        var elevation = violations.Finite(draft.ElevationGainM, "elevation_gain_m", 0, 20_000, "m");
        var surface = violations.Optional(draft.Surface, "surface");
        var partner = violations.Line(draft.Partner, "partner");
        var externalId = violations.Line(draft.ExternalId, "external_id");
        violations.Check(partner.Length > 0 == externalId.Length > 0, partner.Length > 0 ? "external_id" : "partner",
            "partner and external_id go together");

        if (!violations.IsEmpty)
        {
            return null;
        }

        return new RunLogged(runId, date!.Value, (decimal)distance!.Value, draft.DurationSeconds, type!.Value, rpe,
            draft.AverageHeartRate, draft.CadenceSpm, (decimal?)elevation, surface,
            partner.Length > 0 ? partner : null, externalId.Length > 0 ? externalId : null, now);
    }

    /// <summary>The run one LogRun logs, or INVALID_ARGUMENT naming every field that is wrong.</summary>
    public static RunLogged Decide(RunDraft draft, Guid runId, DateTimeOffset now, DateOnly today)
    {
        var violations = new FieldViolations();
        var run = Decide(draft, runId, now, today, violations);
        violations.ThrowIfAny();
        return run!;
    }

    public static async Task<RunLogResult> HandleAsync(IDocumentSession session, Guid runnerId, RunDraft draft,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var run = Decide(draft, Guid.CreateVersion7(now), now, today);
        var key = run.Partner is { } partner ? PartnerActivity.KeyOf(partner, run.ExternalId!) : null;
        if (key is not null && await session.LoadAsync<PartnerActivity>(key, ct).ConfigureAwait(false) is { } seen)
        {
            return seen.RunnerId == runnerId
                ? new RunLogResult(seen.RunId, Duplicate: true, FlagChanges.None)
                : throw new AlreadyExistsException(
                    $"Activity {FieldChecks.Quote(run.ExternalId)} of {FieldChecks.Quote(run.Partner)} belongs to another runner.");
        }

        var flags = await session.AppendEntriesAsync(runnerId, [run], now, ct).ConfigureAwait(false);
        if (key is not null)
        {
            session.Insert(new PartnerActivity(key, runnerId, run.RunId));
        }

        return new RunLogResult(run.RunId, Duplicate: false, flags);
    }
}
