using System.Collections.Immutable;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;

namespace RunRestore.Intake.Training;

/// <summary>
/// The write model of a runner's stream for training commands: the recent entries the load rules need, the flags
/// firing now and the open pain reports. It keeps only <see cref="WindowDays"/> days before the latest entry, so
/// the snapshot stays small however many years a partner back-fills (GetTrainingLoad reads the events instead).
/// </summary>
public sealed record TrainingLog(
    Guid Id,
    DateOnly? LatestDate,
    ImmutableList<RunEntry> Runs,
    ImmutableList<GymEntry> GymSessions,
    ImmutableList<CompetitionEntry> Competitions,
    ImmutableList<WellnessEntry> Wellness,
    ImmutableDictionary<string, LoadFlag> OpenFlags,
    ImmutableDictionary<Guid, BodySite> OpenPain,
    string TimeZone = RunnerToday.DefaultTimeZone)
{
    /// <summary>The longest rule window (L2: 28 days; L6 looks 21 days back) with room to spare.</summary>
    public const int WindowDays = 56;

    public static TrainingLog Create(RunnerRegistered registered) => new(registered.RunnerId, null, [], [], [], [],
        ImmutableDictionary<string, LoadFlag>.Empty, ImmutableDictionary<Guid, BodySite>.Empty, registered.TimeZone);

    public TrainingHistory History => new(Runs, GymSessions, Competitions, Wellness);

    public TrainingLog Apply(RunLogged e) => Prune(this with
    {
        Runs = Runs.Add(new RunEntry(e.RunId, e.Date, e.DistanceKm, e.DurationSeconds / 60m, e.SessionType, e.Rpe)),
        LatestDate = Later(e.Date),
    });

    public TrainingLog Apply(GymSessionLogged e) => Prune(this with
    {
        GymSessions = GymSessions.Add(new GymEntry(e.SessionId, e.Date, e.DurationMinutes, e.Rpe)),
        LatestDate = Later(e.Date),
    });

    // A planned race is not activity: it does not move LatestDate, the day the rules are evaluated for.
    public TrainingLog Apply(CompetitionScheduled e) => Prune(this with
    {
        Competitions = Competitions.Add(new CompetitionEntry(e.CompetitionId, e.Date, e.DistanceKm, e.Priority)),
    });

    public TrainingLog Apply(WellnessReported e) => Prune(this with
    {
        Wellness = Wellness.Add(new WellnessEntry(e.WellnessReportId, e.Date, e.SleepHours, e.Stress)),
        LatestDate = Later(e.Date),
    });

    public TrainingLog Apply(LoadFlagRaised e) => this with { OpenFlags = OpenFlags.SetItem(e.Flag.Key, e.Flag) };

    public TrainingLog Apply(LoadFlagSeverityChanged e) => this with { OpenFlags = OpenFlags.SetItem(e.Flag.Key, e.Flag) };

    public TrainingLog Apply(LoadFlagCleared e) => this with { OpenFlags = OpenFlags.Remove($"{e.RuleId}:{e.Kind}") };

    public TrainingLog Apply(PainReported e) => this with { OpenPain = OpenPain.SetItem(e.PainReportId, e.BodySite) };

    public TrainingLog Apply(PainResolved e) => this with { OpenPain = OpenPain.Remove(e.PainReportId) };

    // The daily flag check and GetTrainingLoad judge as of the runner's today, in this zone.
    public TrainingLog Apply(RunnerTimeZoneChanged e) => this with { TimeZone = e.TimeZone };

    /// <summary>Applies any of the stream's events (for deciders that look at the state after their own events).</summary>
    // Not called Evolve: Marten's source generator would take a method of that name for the whole projection.
    public TrainingLog Then(object e) => e switch
    {
        RunLogged run => Apply(run),
        GymSessionLogged gym => Apply(gym),
        CompetitionScheduled competition => Apply(competition),
        WellnessReported wellness => Apply(wellness),
        LoadFlagRaised raised => Apply(raised),
        LoadFlagSeverityChanged changed => Apply(changed),
        LoadFlagCleared cleared => Apply(cleared),
        PainReported pain => Apply(pain),
        PainResolved resolved => Apply(resolved),
        RunnerTimeZoneChanged moved => Apply(moved),
        _ => this,
    };

    /// <summary>The run with this id if it is still in the window.</summary>
    public RunEntry? RecentRun(Guid runId) => Runs.FirstOrDefault(r => r.EventId == runId);

    private DateOnly Later(DateOnly date) => LatestDate is { } latest && latest > date ? latest : date;

    private static TrainingLog Prune(TrainingLog log)
    {
        if (log.LatestDate is not { } latest)
        {
            return log;
        }

        var cutoff = latest.AddDays(-WindowDays);
        return log with
        {
            Runs = log.Runs.RemoveAll(r => r.Date < cutoff),
            GymSessions = log.GymSessions.RemoveAll(g => g.Date < cutoff),
            Competitions = log.Competitions.RemoveAll(c => c.Date < cutoff),
            Wellness = log.Wellness.RemoveAll(w => w.Date < cutoff),
        };
    }
}
