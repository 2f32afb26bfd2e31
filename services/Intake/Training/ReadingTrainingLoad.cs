using JasperFx.Events;
using Marten;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>
/// The runner's load week by week, the flags firing today and the rules that cannot be judged for lack of history, as
/// GetTrainingLoad returns it.
/// </summary>
public sealed record TrainingLoadPicture(
    IReadOnlyList<WeeklyLoad> Weeks, IReadOnlyList<LoadFlag> ActiveFlags, DateOnly AsOf, IReadOnlyList<NotEnoughHistory> NotJudged);

public static class ReadingTrainingLoad
{
    public const int DefaultWeeks = 6;
    public const int MaxWeeks = 104;

    /// <summary>
    /// Reads the whole stream (the write model only keeps a window) and computes the weeks with the same rules that
    /// raise the flags, as of the runner's today in their time zone (DOMAIN.md "Load" preamble, rule set v2): the active
    /// flags are the open ones after the daily check (<see cref="ReevaluatingLoadFlags.ActiveAsOf"/>), not the flags of
    /// the last entry's day. Partial weeks (the runner's first, and the current one until its Sunday) are marked and
    /// never compared (rule set v2).
    /// </summary>
    public static async Task<TrainingLoadPicture> HandleAsync(IQuerySession session, Guid runnerId, int weeks,
        TimeProvider time, CancellationToken ct)
    {
        weeks = weeks == 0 ? DefaultWeeks : weeks;
        new FieldViolations().Check(weeks is >= 1 and <= MaxWeeks, "weeks", $"must be 1-{MaxWeeks} (0 means {DefaultWeeks})")
            .ThrowIfAny();

        var log = await session.LoadAsync<TrainingLog>(runnerId, ct).ConfigureAwait(false)
            ?? throw NotFoundException.Runner(runnerId);
        var events = await session.Events.FetchStreamAsync(runnerId, token: ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var today = RunnerToday.Of(log.TimeZone, now);
        var history = HistoryOf(events);
        return new TrainingLoadPicture(LoadRules.Weeks(history, IsoWeek.MondayOf(today), weeks, today),
            ReevaluatingLoadFlags.ActiveAsOf(log, today, now), today, LoadRules.NotJudged(history, today));
    }

    public static TrainingHistory HistoryOf(IEnumerable<IEvent> events)
    {
        var runs = new List<RunEntry>();
        var gym = new List<GymEntry>();
        var competitions = new List<CompetitionEntry>();
        var wellness = new List<WellnessEntry>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case RunLogged r:
                    runs.Add(new RunEntry(r.RunId, r.Date, r.DistanceKm, r.DurationSeconds / 60m, r.SessionType, r.Rpe));
                    break;
                case GymSessionLogged g:
                    gym.Add(new GymEntry(g.SessionId, g.Date, g.DurationMinutes, g.Rpe));
                    break;
                case CompetitionScheduled c:
                    competitions.Add(new CompetitionEntry(c.CompetitionId, c.Date, c.DistanceKm, c.Priority));
                    break;
                case WellnessReported w:
                    wellness.Add(new WellnessEntry(w.WellnessReportId, w.Date, w.SleepHours, w.Stress));
                    break;
            }
        }

        return new TrainingHistory(runs, gym, competitions, wellness);
    }
}
