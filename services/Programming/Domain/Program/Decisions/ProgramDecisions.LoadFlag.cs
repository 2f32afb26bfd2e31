using static System.FormattableString;

namespace RunRestore.Programming.Domain.Program.Decisions;

public static partial class ProgramDecisions
{
    /// <summary>
    /// T5: a load flag from intake. L2 at severity "high" (acute:chronic ≥ 1.5) or any L3 (weekly distance jump
    /// &gt; 30 %) → advise cutting the next 7 days' running by 20-30 % and hold strength progressions for a week, so
    /// two loads do not rise together. Any other flag changes nothing here.
    /// </summary>
    public static IReadOnlyList<object> ReactToLoadFlag(string ruleId, string kind, string severity, RunnerProgram program,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        new FieldProblems()
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
        var flag = Invariant($"{ruleId}:{kind}:{severity}");
        var cut = Invariant($"{ProgramRules.RunningCutFromPercent}-{ProgramRules.RunningCutToPercent}");
        // L2 is contested (evidence X): say "load rising faster than usual", never an injury probability.
        var what = ruleId == "L2"
            ? "training load is rising much faster than usual (L2, acute:chronic ≥ 1.5; contested evidence)"
            : "weekly running distance jumped by more than 30 % (L3)";
        return
        [
            new RunningVolumeAdvised(ProgramRules.RunningCutFromPercent, ProgramRules.RunningCutToPercent, today.AddDays(1),
                ProgramRules.Explain("T5", Invariant($"As {what}, cut the running volume of the next 7 days ") +
                    Invariant($"(from {Wording.Day(today.AddDays(1))}) by {cut} % (T5)."), flag)),
            new ProgressionsHeld(today, until, ProgramRules.Explain("T5", Invariant($"As {what}, strength exercises ") +
                Invariant($"stay at their step until {Wording.Day(until.AddDays(-1))} and may move up again from ") +
                Invariant($"{Wording.Day(until)} (T5)."), flag)),
        ];
    }
}
