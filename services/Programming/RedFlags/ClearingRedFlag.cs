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
        ArgumentNullException.ThrowIfNull(program);
        return Decide(command, program.Id, program.AllRedFlags, now);
    }

    /// <summary>
    /// R1-R6 for a runner without a program yet: a flag the service knows from <paramref name="signals"/> is cleared
    /// the same way, so the prescription that follows records it raised and cleared and is not held by it.
    /// </summary>
    public static IReadOnlyList<object> Decide(ClearRedFlag command, Guid runnerId, IntakeSignalLog? signals, DateTimeOffset now) =>
        Decide(command, runnerId, [.. (signals?.RedFlagsBeforeProgram ?? []).Select(f => f.ToProgramRedFlag())], now);

    private static IReadOnlyList<object> Decide(ClearRedFlag command, Guid runnerId, IReadOnlyList<ProgramRedFlag> flags,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = command.Reason?.Trim() ?? "";
        var who = string.IsNullOrWhiteSpace(command.ClearedBy) ? "clinician" : command.ClearedBy.Trim();
        new FieldViolations()
            .Check(command.RedFlagId != Guid.Empty, "red_flag_id", "must be given")
            .CheckReason(text)
            .ThrowIfAny();
        var flag = flags.FirstOrDefault(f => f.Id == command.RedFlagId)
            ?? throw new NotFoundException($"Runner {runnerId} has no red flag {command.RedFlagId}.");
        new FieldViolations()
            .Check(flag.IsOpen, "red_flag_id", Invariant($"was already cleared on {Wording.Day(flag.ClearedOn ?? default)}"))
            .ThrowIfAnyPrecondition(RunnerProgram.StateRule);

        var stillOpen = new RedFlagHolds(flags.Where(f => f.Id != flag.Id));
        var after = !stillOpen.Any
            ? "No red flag is open any more: progressions and prescriptions for the region may go on, and technique work " +
                "after a re-screen that passes T6."
            : "The program still holds for " + stillOpen.Describe() + ".";
        var today = Wording.Today(now);
        return [new RedFlagCleared(flag.Id, flag.RuleId, text, who, today, ProgramRules.Explain(flag.RuleId,
            Invariant($"{who} cleared {flag.Describe()}: {text.TrimEnd('.')}. ") + after,
            flag.Id.ToString(), "clinician:" + who), now)];
    }

    /// <summary>Clears the flag in the runner's program, or, before there is one, in what the service keeps for it
    /// (State is then null: no stream was written).</summary>
    public static async Task<Decided<RunnerProgram?>> HandleAsync(IDocumentSession session, Guid runnerId, ClearRedFlag command,
        TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()), ct)
                .ConfigureAwait(false) is { } decided)
        {
            return new(decided.State, decided.Events);
        }

        var signals = await session.LoadAsync<IntakeSignalLog>(runnerId, ct).ConfigureAwait(false);
        var events = Decide(command, runnerId, signals, time.GetUtcNow());
        session.Store(signals!.With((RedFlagCleared)events[0]));
        return new(null, events);
    }
}
