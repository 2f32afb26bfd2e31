using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.Clinician;

/// <summary>A clinician sets the pain ceiling during exercise (P1), with a reason.</summary>
public sealed record SetPainCeiling(int Value, string Reason);

public static class SettingPainCeiling
{
    /// <summary>As the proto documents (1-200 characters); a phase override's reason has the same limit.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>
    /// P1 (rule set v2): the pain-during-activity ceiling, 0-5. 3/10 is the default; 0-2 suits bone stress or the time
    /// after surgery, 4-5 only tendinopathy, and only a clinician sets it.
    /// Setting the ceiling it already has changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(SetPainCeiling command, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(program);
        var value = command.Value;
        var text = command.Reason?.Trim() ?? "";
        new FieldViolations()
            .Check(value is >= 0 and <= 10, "pain_ceiling", "must be between 0 and 10")
            .Check(value is < 0 or > 10 or <= ProgramRules.MaxPainCeiling,
                "pain_ceiling", "P1 allows a ceiling of 0 to 5 (0-2 for bone stress or after surgery, 4-5 only for tendinopathy)")
            .CheckReason(text)
            .ThrowIfAny();
        if (value == program.PainCeiling)
        {
            return [];
        }

        return [new PainCeilingSet(program.PainCeiling, value, text, ProgramRules.Explain("P1",
            Invariant($"The pain ceiling during exercise goes from {program.PainCeiling}/10 to {value}/10: {text} ") +
                "(P1: 0-5; 0-2 for bone stress or after surgery, 4-5 only for tendinopathy).",
            "pain_ceiling"), now)];
    }

    public static Task<Decided<RunnerProgram>> HandleAsync(IDocumentSession session, Guid runnerId, SetPainCeiling command,
        TimeProvider time, CancellationToken ct) =>
        session.DecideAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()),
            () => RunnerProgram.Missing(runnerId), ct);

    /// <summary>A clinician's reason (trimmed): given, and at most <see cref="MaxReasonLength"/> characters.</summary>
    internal static FieldViolations CheckReason(this FieldViolations violations, string text) => violations
        .Check(text.Length > 0, "reason", "must be given")
        .Check(text.Length <= MaxReasonLength, "reason", Invariant($"must be at most {MaxReasonLength} characters"));
}
