using Marten;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>A gym or rehab session as it arrives.</summary>
public sealed record GymSessionDraft(string Date, int DurationMinutes, int? Rpe, string? Focus);

public sealed record GymSessionResult(Guid SessionId, FlagChanges Flags);

/// <summary>Gym work counts in the same load model as runs (DOMAIN.md L1).</summary>
public static class LoggingGymSession
{
    public static GymSessionLogged Decide(GymSessionDraft draft, Guid sessionId, DateTimeOffset now, DateOnly today)
    {
        var violations = new FieldViolations();
        var date = violations.Date(draft.Date, "date", today);
        violations.Check(draft.DurationMinutes is > 0 and <= 600, "duration_minutes", "must be 1-600 minutes");
        var rpe = violations.ZeroToTen(draft.Rpe, "rpe");
        var focus = violations.Line(draft.Focus, "focus");
        violations.ThrowIfAny();
        return new GymSessionLogged(sessionId, date!.Value, draft.DurationMinutes, rpe, focus, now);
    }

    public static async Task<GymSessionResult> HandleAsync(IDocumentSession session, Guid runnerId, GymSessionDraft draft,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var logged = Decide(draft, Guid.CreateVersion7(now), now, today);
        var flags = await session.AppendEntriesAsync(runnerId, [logged], now, ct).ConfigureAwait(false);
        return new GymSessionResult(logged.SessionId, flags);
    }
}
