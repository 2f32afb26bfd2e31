using System.Collections.Immutable;

namespace RunRestore.Programming.Programs;

/// <summary>A running-pain report as programming keeps it (from intake's PainReported, phase during_run).</summary>
public sealed record RunningPainReport(DateOnly Date, int Severity);

/// <summary>Running pain of the last weeks, for T6's "running pain ≤ 2/10" when a re-screen may unlock technique work.</summary>
public sealed record RecentRunningPain(Guid Id, ImmutableList<RunningPainReport> Reports)
{
    public int? WorstSince(DateOnly from) =>
        Reports.Where(r => r.Date >= from).Select(r => (int?)r.Severity).Max();

    public RecentRunningPain With(RunningPainReport report) =>
        this with { Reports = Reports.Add(report).RemoveAll(r => r.Date < report.Date.AddDays(-60)) };
}
