using RunRestore.Programming.Rules;
using static System.FormattableString;

namespace RunRestore.Programming.Running;

/// <summary>One run of T6's window with its running pain (the highest during/after-run report for it, else 0).</summary>
public sealed record RunWithPain(Guid RunId, DateOnly Date, int Pain);

/// <summary>
/// What T6 (v2) reads as running evidence on a re-screen: the runs of the last 14 days with their pain, or a completed
/// T9 return-to-run ladder. Strength-session pain never stands in for running pain.
/// </summary>
/// <param name="ReturnToRunLadderComplete">
/// T9's seam: true once a return-to-run ladder is completed. T9 is not built yet, so nothing sets it; when it is, the
/// ladder's completion passes T6's running-evidence condition on its own.
/// </param>
public sealed record RunningEvidence(IReadOnlyList<RunWithPain> Runs, bool ReturnToRunLadderComplete)
{
    /// <summary>T6: runs of the last 14 days count.</summary>
    public const int WindowDays = 14;

    /// <summary>T6: at least 3 of them with running pain ≤ 2/10.</summary>
    public const int RunsNeeded = 3;

    public const int PainLimit = ProgramRules.TechniquePainLimit;

    public static RunningEvidence None { get; } = new([], false);

    /// <summary>The runs at pain ≤ 2/10.</summary>
    public int EasyRuns => Runs.Count(r => r.Pain <= PainLimit);

    /// <summary>The worst running pain of the window, or null without runs.</summary>
    public int? WorstPain => Runs.Count == 0 ? null : Runs.Max(r => r.Pain);

    /// <summary>
    /// Why the running evidence does not pass T6, or null when it does: ≥ 3 runs at ≤ 2/10 and no run above 2/10 in the
    /// 14 days (running pain above the limit counts against T6, P1), or a completed T9 ladder.
    /// </summary>
    public string? Shortfall()
    {
        if (ReturnToRunLadderComplete)
        {
            return null;
        }

        if (Runs.Count == 0)
        {
            return Invariant($"no runs were logged in the last {WindowDays} days, and T6 needs at least {RunsNeeded} ") +
                Invariant($"at running pain ≤ {PainLimit}/10 (or a completed return-to-run ladder, T9)");
        }

        var painful = Runs.Where(r => r.Pain > PainLimit).ToList();
        if (painful.Count > 0)
        {
            return Invariant($"running pain reached {WorstPain}/10 on ") +
                string.Join(", ", painful.Select(r => Invariant($"{r.Date:yyyy-MM-dd} ({r.Pain}/10)"))) +
                Invariant($" and T6 needs running pain ≤ {PainLimit}/10");
        }

        return EasyRuns >= RunsNeeded
            ? null
            : Invariant($"only {EasyRuns} run(s) in the last {WindowDays} days, and T6 needs at least {RunsNeeded} at ") +
                Invariant($"running pain ≤ {PainLimit}/10 (or a completed return-to-run ladder, T9)");
    }
}
