namespace RunRestore.Intake.Training;

// The events of a runner's stream after registration. The stream id is the runner id; dates are runner-local.

/// <summary>Ground a run was on.</summary>
public enum Surface
{
    Road = 1,
    Trail = 2,
    Track = 3,
    Treadmill = 4,
    Grass = 5,
    Mixed = 6,
}

/// <summary>A run was logged (by the runner, a clinician or a partner app).</summary>
public sealed record RunLogged(
    Guid RunId,
    DateOnly Date,
    decimal DistanceKm,
    int DurationSeconds,
    SessionType SessionType,
    int Rpe,
    int? AverageHeartRate,
    int? CadenceSpm,
    decimal? ElevationGainM,
    Surface? Surface,
    string? Partner,
    string? ExternalId,
    DateTimeOffset LoggedAt);

/// <summary>A gym or rehab session was logged.</summary>
public sealed record GymSessionLogged(Guid SessionId, DateOnly Date, int DurationMinutes, int Rpe, string Focus, DateTimeOffset LoggedAt);

/// <summary>A competition was put on the runner's calendar.</summary>
public sealed record CompetitionScheduled(
    Guid CompetitionId, DateOnly Date, decimal DistanceKm, CompetitionPriority Priority, string Name, DateTimeOffset ScheduledAt);

/// <summary>A day's sleep, stress, soreness and illness.</summary>
public sealed record WellnessReported(
    Guid WellnessReportId, DateOnly Date, decimal SleepHours, int Stress, int Soreness, bool Illness, DateTimeOffset ReportedAt);

/// <summary>A load or wellness rule started firing (once per episode, not on every run).</summary>
public sealed record LoadFlagRaised(LoadFlag Flag, DateOnly AsOf, DateTimeOffset RaisedAt);

/// <summary>
/// An open flag's severity changed (e.g. L2 caution → high, and back): an event of its own (DOMAIN.md "Load", rule set
/// v2), published as Contracts.Intake.LoadFlagRaised with the new severity so programming's T5 sees "high".
/// </summary>
public sealed record LoadFlagSeverityChanged(LoadFlag Flag, string PreviousSeverity, DateOnly AsOf, DateTimeOffset ChangedAt);

/// <summary>A load or wellness rule stopped firing.</summary>
public sealed record LoadFlagCleared(string RuleId, string Kind, int RuleVersion, DateOnly AsOf, string Explanation,
    DateTimeOffset ClearedAt);
