namespace RunRestore.Intake.Pain;

/// <summary>Where it hurts: the fixed vocabulary assessment reasons from (DOMAIN.md K1-K8).</summary>
public enum BodySite
{
    AnteriorKnee = 1,
    LateralKnee = 2,
    MedialShin = 3,
    Achilles = 4,
    Calf = 5,
    HeelPlantar = 6,
    Hamstring = 7,
    Hip = 8,
    LateralHip = 9,
    LowerBack = 10,
    Foot = 11,
    Other = 12,
    /// <summary>Groin / front of the hip (femoral neck): a high-risk bone stress site, never K7 reasoning (R5).</summary>
    Groin = 13,
    /// <summary>Front of the shin (anterior tibia): a high-risk bone stress site (R2).</summary>
    AnteriorShin = 14,
    /// <summary>Top of the midfoot (navicular): a high-risk bone stress site (R2).</summary>
    Midfoot = 15,
    /// <summary>Outer edge of the foot (5th metatarsal): a high-risk bone stress site (R2).</summary>
    OuterFoot = 16,
}

/// <summary>Which side hurts.</summary>
public enum Side
{
    Left = 1,
    Right = 2,
    Both = 3,
    NotApplicable = 4,
}

/// <summary>When the pain shows up (DOMAIN.md P1 during, P2 next morning).</summary>
public enum PainPhase
{
    DuringRun = 1,
    AfterRun = 2,
    NextMorning = 3,
    AtRest = 4,
}

/// <summary>
/// The runner reported pain: where, how bad, when in a run it starts ("at the 9 km mark") and the red-flag questions
/// answered (R1-R6; null on reports stored before rule set v2).
/// </summary>
public sealed record PainReported(
    Guid PainReportId,
    DateOnly Date,
    BodySite BodySite,
    Side Side,
    int Severity,
    PainPhase Phase,
    decimal? OnsetKm,
    decimal? OnsetMinutes,
    Guid? LinkedRunId,
    int DurationDays,
    string Notes,
    DateTimeOffset ReportedAt,
    RedFlagAnswers? RedFlags = null);

/// <summary>An earlier pain report is resolved.</summary>
public sealed record PainResolved(Guid PainReportId, DateOnly Date, DateTimeOffset ReportedAt);
