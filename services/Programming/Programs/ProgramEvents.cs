using RunRestore.Programming.Library;

namespace RunRestore.Programming.Programs;

// The events of a runner's program stream that set it up and change its shape. The stream id is the runner id, so no
// event repeats it. Every change carries an Explanation (rule id, version, evidence, triggering ids, sentence).

/// <summary>
/// Why the program changed, stored with every event so a clinician can see the rule behind it (DOMAIN.md: each firing
/// stores rule id, version, inputs and evidence level). <paramref name="TriggeringIds"/> are the session, assessment,
/// finding or flag ids that fired the rule; <paramref name="Sentence"/> is plain language for the clinic.
/// </summary>
public sealed record Explanation(
    string RuleId, int RuleVersion, string Evidence, IReadOnlyList<string> TriggeringIds, string Sentence);

/// <summary>A finding of a screen as the program keeps it (the assessment service's words and key).</summary>
public sealed record ScreenFinding(string Key, string Kind, string Region, string? Side, string RuleId);

/// <summary>An exercise in the program, linked to the finding (or K-rule default) it addresses.</summary>
/// <param name="FindingKey">A finding's key, or "{K-rule}:{pain site}" / "T6:technique" for defaults and drills.</param>
public sealed record PrescribedExercise(string Code, string FindingKey, Dosage Dosage, Explanation Why);

/// <summary>A day planned for strength work, with why it is safe that day (T7).</summary>
public sealed record StrengthDay(DateOnly Date, string Reason);

/// <summary>
/// The strength days of a 7-day week starting <paramref name="WeekStart"/>. <paramref name="Shortfall"/> says why
/// fewer days than asked could be planned (hard runs and the rest day leave no room), or is null.
/// </summary>
public sealed record WeekPlan(DateOnly WeekStart, IReadOnlyList<StrengthDay> StrengthDays, string? Shortfall);

/// <summary>The first program, from the runner's first screen: phase Restore, 4-6 exercises (T2), 3 a week (T8).</summary>
public sealed record ProgramPrescribed(
    Guid AssessmentId,
    DateOnly AssessedOn,
    DateOnly FirstAssessmentOn,
    DateOnly StartsOn,
    string? PainSite,
    IReadOnlyList<PrescribedExercise> Exercises,
    IReadOnlyList<ScreenFinding> OpenFindings,
    int SessionsPerWeek,
    Phase Phase,
    int PainCeiling,
    WeekPlan Week,
    Explanation Why,
    DateTimeOffset PrescribedAt);

/// <summary>
/// A later screen reshaped the program: exercises for findings still open keep their ladder step, new findings get
/// new exercises. <paramref name="TechniqueGate"/> says whether T6 opened technique work and, if not, why not.
/// </summary>
public sealed record ProgramRevised(
    Guid AssessmentId,
    DateOnly AssessedOn,
    string? PainSite,
    IReadOnlyList<PrescribedExercise> Exercises,
    IReadOnlyList<ScreenFinding> OpenFindings,
    int SessionsPerWeek,
    bool TechniqueUnlocked,
    WeekPlan Week,
    Explanation Why,
    Explanation TechniqueGate,
    DateTimeOffset RevisedAt);

/// <summary>The rules moved the runner to the next phase (Restore → Maintain, or Maintain → Improve by T6).</summary>
public sealed record PhaseAdvanced(Phase From, Phase To, DateOnly On, Explanation Why);

/// <summary>A clinician put the runner in a phase by hand; the reason and who did it are kept.</summary>
public sealed record PhaseOverridden(
    Phase From, Phase To, string Reason, string Clinician, Explanation Why, DateTimeOffset OverriddenAt);

/// <summary>The pain-during-activity ceiling changed (P1: 3 by default, up to 5 for tendinopathy).</summary>
public sealed record PainCeilingSet(int From, int To, string Reason, Explanation Why, DateTimeOffset SetAt);
