using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.Sessions;

/// <summary>Pain the morning after (0-10) on the runner's local <paramref name="Date"/> (P2).</summary>
public sealed record RecordNextMorningPain(DateOnly Date, int Pain);

public static class RecordingNextMorningPain
{
    /// <summary>
    /// P2's 24-hour response: pain the morning after. The first report sets the baseline; a later report above it
    /// plans a step back for the next session (T4), at or below it lets progressions go on (T3).
    /// </summary>
    public static IReadOnlyList<object> Decide(RecordNextMorningPain command, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(program);
        var (date, pain) = command;
        new FieldViolations()
            .Check(pain is >= 0 and <= 10, "pain", "must be between 0 and 10")
            // Runner-local date against UTC's today: like intake, accept up to one day ahead.
            .Check(date <= Wording.Today(now).AddDays(1), "date", "must not be more than 1 day in the future")
            .ThrowIfAny();
        new FieldViolations()
            .Check(date >= program.StartedOn, "date", "must not be before the program started on " + Wording.Day(program.StartedOn))
            .ThrowIfAnyPrecondition(RunnerProgram.StateRule);

        // Until the first report there is no baseline to compare with: that report is the baseline.
        var baseline = program.BaselineMorningPain ?? pain;
        var above = pain > baseline;
        var id = "next_morning:" + Wording.Day(date);
        var recorded = new NextMorningPainRecorded(date, pain, baseline, above, ProgramRules.Explain("P2",
            program.BaselineMorningPain is null
                ? Invariant($"First next-morning report: {pain}/10 becomes the baseline the following mornings are ") +
                    "compared with (P2)."
                : above
                    ? Invariant($"Next-morning pain {pain}/10 is above the baseline of {baseline}/10 (P2).")
                    : Invariant($"Next-morning pain {pain}/10 is at or below the baseline of {baseline}/10, so ") +
                        "progressions may go on (P2, T3).",
            id), now);
        if (!above)
        {
            return [recorded];
        }

        return [recorded, new NextSessionRegressionPlanned(date, pain, baseline, ProgramRules.Explain("T4",
            Invariant($"Next-morning pain {pain}/10 on {Wording.Day(date)} was above the baseline of {baseline}/10, ") +
                "so every exercise of the next session steps back one step (P2, T4).",
            id))];
    }

    /// <summary>From the gRPC write: a runner without a program is NOT_FOUND.</summary>
    public static Task<Decided<RunnerProgram>> HandleAsync(IDocumentSession session, Guid runnerId,
        RecordNextMorningPain command, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()),
            () => RunnerProgram.Missing(runnerId), ct);
}
