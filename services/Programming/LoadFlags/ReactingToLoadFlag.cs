using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.LoadFlags;

/// <summary>A load flag intake raised (its rule id, kind and severity words).</summary>
public sealed record ReactToLoadFlag(string RuleId, string Kind, string Severity);

public static class ReactingToLoadFlag
{
    /// <summary>
    /// T5: a load flag from intake. L2 at severity "high" (acute:chronic ≥ 1.5) or any L3 (weekly distance jump
    /// &gt; 30 %) → advise cutting the next 7 days' running by 20-30 % and hold strength progressions for a week, so
    /// two loads do not rise together. Any other flag changes nothing here.
    /// </summary>
    public static IReadOnlyList<object> Decide(ReactToLoadFlag flag, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(program);
        var (ruleId, kind, severity) = flag;
        new FieldViolations()
            .Check(!string.IsNullOrWhiteSpace(ruleId), "rule_id", "must be given")
            .Check(!string.IsNullOrWhiteSpace(kind), "kind", "must be given")
            .Check(!string.IsNullOrWhiteSpace(severity), "severity", "must be given")
            .ThrowIfAny();
        var fires = (ruleId == "L2" && severity == "high") || ruleId == "L3";
        if (!fires)
        {
            return [];
        }

        var today = Wording.Today(now);
        var until = today.AddDays(ProgramRules.HoldDays);
        var id = Invariant($"{ruleId}:{kind}:{severity}");
        var cut = Invariant($"{ProgramRules.RunningCutFromPercent}-{ProgramRules.RunningCutToPercent}");
        // L2 is contested (evidence X): say "load rising faster than usual", never an injury probability.
        var what = ruleId == "L2"
            ? "training load is rising much faster than usual (L2, acute:chronic ≥ 1.5; contested evidence)"
            : "weekly running distance jumped by more than 30 % (L3)";
        return
        [
            new RunningVolumeAdvised(ProgramRules.RunningCutFromPercent, ProgramRules.RunningCutToPercent, today.AddDays(1),
                ProgramRules.Explain("T5", Invariant($"As {what}, cut the running volume of the next 7 days ") +
                    Invariant($"(from {Wording.Day(today.AddDays(1))}) by {cut} % (T5)."), id)),
            new ProgressionsHeld(today, until, ProgramRules.Explain("T5", Invariant($"As {what}, strength exercises ") +
                Invariant($"stay at their step until {Wording.Day(until.AddDays(-1))} and may move up again from ") +
                Invariant($"{Wording.Day(until)} (T5)."), id)),
        ];
    }

    /// <summary>From intake's LoadFlagRaised: null when the runner has no program yet (the flag is kept for it).</summary>
    public static Task<Decided<RunnerProgram>?> HandleIfProgramAsync(IDocumentSession session, Guid runnerId,
        ReactToLoadFlag flag, TimeProvider time, CancellationToken ct) =>
        session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(flag, p, time.GetUtcNow()), ct);
}
