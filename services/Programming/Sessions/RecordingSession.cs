using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.Sessions;

/// <summary>A logged strength/mobility session: one result per program exercise the runner did or abandoned.</summary>
public sealed record RecordSession(Guid SessionId, DateOnly Date, IReadOnlyList<ExerciseResult> Exercises);

public static class RecordingSession
{
    /// <summary>
    /// A logged session: records it, then moves each exercise on its ladder (T3 progress, T4 regress, T5 hold), raises
    /// P3 pain alerts and checks Restore → Maintain. A session id already recorded changes nothing (retries).
    /// </summary>
    public static IReadOnlyList<object> Decide(RecordSession session, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(program);
        Check(session, program, Wording.Today(now));
        if (program.Sessions.Exists(s => s.SessionId == session.SessionId))
        {
            return [];
        }

        var recorded = new SessionRecorded(session.SessionId, session.Date, [.. session.Exercises],
            session.Exercises.Max(r => r.PainDuring), now);
        List<object> events = [recorded];
        events.AddRange(LadderMoves.After(recorded, program, program.Apply(recorded)));
        events.AddRange(PainAlerts.For(recorded, program.LastReportedPain, now));
        var after = events.Aggregate(program, (state, e) => state.Then(e));
        events.AddRange(PhaseProgress.Check(after, session.Date));
        return events;
    }

    public static Task<Decided<RunnerProgram>> HandleAsync(IDocumentSession session, Guid runnerId, RecordSession command,
        TimeProvider time, CancellationToken ct) =>
        session.DecideAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()), () => RunnerProgram.Missing(runnerId), ct);

    private static void Check(RecordSession session, RunnerProgram program, DateOnly today)
    {
        var results = session.Exercises ?? [];
        var input = new FieldViolations()
            .Check(session.SessionId != Guid.Empty, "session_id", "must be given")
            // Dates are the runner's local dates and "today" is UTC's: like intake, accept up to one day ahead.
            .Check(session.Date <= today.AddDays(1), "date", "must not be more than 1 day in the future")
            .Check(results.Count > 0, "exercises", "must hold at least one exercise");
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            var at = Invariant($"exercises[{i}]");
            input.Check(!string.IsNullOrWhiteSpace(r.Code), at + ".code", "must be given")
                .Check(results.Take(i).All(o => o.Code != r.Code), at + ".code", "must appear once per session")
                .Check(r.Sets >= 0, at + ".sets", "must not be negative")
                .Check(r.Reps is null or >= 0, at + ".reps", "must not be negative")
                .Check(r.HoldSeconds is null or >= 0, at + ".hold_seconds", "must not be negative")
                .Check(r.LoadKg is null or >= 0, at + ".load_kg", "must not be negative")
                .Check(r.Rpe is >= 0 and <= 10, at + ".rpe", "must be between 0 and 10")
                .Check(r.PainDuring is >= 0 and <= 10, at + ".pain_during", "must be between 0 and 10");
        }

        input.ThrowIfAny();

        // Well-formed, but the program cannot take it: the exercise is not (or no longer) in it, or the date is
        // before the program started.
        var state = new FieldViolations()
            .Check(session.Date >= program.StartedOn, "date",
                "must not be before the program started on " + Wording.Day(program.StartedOn));
        for (var i = 0; i < results.Count; i++)
        {
            state.Check(program.ExerciseFor(results[i].Code) is not null, Invariant($"exercises[{i}].code"),
                Invariant($"'{results[i].Code}' is not in the runner's current program"));
        }

        state.ThrowIfAnyPrecondition(RunnerProgram.StateRule);
    }
}
