using Marten;
using RunRestore.Programming.Clinician;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.RedFlags;

/// <summary>A clinician clears a red flag, with why it is safe to go on; <paramref name="ClearedBy"/> is who.</summary>
public sealed record ClearRedFlag(Guid RedFlagId, string Reason, string ClearedBy);

public static class ClearingRedFlag
{
    /// <summary>
    /// R1-R6: only a clinician clears a red flag, and the reason is stored. Once no flag is open the hold ends:
    /// progressions, prescriptions for the region and technique work (after a re-screen passing T6) may go on. An
    /// unknown flag is NOT_FOUND; one already cleared is FAILED_PRECONDITION.
    /// </summary>
    public static IReadOnlyList<object> Decide(ClearRedFlag command, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(program);
        var text = command.Reason?.Trim() ?? "";
        var who = string.IsNullOrWhiteSpace(command.ClearedBy) ? "clinician" : command.ClearedBy.Trim();
        new FieldViolations()
            .Check(command.RedFlagId != Guid.Empty, "red_flag_id", "must be given")
            .CheckReason(text)
            .ThrowIfAny();
        var flag = program.AllRedFlags.Find(f => f.Id == command.RedFlagId)
            ?? throw new NotFoundException($"Runner {program.Id} has no red flag {command.RedFlagId}.");
        new FieldViolations()
            .Check(flag.IsOpen, "red_flag_id", Invariant($"was already cleared on {Wording.Day(flag.ClearedOn ?? default)}"))
            .ThrowIfAnyPrecondition(RunnerProgram.StateRule);

        var stillOpen = program.OpenRedFlags.Where(f => f.Id != flag.Id).ToList();
        var after = stillOpen.Count == 0
            ? "No red flag is open any more: progressions and prescriptions for the region may go on, and technique work " +
                "after a re-screen that passes T6."
            : "The program still holds for " + new RedFlagHolds(stillOpen).Describe() + ".";
        var today = Wording.Today(now);
        return [new RedFlagCleared(flag.Id, flag.RuleId, text, who, today, ProgramRules.Explain(flag.RuleId,
            Invariant($"{who} cleared {flag.Describe()}: {text.TrimEnd('.')}. ") + after,
            flag.Id.ToString(), "clinician:" + who), now)];
    }

    public static Task<Decided<RunnerProgram>> HandleAsync(IDocumentSession session, Guid runnerId, ClearRedFlag command,
        TimeProvider time, CancellationToken ct) =>
        session.DecideAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()),
            () => RunnerProgram.Missing(runnerId), ct);
}
