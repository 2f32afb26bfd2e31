using Grpc.Core;

namespace RunRestore.Chaos;

/// <summary>A clinic (the tenant) and the bearer token its calls carry.</summary>
internal sealed record Clinic(string Id, string Token)
{
    public Metadata.Entry Authorization { get; } = new("authorization", $"Bearer {Token}");
}

internal enum RunnerRole
{
    /// <summary>Registered before the load; any write may go to them.</summary>
    Base,
    /// <summary>Screened before the load, so they have a program: next-morning pain reaches programming's stream.</summary>
    Program,
    /// <summary>Kept for one screen during the load (assessment writes → a first program).</summary>
    Screen,
    /// <summary>The one runner the 8 concurrent clients write to.</summary>
    Hot,
    /// <summary>Registered by the mixed stream itself.</summary>
    New,
}

/// <summary>
/// A runner and the counters that make each of their effects recognisable downstream: programming keeps running pain
/// as (date, severity) and next-morning pain as (date, pain) without the report's id, so every such report gets a
/// combination of its own and a duplicate effect shows as a combination seen twice.
/// </summary>
internal sealed class Runner(string id, Clinic clinic, RunnerRole role)
{
    /// <summary>Running-pain (during- and after-run) reports per runner: 29 days × severities 0-10.</summary>
    public const int DuringRunCombinations = 29 * 11;
    public const int NextMorningCombinations = 11;

    private int _duringRun = -1;
    private int _wellness = -1;
    private int _morningViaIntake = -1;
    private int _morningDirect = -1;

    public string Id { get; } = id;
    public Clinic Clinic { get; } = clinic;
    public RunnerRole Role { get; } = role;

    /// <summary>The next (days back, severity) for a running-pain report, or null when they are used up.</summary>
    public (int DaysBack, int Severity)? NextDuringRun() =>
        Next(ref _duringRun, DuringRunCombinations) is { } k ? (k / 11, k % 11) : null;

    /// <summary>Days back for the next wellness report: one per day, so a day reported twice is a duplicate.</summary>
    public int? NextWellnessDay() => Next(ref _wellness, 300);

    /// <summary>Pain 0-10 for the next next-morning report sent through intake (dated today).</summary>
    public int? NextMorningViaIntake() => Next(ref _morningViaIntake, NextMorningCombinations);

    /// <summary>Pain 0-10 for the next next-morning report sent to programming directly (dated tomorrow).</summary>
    public int? NextMorningDirect() => Next(ref _morningDirect, NextMorningCombinations);

    private static int? Next(ref int counter, int limit)
    {
        var k = Interlocked.Increment(ref counter);
        return k < limit ? k : null;
    }
}

internal enum CommandKind
{
    RegisterRunner,
    LogRun,
    ReportPain,
    LogGymSession,
    ReportWellness,
    ScheduleCompetition,
    StartAssessment,
    RecordTestResult,
    CompleteAssessment,
    RecordNextMorningPain,
}

/// <summary>One write as a client sent it, what became of it, and (after the run) what the checks found.</summary>
internal sealed class Command(CommandKind kind, string lane, Clinic clinic, Runner? runner)
{
    /// <summary>The idempotency key of every attempt; also written into the record where a field allows (notes, names).</summary>
    public Guid Key { get; } = Guid.NewGuid();
    public string Tag => $"chaos-{Key:N}";
    public CommandKind Kind { get; } = kind;
    /// <summary>setup, mixed, hot (the 8 clients on one runner) or screen.</summary>
    public string Lane { get; } = lane;
    public Clinic Clinic { get; } = clinic;
    public Runner? Runner { get; set; } = runner;

    public double SentAt { get; set; } = double.NaN;
    public double? AcknowledgedAt { get; set; }
    public bool Acknowledged => AcknowledgedAt is not null;
    public int Attempts { get; set; }
    /// <summary>The last failed attempt's status (for a write that was never acknowledged: why).</summary>
    public StatusCode? LastFailure { get; set; }
    public string? Error { get; set; }

    /// <summary>The id the service answered with: runner, run, pain report, session, wellness report, competition, assessment or result.</summary>
    public string? EntityId { get; set; }
    /// <summary>For assessment writes: the assessment.</summary>
    public string? AssessmentId { get; set; }
    /// <summary>Pain: its phase word ("during_run", "next_morning", ...); date and severity as sent.</summary>
    public string? Phase { get; set; }
    public string? Date { get; set; }
    public int? Severity { get; set; }

    // What the checks found.
    /// <summary>How many times the write is stored where it was sent (1 is right; more is a duplicate, also for a write never acknowledged).</summary>
    public int StoredCopies { get; set; }
    public bool Lost { get; set; }
    public int DuplicateEffects { get; set; }
    public List<string> NeverDelivered { get; } = [];
    public List<string> Duplicates { get; } = [];
}
