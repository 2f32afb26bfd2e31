namespace RunRestore.Contracts.Programming;

// What the programming service tells clinics' systems. MessageId = the programming event's id; the clinic travels in
// the "clinic" header. Every change says why: rule id (DOMAIN.md T1-T9, P1-P4), version, evidence and a sentence.

/// <summary>Why the program is what it is, or changed.</summary>
public sealed record ProgramExplanation(string RuleId, int RuleVersion, string Evidence, IReadOnlyList<string> TriggeringIds,
    string Sentence);

/// <summary>One exercise of a prescription, linked to the assessment finding it addresses.</summary>
public sealed record ProgramExerciseItem(string Code, string Name, int Sets, int? Reps, int? HoldSeconds, bool PerSide,
    string FindingKey, ProgramExplanation Why);

/// <summary>A program was prescribed (first screen) or revised (a later one). <paramref name="Phase"/>: restore, maintain, improve.</summary>
public sealed record ProgramPrescribed(
    Guid RunnerId,
    Guid AssessmentId,
    bool IsRevision,
    string Phase,
    int SessionsPerWeek,
    int PainCeiling,
    IReadOnlyList<ProgramExerciseItem> Exercises,
    ProgramExplanation Why) : IClinicEvent;

/// <summary>
/// The program adapted. <paramref name="Change"/>: exercise_progressed, exercise_regressed, exercise_held,
/// progressions_held, running_volume_advised, next_session_regression_planned, pain_ceiling_set.
/// </summary>
public sealed record ProgramAdapted(Guid RunnerId, string Change, string Summary, ProgramExplanation Why) : IClinicEvent;

/// <summary>The runner moved to another phase, by the rules or by a clinician (<paramref name="ByClinician"/>).</summary>
public sealed record PhaseAdvanced(Guid RunnerId, string From, string To, bool ByClinician, ProgramExplanation Why) : IClinicEvent;

/// <summary>A clinician should look: <paramref name="Level"/> low, high, critical (P3), engagement or inactive (P4).</summary>
public sealed record ClinicianAlertRaised(Guid RunnerId, string Level, ProgramExplanation Why) : IClinicEvent;
