using RunRestore.Programming.Library;

namespace RunRestore.Programming.Programs;

// The events of what the runner did and felt, and of the ladder moves the rules made from it (T3, T4, P1, P2).

/// <summary>
/// One exercise of a logged session. <paramref name="Abandoned"/> means it was stopped (T4 regresses it);
/// <paramref name="Rpe"/> and <paramref name="PainDuring"/> are 0-10.
/// </summary>
public sealed record ExerciseResult(
    string Code,
    bool Abandoned,
    int Sets,
    int? Reps,
    int? HoldSeconds,
    decimal? LoadKg,
    int Rpe,
    int PainDuring);

/// <summary>A strength/mobility session was logged. <paramref name="MaxPain"/> is the highest pain during it (P3).</summary>
public sealed record SessionRecorded(
    Guid SessionId, DateOnly Date, IReadOnlyList<ExerciseResult> Exercises, int MaxPain, DateTimeOffset RecordedAt);

/// <summary>
/// The 24-hour response (P2): pain the next morning at <paramref name="BodySite"/> (null: the program's pain site),
/// against the site's baseline (P2 v2: the median of its next-morning reports of the 7 days before, rounded up);
/// <paramref name="AboveBaseline"/> is "up" (≥ +2).
/// </summary>
public sealed record NextMorningPainRecorded(
    DateOnly Date, int Pain, int Baseline, bool AboveBaseline, Explanation Why, DateTimeOffset RecordedAt, string? BodySite = null);

/// <summary>Morning pain was above baseline, so the next session steps every exercise it includes down (P2, T4).</summary>
public sealed record NextSessionRegressionPlanned(DateOnly ReportedOn, int Pain, int Baseline, Explanation Why);

/// <summary>An exercise moved up its ladder (T3).</summary>
public sealed record ExerciseProgressed(string FromCode, string ToCode, Dosage Dosage, DateOnly On, Explanation Why);

/// <summary>An exercise moved down its ladder (T4).</summary>
public sealed record ExerciseRegressed(string FromCode, string ToCode, Dosage Dosage, DateOnly On, Explanation Why);

/// <summary>
/// An exercise already on the first step of its ladder went over the pain ceiling twice, so it was swapped for the
/// first step of another ladder for the same region (DOMAIN.md, the paragraph after T9; cited as T4).
/// </summary>
public sealed record ExerciseSwapped(string FromCode, string ToCode, Dosage Dosage, DateOnly On, Explanation Why);

/// <summary>
/// An exercise stays where it is although a rule would have moved it: progressions are held (T5), the next-morning
/// response is not back at baseline (P2), it is already at the first step (T4) or the next step does not suit the
/// pain site.
/// </summary>
public sealed record ExerciseHeld(string Code, DateOnly On, Explanation Why);
