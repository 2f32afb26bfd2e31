using RunRestore.Intake.Training;

namespace RunRestore.Intake.Tests.Training;

/// <summary>
/// Builds a <see cref="TrainingHistory"/> in the words of the rules: days are counted back from <see cref="AsOf"/>
/// (<c>Day(-6)</c> is the first day of the 7-day window), event ids are readable numbers (<c>Id(3)</c>).
/// </summary>
internal sealed class TrainingHistoryBuilder
{
    /// <summary>A Sunday, so the 7 days ending on it are one calendar week (2026-03-09 to 2026-03-15).</summary>
    public static readonly DateOnly AsOf = new(2026, 3, 15);

    private readonly List<RunEntry> _runs = [];
    private readonly List<GymEntry> _gym = [];
    private readonly List<CompetitionEntry> _competitions = [];
    private readonly List<WellnessEntry> _wellness = [];
    private int _nextId = 1000;

    public static DateOnly Day(int offsetFromAsOf) => AsOf.AddDays(offsetFromAsOf);

    public static Guid Id(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    public TrainingHistoryBuilder Run(
        int day, decimal km = 10, decimal minutes = 60, int rpe = 4, SessionType type = SessionType.Easy, int? id = null)
    {
        _runs.Add(new RunEntry(NextId(id), Day(day), km, minutes, type, rpe));
        return this;
    }

    /// <summary>A gym session of the given L1 load (RPE 10 × load / 10 minutes), for tests about load only.</summary>
    public TrainingHistoryBuilder Load(int day, decimal load, int? id = null) => Gym(day, load / 10, 10, id);

    public TrainingHistoryBuilder Gym(int day, decimal minutes, int rpe, int? id = null)
    {
        _gym.Add(new GymEntry(NextId(id), Day(day), minutes, rpe));
        return this;
    }

    public TrainingHistoryBuilder Race(int day, decimal km = 10, int? id = null) =>
        Run(day, km, minutes: km * 5, rpe: 9, type: SessionType.Race, id: id);

    public TrainingHistoryBuilder Competition(
        int day, decimal km = 10, CompetitionPriority priority = CompetitionPriority.B, int? id = null)
    {
        _competitions.Add(new CompetitionEntry(NextId(id), Day(day), km, priority));
        return this;
    }

    public TrainingHistoryBuilder Wellness(int day, decimal sleepHours = 8, int stress = 2, int? id = null)
    {
        _wellness.Add(new WellnessEntry(NextId(id), Day(day), sleepHours, stress));
        return this;
    }

    public TrainingHistory Build() => new(_runs, _gym, _competitions, _wellness);

    /// <summary>Only the flags of one rule, so a test of L3 is not disturbed by what its history does to L2 or L4.</summary>
    public IReadOnlyList<LoadFlag> FlagsOf(string ruleId, DateOnly? asOf = null) =>
        [.. LoadRules.Evaluate(Build(), asOf ?? AsOf).Where(f => f.RuleId == ruleId)];

    private Guid NextId(int? id) => Id(id ?? _nextId++);
}
