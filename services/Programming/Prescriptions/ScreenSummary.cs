using RunRestore.Programming.Programs;
using RunRestore.Programming.Running;
using RunRestore.ServiceDefaults.Errors;
using static System.FormattableString;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Prescriptions;

/// <summary>
/// A completed screen as the programming service receives it (from AssessmentCompleted). <paramref name="FirstCompletedOn"/>
/// is the runner's first screen, so T6 can tell a re-screen ≥ 6 weeks later. A re-screen's
/// <paramref name="ResolvedFindingKeys"/> no longer justify an exercise; its <paramref name="NotRetestedFindingKeys"/>
/// stay open (untested is not resolved) and keep T6 locked. <paramref name="Running"/> is T6's running evidence: the
/// runs of the 14 days up to the screen with their running pain (none known: no runs). <paramref name="Pain"/> is the
/// runner's pain as intake reported it (none known: no reports).
/// </summary>
public sealed record ScreenSummary(
    Guid AssessmentId,
    DateOnly CompletedOn,
    DateOnly FirstCompletedOn,
    bool IsReassessment,
    string? PainSite,
    IReadOnlyList<ScreenFinding> Findings,
    IReadOnlyList<string>? ResolvedFindingKeys = null,
    IReadOnlyList<string>? NotRetestedFindingKeys = null,
    RunningEvidence? Running = null,
    RunnerPain? Pain = null)
{
    /// <summary>The runner's pain reports as programming knows them (none: <see cref="RunnerPain.None"/>).</summary>
    public RunnerPain Reported => Pain ?? RunnerPain.None;

    /// <summary>The previous screen's findings re-tested and gone.</summary>
    public IReadOnlyList<string> Resolved => ResolvedFindingKeys ?? [];

    /// <summary>The previous screen's findings this screen did not test: still open.</summary>
    public IReadOnlyList<string> NotRetested => NotRetestedFindingKeys ?? [];

    /// <summary>Every problem of the screen at once (INVALID_ARGUMENT, nothing stored).</summary>
    internal void Check(DateOnly today)
    {
        var problems = new FieldViolations()
            .Check(AssessmentId != Guid.Empty, "assessment_id", "must be given")
            .Check(CompletedOn <= today, "completed_on", "must not be in the future")
            .Check(FirstCompletedOn <= CompletedOn, "first_completed_on", "must not be after completed_on")
            .Check(PainSite is null || !string.IsNullOrWhiteSpace(PainSite), "pain_site", "must not be blank")
            .Check(Resolved.All(k => !string.IsNullOrWhiteSpace(k)), "resolved_finding_keys", "must not be blank")
            .Check(NotRetested.All(k => !string.IsNullOrWhiteSpace(k)), "not_retested_finding_keys", "must not be blank");
        var findings = Findings ?? [];
        problems.Check(Findings is not null, "findings", "must be given (may be empty)");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            problems
                .Check(!string.IsNullOrWhiteSpace(f.Key), Invariant($"findings[{i}].key"), "must be given")
                .Check(findings.Take(i).All(o => o.Key != f.Key), Invariant($"findings[{i}].key"), "must be unique")
                .Check(FindingKinds.All.Contains(f.Kind), Invariant($"findings[{i}].kind"),
                    "must be one of " + string.Join(", ", FindingKinds.All))
                .Check(!string.IsNullOrWhiteSpace(f.Region), Invariant($"findings[{i}].region"), "must be given")
                .Check(!string.IsNullOrWhiteSpace(f.RuleId), Invariant($"findings[{i}].rule_id"), "must be given");
        }

        problems.ThrowIfAny();
    }
}

/// <summary>
/// The runner's pain when the screen arrives (intake's PainReported, any phase): <paramref name="AtSite"/> is the latest
/// report for the screen's pain site, <paramref name="Open"/> the reports intake has not resolved that report pain.
/// </summary>
public sealed record RunnerPain(KnownPainReport? AtSite, IReadOnlyList<KnownPainReport> Open)
{
    public static readonly RunnerPain None = new(null, []);

    /// <summary>What <paramref name="log"/> knows of the runner's pain, the latest at <paramref name="painSite"/>.</summary>
    public static RunnerPain From(IntakeSignalLog? log, string? painSite) =>
        log is null ? None : new(log.LatestPainAt(painSite), log.OpenPain);
}
