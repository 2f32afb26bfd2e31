namespace RunRestore.Contracts.Assessment;

/// <summary>
/// A clinician completed a movement screen; the findings say what to treat and why. MessageId = the assessment
/// service's event id; the clinic travels in the "clinic" header. Dates are "YYYY-MM-DD".
/// </summary>
/// <param name="PainSite">The reported pain site the screen reasoned from (intake's words, e.g. "anterior_knee"), if any.</param>
/// <param name="FirstCompletedOn">When the runner's first screen was completed (re-screens are later, DOMAIN.md T6).</param>
/// <param name="ResolvedFindingKeys">
/// A re-screen's verdict on the previous screen's findings: re-tested and no longer present. Findings resolved on a
/// re-screen no longer justify an exercise (DOMAIN.md, after T9).
/// </param>
/// <param name="NotRetestedFindingKeys">
/// The previous screen's findings whose test this re-screen did not perform: untested is not resolved, and T6 stays
/// locked while any is left.
/// </param>
public sealed record AssessmentCompleted(
    Guid RunnerId,
    Guid AssessmentId,
    DateOnly CompletedOn,
    DateOnly FirstCompletedOn,
    bool IsReassessment,
    string? PainSite,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ContributingRegion> Regions,
    IReadOnlyList<string>? ResolvedFindingKeys = null,
    IReadOnlyList<string>? NotRetestedFindingKeys = null) : IClinicEvent;

/// <summary>
/// One finding of a screen. <paramref name="Kind"/>: strength_deficit, mobility_limit, control_compensation, balance,
/// foot_mechanics, load, recovery_wellness. <paramref name="Region"/>: e.g. hip_abductors, quadriceps, calf,
/// ankle_dorsiflexion, hamstrings, trunk, posterior_chain, foot, hip_trunk_control, training_load, recovery.
/// <paramref name="Side"/>: left, right or null. <paramref name="Key"/> identifies the same finding across screens.
/// </summary>
public sealed record Finding(
    string Key,
    string Kind,
    string Region,
    string? Side,
    decimal? Magnitude,
    string MagnitudeLabel,
    string RuleId,
    int RuleVersion,
    string Evidence,
    IReadOnlyList<string> TriggeringInputs,
    string Explanation);

/// <summary>
/// A region the kinetic-chain rules (K1-K8) propose to check and treat for the pain site: a treatment target, not a
/// proven cause. Rank 1 is the most supported; <paramref name="SupportingFindingKeys"/> links the findings behind it.
/// </summary>
public sealed record ContributingRegion(
    string Region,
    int Rank,
    string RuleId,
    string Evidence,
    IReadOnlyList<string> SupportingFindingKeys,
    string Explanation);

/// <summary>The runner should be re-screened (e.g. 6 weeks after the first screen, DOMAIN.md T6).</summary>
public sealed record ReassessmentDue(Guid RunnerId, DateOnly DueOn, string Reason);
