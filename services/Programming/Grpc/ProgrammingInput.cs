using RunRestore.Programming.Clinician;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Sessions;
using RunRestore.Programming.V1;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Programming.Grpc;

/// <summary>
/// The wire-level checks of programming's writes, in the shared vocabulary (issue 12): raw doubles, strings and dates
/// become domain values only once they are finite, one line, in range and in the documented lengths; the program
/// rules (the use cases' deciders) then judge them against the runner's program.
/// </summary>
internal static class ProgrammingInput
{
    public const int MaxExercises = 50;
    public const int MaxCodeLength = 64;
    public const double MaxLoadKg = 500;
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    public static RecordSession Session(RecordSessionRequest request, Guid sessionId, DateOnly today)
    {
        var violations = new FieldViolations();
        var date = violations.Day(request.Date, "date", today);
        violations.Check(request.Exercises.Count <= MaxExercises, "exercises",
            $"holds {request.Exercises.Count} exercises; at most {MaxExercises} per session");
        var exercises = request.Exercises.Take(MaxExercises).Select((e, i) =>
        {
            var at = FormattableString.Invariant($"exercises[{i}]");
            var code = violations.SingleLine(e.Code, at + ".code", MaxCodeLength, required: true);
            // 0 is proto3's "no load"; a negative or non-finite load is an error, never silently dropped.
            var load = e.LoadKg == 0 ? null : violations.Finite(e.LoadKg, at + ".load_kg", 0, MaxLoadKg, "kg");
            return new ExerciseResult(code, !e.Completed, e.Sets, e.Reps, e.HoldSeconds, (decimal?)load, e.Rpe, e.Pain);
        }).ToList();
        violations.ThrowIfAny();
        return new RecordSession(sessionId, date!.Value, exercises);
    }

    /// <summary>A runner-local date from 1990 up to one day after today (UTC), like intake's.</summary>
    public static DateOnly Date(string value, string field, DateOnly today)
    {
        var violations = new FieldViolations();
        var date = violations.Day(value, field, today);
        violations.ThrowIfAny();
        return date!.Value;
    }

    /// <summary>A clinician's reason: 1-200 characters of free text.</summary>
    public static string Reason(string value)
    {
        var violations = new FieldViolations();
        var reason = violations.Text(value, "reason", SettingPainCeiling.MaxReasonLength, required: true);
        violations.ThrowIfAny();
        return reason;
    }

    private static DateOnly? Day(this FieldViolations violations, string value, string field, DateOnly today) =>
        violations.Date(value, field, EarliestDate, today.AddDays(1));
}
