using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.Clinician;

/// <summary>A clinician puts the runner in a phase by hand; <paramref name="To"/> is null for a phase the caller
/// did not name (proto's unspecified or an unknown number).</summary>
public sealed record OverridePhase(Phase? To, string Reason, string Clinician);

public static class OverridingPhase
{
    /// <summary>
    /// A clinician puts the runner in a phase by hand, with a reason. Moving into Improve does not open technique work
    /// by itself: T6 still wants a re-screen; leaving Improve locks it again.
    /// </summary>
    public static IReadOnlyList<object> Decide(OverridePhase command, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(program);
        var text = command.Reason?.Trim() ?? "";
        var who = command.Clinician?.Trim() ?? "";
        new FieldViolations()
            .Check(command.To is { } phase && Phases.IsKnown(phase), "phase", "must be restore, maintain or improve")
            .CheckReason(text)
            .Check(who.Length > 0, "clinician", "must be given")
            .ThrowIfAny();
        var to = command.To!.Value;
        if (to == program.Phase)
        {
            return [];
        }

        // R1-R6: Improve opens technique work, which an open red flag blocks until a clinician clears it.
        var redFlags = new RedFlagHolds(program.OpenRedFlags);
        new FieldViolations()
            .Check(to != Phase.Improve || !redFlags.Any, "phase",
                redFlags.Any ? "cannot be improve while " + redFlags.Describe() + " is open: clear it first (ClearRedFlag)" : "")
            .ThrowIfAnyPrecondition(RunnerProgram.StateRule);

        var technique = to == Phase.Improve
            ? " Technique work still waits for a re-screen that passes T6."
            : program.TechniqueUnlocked ? " Technique work is locked again: it belongs to Improve (T6)." : "";
        var why = ProgramRules.Explain(to == Phase.Improve ? "T6" : "T8", Invariant($"{who} moved the runner from ") +
            Invariant($"{Phases.Word(program.Phase)} to {Phases.Word(to)} by hand: {text}.{technique}"),
            "clinician:" + who);
        return [new PhaseOverridden(program.Phase, to, text, who, why, now)];
    }

    public static Task<Decided<RunnerProgram>> HandleAsync(IDocumentSession session, Guid runnerId, OverridePhase command,
        TimeProvider time, CancellationToken ct) =>
        session.DecideAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()),
            () => RunnerProgram.Missing(runnerId), ct);
}
