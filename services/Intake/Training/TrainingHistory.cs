namespace RunRestore.Intake.Training;

/// <summary>Kinds of run a partner app or runner logs (DOMAIN.md L5 counts tempo, interval and race as hard).</summary>
public enum SessionType
{
    Easy = 1,
#pragma warning disable CA1720 // "long" is the clinic's word for the run, not a type name
    Long = 2,
#pragma warning restore CA1720
    Tempo = 3,
    Interval = 4,
    Race = 5,
    Recovery = 6,
}

/// <summary>A competition's priority in the runner's season (A = goal race).</summary>
public enum CompetitionPriority
{
    A = 1,
    B = 2,
    C = 3,
}

/// <summary>A run as the load rules see it. <paramref name="Date"/> is the runner's local date.</summary>
public sealed record RunEntry(Guid EventId, DateOnly Date, decimal DistanceKm, decimal DurationMinutes, SessionType Type, int Rpe);

/// <summary>A gym or rehab session (DOMAIN.md L1: same load model as runs).</summary>
public sealed record GymEntry(Guid EventId, DateOnly Date, decimal DurationMinutes, int Rpe);

/// <summary>A competition on the runner's calendar (past or planned).</summary>
public sealed record CompetitionEntry(Guid EventId, DateOnly Date, decimal DistanceKm, CompetitionPriority Priority);

/// <summary>A daily wellness report: sleep hours, stress 1-5 (S1, S2).</summary>
public sealed record WellnessEntry(Guid EventId, DateOnly Date, decimal SleepHours, int Stress);

/// <summary>Everything the load and wellness rules need, in any order.</summary>
public sealed record TrainingHistory(
    IReadOnlyList<RunEntry> Runs,
    IReadOnlyList<GymEntry> GymSessions,
    IReadOnlyList<CompetitionEntry> Competitions,
    IReadOnlyList<WellnessEntry> Wellness)
{
    public static readonly TrainingHistory Empty = new([], [], [], []);
}

/// <summary>
/// A load or wellness flag that fires as of a date: which rule, how strong its evidence, the numbers that fired it,
/// a sentence a runner understands and the events behind it (ARCHITECTURE.md "Explanations").
/// </summary>
/// <param name="RuleId">DOMAIN.md rule id, e.g. "L3".</param>
/// <param name="Kind">Stable name of the flag within its rule, e.g. "distance_jump", "load_spike", "under_load".</param>
/// <param name="Severity">"caution", "high" or "info".</param>
/// <param name="Evidence">DOMAIN.md evidence level: A, B, C or X (contested: the explanation says so).</param>
public sealed record LoadFlag(
    string RuleId,
    int RuleVersion,
    string Kind,
    string Severity,
    char Evidence,
    IReadOnlyDictionary<string, decimal> Numbers,
    string Explanation,
    IReadOnlyList<Guid> TriggeringEventIds)
{
    /// <summary>A flag's identity across evaluations: one episode lasts while this key keeps firing.</summary>
    public string Key => $"{RuleId}:{Kind}";
}

/// <summary>One calendar week (Monday to Sunday) of the runner's load, as GetTrainingLoad shows it.</summary>
/// <param name="Acwr">Acute:chronic ratio as of the week's last day (L2); null without 28 days of history.</param>
/// <param name="DistanceChangePercent">
/// Change against the previous week's running distance (L3); null when that was 0 or either week is partial.
/// </param>
/// <param name="Monotony">L4 over the week's 7 days; null when every day had the same load of 0.</param>
/// <param name="HardShare">Share (0-1) of hard runs in the 14 days ending on the week's last day (L5); null without runs.</param>
/// <param name="SleepHoursAverage">Mean reported sleep (S1); null without reports.</param>
/// <param name="StressAverage">Mean reported stress 1-5 (S2); null without reports.</param>
/// <param name="Partial">
/// The week does not hold seven days of history: the runner's history starts after its Monday, or it is the current
/// week and its Sunday has not come (rule set v2). Its distance change, and the next week's, are null.
/// </param>
public sealed record WeeklyLoad(
    DateOnly WeekStart,
    decimal DistanceKm,
    decimal RunMinutes,
    int Runs,
    decimal RunLoad,
    decimal GymLoad,
    decimal? Acwr,
    decimal? DistanceChangePercent,
    decimal? Monotony,
    decimal Strain,
    decimal? HardShare,
    int Races,
    decimal? SleepHoursAverage,
    decimal? StressAverage,
    bool Partial = false);
