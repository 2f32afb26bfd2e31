using System.Collections.Immutable;
using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.RedFlags;

namespace RunRestore.Programming.Programs;

/// <summary>A running-pain report as programming keeps it (from intake's PainReported, phase during_run).</summary>
public sealed record RunningPainReport(DateOnly Date, int Severity);

/// <summary>A load flag intake raised (L2 high or L3 matter for T5), kept in case it came before the program.</summary>
public sealed record RaisedLoadFlag(string RuleId, string Kind, string Severity, DateOnly AsOf);

/// <summary>
/// A pain report of any phase as programming keeps it for prescribing (from intake's PainReported, open until
/// PainResolved): the latest pain at the screen's site starts Restore low, open pain decides Restore or Maintain, and its
/// side is matched with a finding's side (issue 13).
/// </summary>
public sealed record KnownPainReport(Guid PainReportId, DateOnly Date, string BodySite, string Side, int Severity,
    bool Resolved = false);

/// <summary>
/// What programming remembers of intake's signals per runner: running pain of the last weeks, for T6's "running pain
/// ≤ 2/10" when a re-screen may unlock technique work, and load flags raised before a program existed, so a program
/// prescribed right after a distance jump still holds its progressions (T5) whatever order the messages came in, and
/// red flags raised before a program existed (R1-R6), which never expire: only a clinician clears one.
/// </summary>
public sealed record IntakeSignalLog(Guid Id, ImmutableList<RunningPainReport> Reports, ImmutableList<RaisedLoadFlag>? FlagsBeforeProgram = null,
    ImmutableList<HoldForRedFlag>? RedFlagsBeforeProgram = null, ImmutableList<KnownPainReport>? PainReports = null)
{
    /// <summary>Resolved pain reports are kept this long after the newest report (the latest at a site may be one).</summary>
    public const int ResolvedPainDays = 60;
    public IntakeSignalLog With(HoldForRedFlag flag) => (RedFlagsBeforeProgram ?? []).Exists(f => f.RedFlagId == flag.RedFlagId)
        ? this
        : this with { RedFlagsBeforeProgram = (RedFlagsBeforeProgram ?? []).Add(flag) };

    /// <summary>A clinician cleared a red flag raised before the program: it stays known, cleared (R1-R6).</summary>
    public IntakeSignalLog With(RedFlagCleared cleared) => this with
    {
        RedFlagsBeforeProgram = (RedFlagsBeforeProgram ?? [])
            .ConvertAll(f => f.RedFlagId == cleared.RedFlagId ? f with { ClearedBeforeProgram = cleared } : f),
    };

    public IntakeSignalLog With(RaisedLoadFlag flag) =>
        this with { FlagsBeforeProgram = (FlagsBeforeProgram ?? []).Add(flag).RemoveAll(f => f.AsOf < flag.AsOf.AddDays(-14) && !HoldingForWellness.IsWellness(f.RuleId)) };

    /// <summary>A flag intake cleared as of <paramref name="asOf"/> (S1/S2): raised no later, it no longer holds.</summary>
    public IntakeSignalLog Without(string ruleId, string kind, DateOnly asOf) => this with
    {
        FlagsBeforeProgram = (FlagsBeforeProgram ?? []).RemoveAll(f => f.RuleId == ruleId && f.Kind == kind && f.AsOf <= asOf),
    };

    public int? WorstSince(DateOnly from) =>
        Reports.Where(r => r.Date >= from).Select(r => (int?)r.Severity).Max();

    public IntakeSignalLog With(RunningPainReport report) =>
        this with { Reports = Reports.Add(report).RemoveAll(r => r.Date < report.Date.AddDays(-60)) };

    /// <summary>
    /// The flags a program prescribed on <paramref name="today"/> must still react to, oldest first: every S1/S2 intake has
    /// not cleared (they hold until cleared, whenever raised), and T5's load flags of the last week (T5 holds one week).
    /// </summary>
    public IReadOnlyList<RaisedLoadFlag> FlagsForNewProgram(DateOnly today) =>
        [.. (FlagsBeforeProgram ?? []).Where(f => HoldingForWellness.IsWellness(f.RuleId) || f.AsOf >= today.AddDays(-7))
            .OrderBy(f => f.AsOf)];

    public IntakeSignalLog With(KnownPainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var kept = (PainReports ?? []).RemoveAll(p => p.PainReportId == report.PainReportId).Add(report);
        return this with { PainReports = kept.RemoveAll(p => p.Resolved && p.Date < report.Date.AddDays(-ResolvedPainDays)) };
    }

    /// <summary>Intake resolved the pain report (PainResolved): it is no longer open pain.</summary>
    public IntakeSignalLog Resolving(Guid painReportId) => this with
    {
        PainReports = (PainReports ?? []).ConvertAll(p => p.PainReportId == painReportId ? p with { Resolved = true } : p),
    };

    /// <summary>The latest report (any phase) for <paramref name="bodySite"/>, or null.</summary>
    public KnownPainReport? LatestPainAt(string? bodySite) =>
        (PainReports ?? []).Where(p => p.BodySite == bodySite).OrderBy(p => p.Date).LastOrDefault();

    /// <summary>Pain reports intake has not resolved that report any pain (above 0/10).</summary>
    public IReadOnlyList<KnownPainReport> OpenPain => (PainReports ?? []).FindAll(p => !p.Resolved && p.Severity > 0);
}
