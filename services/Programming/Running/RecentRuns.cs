using System.Collections.Immutable;

namespace RunRestore.Programming.Running;

/// <summary>A run intake logged, as T6 needs it: when and how long (T9 will match its ladder steps by date and minutes).</summary>
public sealed record LoggedRun(Guid RunId, DateOnly Date, decimal DistanceKm, int Minutes);

/// <summary>A during-run or after-run pain report (P1: running pain), linked to its run when intake knows the run.</summary>
public sealed record RunningPain(Guid PainReportId, DateOnly Date, Guid? RunId, int Severity);

/// <summary>
/// A runner's runs and running pain of the last <see cref="KeptDays"/> days (from intake's RunLogged and PainReported),
/// the running evidence T6 asks of a re-screen. Bounded: older entries fall off as newer ones arrive. A run or report
/// delivered again (same id) replaces itself, so redelivery changes nothing.
/// </summary>
public sealed record RecentRuns(Guid Id, ImmutableList<LoggedRun> Runs, ImmutableList<RunningPain> Pains)
{
    /// <summary>Six weeks: T6 looks back 14 days, T9's ladder steps are days apart; nothing needs more.</summary>
    public const int KeptDays = 42;

    public static RecentRuns Empty(Guid runnerId) => new(runnerId, [], []);

    public RecentRuns With(LoggedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var runs = Runs.RemoveAll(r => r.RunId == run.RunId).Add(run);
        return Trimmed(runs, Pains);
    }

    public RecentRuns With(RunningPain pain)
    {
        ArgumentNullException.ThrowIfNull(pain);
        var pains = Pains.RemoveAll(p => p.PainReportId == pain.PainReportId).Add(pain);
        return Trimmed(Runs, pains);
    }

    /// <summary>
    /// The runs of the 14 days up to <paramref name="asOf"/>, each with its running pain: the highest report linked to
    /// the run or made on its date; a run without one counts as pain-free (0/10).
    /// </summary>
    public RunningEvidence Evidence(DateOnly asOf) => new(
        [.. Runs.Where(r => r.Date <= asOf && r.Date > asOf.AddDays(-RunningEvidence.WindowDays))
            .OrderBy(r => r.Date)
            .Select(r => new RunWithPain(r.RunId, r.Date, Pains.Where(p => p.RunId == r.RunId || p.Date == r.Date)
                .Select(p => p.Severity).DefaultIfEmpty(0).Max()))],
        ReturnToRunLadderComplete: false);

    private RecentRuns Trimmed(ImmutableList<LoggedRun> runs, ImmutableList<RunningPain> pains)
    {
        var newest = new[] { runs.Select(r => r.Date).DefaultIfEmpty().Max(), pains.Select(p => p.Date).DefaultIfEmpty().Max() }.Max();
        var from = newest.AddDays(-KeptDays);
        return this with { Runs = runs.RemoveAll(r => r.Date < from), Pains = pains.RemoveAll(p => p.Date < from) };
    }
}
