namespace RunRestore.Programming.Programs;

// DOMAIN.md P1-P3 (rule set v2) apply to every pain report intake receives, not only to strength sessions.

/// <summary>
/// A pain report from intake (during or after a run, at rest, next morning) the program took in: the last report per
/// site is what P3 compares the next one with.
/// </summary>
public sealed record PainReportMonitored(
    Guid PainReportId, DateOnly Date, string BodySite, string Side, int Severity, string Phase, Explanation Why,
    DateTimeOffset RecordedAt);

/// <summary>Running pain above the plan's ceiling (P1): change the running (shorter, easier, or cross-training).</summary>
public sealed record RunningChangeAdvised(Guid PainReportId, DateOnly Date, int Pain, int Ceiling, Explanation Why);

/// <summary>The last pain reported for a body site (P3 compares the next report of the site with it).</summary>
public sealed record SitePain(string BodySite, DateOnly Date, int Severity);
