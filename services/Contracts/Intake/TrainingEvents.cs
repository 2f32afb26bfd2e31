namespace RunRestore.Contracts.Intake;

// Intake's integration events about the runner's week. Every message: MessageId = intake's event id, the clinic in
// the "clinic" header, CorrelationId = the runner id. Dates are runner-local days (JSON "YYYY-MM-DD"); enums are snake_case words.

/// <summary>A run was logged. <paramref name="SessionType"/>: easy, long, tempo, interval, race, recovery.</summary>
public sealed record RunLogged(
    Guid RunnerId,
    Guid RunId,
    DateOnly Date,
    decimal DistanceKm,
    int DurationSeconds,
    string SessionType,
    int Rpe,
    int? AverageHeartRate,
    int? CadenceSpm,
    string? Surface,
    string? Partner,
    string? ExternalId);

/// <summary>A gym or rehab session was logged (its load is RPE × minutes, like a run's).</summary>
public sealed record GymSessionLogged(Guid RunnerId, Guid SessionId, DateOnly Date, int DurationMinutes, int Rpe, string Focus);

/// <summary>
/// Pain was reported. <paramref name="BodySite"/>: anterior_knee, lateral_knee, medial_shin, achilles, calf, heel_plantar,
/// hamstring, hip, lateral_hip, lower_back, foot, other. <paramref name="Side"/>: left, right, both, not_applicable.
/// <paramref name="Phase"/>: during_run, after_run, next_morning, at_rest. Onset is where in the run it starts.
/// </summary>
public sealed record PainReported(
    Guid RunnerId,
    Guid PainReportId,
    DateOnly Date,
    string BodySite,
    string Side,
    int Severity,
    string Phase,
    decimal? OnsetKm,
    decimal? OnsetMinutes,
    Guid? LinkedRunId,
    int DurationDays,
    string Notes) : IClinicEvent;

/// <summary>An earlier pain report is resolved.</summary>
public sealed record PainResolved(Guid RunnerId, Guid PainReportId, DateOnly Date);

/// <summary>A day's wellness (sleep hours, stress 1-5, soreness 1-5, illness).</summary>
public sealed record WellnessReported(Guid RunnerId, Guid WellnessReportId, DateOnly Date, decimal SleepHours, int Stress,
    int Soreness, bool Illness);

/// <summary>
/// A load or wellness rule started firing (once per episode). <paramref name="RuleId"/> is DOMAIN.md's (L2-L6, S1, S2);
/// <paramref name="Evidence"/> A/B/C/X; <paramref name="Numbers"/> the figures that fired it;
/// <paramref name="TriggeringIds"/> the runs, sessions, races and reports behind it.
/// </summary>
public sealed record LoadFlagRaised(
    Guid RunnerId,
    string RuleId,
    int RuleVersion,
    string Kind,
    string Severity,
    string Evidence,
    IReadOnlyDictionary<string, decimal> Numbers,
    string Explanation,
    IReadOnlyList<Guid> TriggeringIds,
    DateOnly AsOf);

/// <summary>A load or wellness rule stopped firing.</summary>
public sealed record LoadFlagCleared(Guid RunnerId, string RuleId, string Kind, string Explanation, DateOnly AsOf);
