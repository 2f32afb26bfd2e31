using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.LoadFlags;

/// <summary>Intake cleared a load or wellness flag (LoadFlagCleared) as of its runner-local <paramref name="AsOf"/>.</summary>
public sealed record EndLoadFlag(string RuleId, string Kind, DateOnly AsOf);

public static class EndingWellnessHold
{
    /// <summary>
    /// S1/S2: intake no longer flags sleep or stress, so the hold that flag put on progressions ends (another active
    /// one keeps holding). A clearance for a flag the program does not hold for (already ended, raised later than this
    /// clearance, or an L-rule whose T5 hold simply runs its week) changes nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(EndLoadFlag cleared, RunnerProgram program)
    {
        ArgumentNullException.ThrowIfNull(cleared);
        ArgumentNullException.ThrowIfNull(program);
        new FieldViolations()
            .Check(!string.IsNullOrWhiteSpace(cleared.RuleId), "rule_id", "must be given")
            .Check(!string.IsNullOrWhiteSpace(cleared.Kind), "kind", "must be given")
            .ThrowIfAny();
        if (program.ActiveWellnessFlags.Find(f => f.RuleId == cleared.RuleId && f.Kind == cleared.Kind) is not { } flag
            || flag.Since > cleared.AsOf)
        {
            return [];
        }

        var others = program.ActiveWellnessFlags.Remove(flag);
        var after = others.Count == 0
            ? "strength exercises may move up again when the rules allow (T3)."
            : Invariant($"progressions stay held while {LoadFlagWords.What(others.Select(HoldingForWellness.Id))}.");
        return [new WellnessHoldEnded(flag.RuleId, flag.Kind, cleared.AsOf, ProgramRules.Explain(flag.RuleId,
            Invariant($"Intake no longer flags {flag.RuleId} ({Wording.Words(flag.Kind)}) as of {Wording.Day(cleared.AsOf)}: ") +
                after, HoldingForWellness.Id(flag)))];
    }

    /// <summary>From intake's LoadFlagCleared: null when the runner has no program yet (the log forgets the flag).</summary>
    public static Task<Decided<RunnerProgram>?> HandleIfProgramAsync(IDocumentSession session, Guid runnerId,
        EndLoadFlag cleared, CancellationToken ct) =>
        session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(cleared, p), ct);
}
