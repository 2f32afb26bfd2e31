using System.Collections.Immutable;
using RunRestore.Programming.RedFlags;

namespace RunRestore.Programming.Programs;

/// <summary>A running-pain report as programming keeps it (from intake's PainReported, phase during_run).</summary>
public sealed record RunningPainReport(DateOnly Date, int Severity);

/// <summary>A load flag intake raised (L2 high or L3 matter for T5), kept in case it came before the program.</summary>
public sealed record RaisedLoadFlag(string RuleId, string Kind, string Severity, DateOnly AsOf);

/// <summary>
/// What programming remembers of intake's signals per runner: running pain of the last weeks, for T6's "running pain
/// ≤ 2/10" when a re-screen may unlock technique work, and load flags raised before a program existed, so a program
/// prescribed right after a distance jump still holds its progressions (T5) whatever order the messages came in, and
/// red flags raised before a program existed (R1-R6), which never expire: only a clinician clears one.
/// </summary>
public sealed record IntakeSignalLog(Guid Id, ImmutableList<RunningPainReport> Reports, ImmutableList<RaisedLoadFlag>? FlagsBeforeProgram = null,
    ImmutableList<HoldForRedFlag>? RedFlagsBeforeProgram = null)
{
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
        this with { FlagsBeforeProgram = (FlagsBeforeProgram ?? []).Add(flag).RemoveAll(f => f.AsOf < flag.AsOf.AddDays(-14)) };

    /// <summary>A flag intake cleared as of <paramref name="asOf"/> (S1/S2): raised no later, it no longer holds.</summary>
    public IntakeSignalLog Without(string ruleId, string kind, DateOnly asOf) => this with
    {
        FlagsBeforeProgram = (FlagsBeforeProgram ?? []).RemoveAll(f => f.RuleId == ruleId && f.Kind == kind && f.AsOf <= asOf),
    };

    public int? WorstSince(DateOnly from) =>
        Reports.Where(r => r.Date >= from).Select(r => (int?)r.Severity).Max();

    public IntakeSignalLog With(RunningPainReport report) =>
        this with { Reports = Reports.Add(report).RemoveAll(r => r.Date < report.Date.AddDays(-60)) };
}
