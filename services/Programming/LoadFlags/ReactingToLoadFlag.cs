using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.LoadFlags;

/// <summary>A load flag intake raised (its rule id, kind and severity words).</summary>
/// <param name="AsOf">
/// The day intake's flag fired. T5's week is that flag's week, not the day the message happened to arrive: L2 and L3
/// fired together stay one reaction however late either is delivered (after a broker outage, say). Null: today.
/// </param>
public sealed record ReactToLoadFlag(string RuleId, string Kind, string Severity, DateOnly? AsOf = null);

public static class ReactingToLoadFlag
{
    /// <summary>
    /// T5: a load flag from intake. L2 at severity "high" (acute:chronic ≥ 1.5) or any L3 (weekly distance jump
    /// &gt; 30 %) → advise cutting the next 7 days' running by 20-30 % and hold strength progressions for a week, so
    /// two loads do not rise together. A second such flag in the same hold week joins that reaction (advice and hold
    /// recorded once, citing both rules). S1/S2 hold progressions while active (<see cref="HoldingForWellness"/>). Any
    /// other flag changes nothing here.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReactToLoadFlag flag, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(program);
        var (ruleId, kind, severity, _) = flag;
        new FieldViolations()
            .Check(!string.IsNullOrWhiteSpace(ruleId), "rule_id", "must be given")
            .Check(!string.IsNullOrWhiteSpace(kind), "kind", "must be given")
            .Check(!string.IsNullOrWhiteSpace(severity), "severity", "must be given")
            .ThrowIfAny();
        if (HoldingForWellness.IsWellness(ruleId))
        {
            return HoldingForWellness.Decide(flag, program, now);
        }

        var fires = (ruleId == "L2" && severity == "high") || ruleId == "L3";
        if (!fires)
        {
            return [];
        }

        var today = flag.AsOf is { } firedOn && firedOn < Wording.Today(now) ? firedOn : Wording.Today(now);
        var id = Invariant($"{ruleId}:{kind}:{severity}");
        var cited = program.CurrentLoadHoldFlags;
        if (program.HoldsProgressionsOn(today) && cited.Count > 0)
        {
            return cited.Exists(c => c.StartsWith(ruleId + ":", StringComparison.Ordinal)) ? [] : [Join(id, program, today)];
        }

        var until = today.AddDays(ProgramRules.HoldDays);
        return
        [
            new RunningVolumeAdvised(ProgramRules.RunningCutFromPercent, ProgramRules.RunningCutToPercent, today.AddDays(1),
                ProgramRules.Explain("T5", LoadFlagWords.RunningAdvice([id], today.AddDays(1)), id)),
            new ProgressionsHeld(today, until, ProgramRules.Explain("T5", Invariant($"As {LoadFlagWords.What([id])}, strength ") +
                Invariant($"exercises stay at their step until {Wording.Day(until.AddDays(-1))} and may move up again from ") +
                Invariant($"{Wording.Day(until)} (T5)."), id)),
        ];
    }

    /// <summary>From intake's LoadFlagRaised: null when the runner has no program yet (the flag is kept for it).</summary>
    public static Task<Decided<RunnerProgram>?> HandleIfProgramAsync(IDocumentSession session, Guid runnerId,
        ReactToLoadFlag flag, TimeProvider time, CancellationToken ct) =>
        session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(flag, p, time.GetUtcNow()), ct);

    // T5 once (issue 13): L2 high and L3 of the same week are one reaction; the second flag is noted with the advice
    // that now cites both, and neither the running cut nor the hold is recorded again.
    private static LoadFlagJoinedHold Join(string id, RunnerProgram program, DateOnly today)
    {
        var all = program.CurrentLoadHoldFlags.Add(id);
        var weekStart = program.HoldProgressionsUntil!.Value.AddDays(1 - ProgramRules.HoldDays);
        var advice = LoadFlagWords.RunningAdvice(all, weekStart);
        var lastHeld = Wording.Day(program.HoldProgressionsUntil.Value.AddDays(-1));
        return new LoadFlagJoinedHold(id, today, weekStart, advice, ProgramRules.Explain("T5",
            Invariant($"{LoadFlagWords.Capital(LoadFlagWords.What([id]))} in the same week: the running cut and the ") +
                Invariant($"strength hold until {lastHeld} already advised cover it, so neither is repeated (T5). ") + advice,
            all));
    }
}
