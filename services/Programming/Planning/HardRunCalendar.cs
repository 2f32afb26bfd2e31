using Grpc.Core;
using RunRestore.Intake.V1;
using RunRestore.Programming.Grpc;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Programming.Planning;

/// <summary>Hard runs of a week (done or expected), and a note when intake could not be asked.</summary>
public sealed record HardRuns(IReadOnlyDictionary<DateOnly, IReadOnlyList<string>> ByDate, string? Note)
{
    public IReadOnlyList<DateOnly> Dates => ByDate.Keys.Order().ToList();
}

/// <summary>
/// Asks intake (over gRPC, fresh at the moment of the decision, with a deadline) which days of a week hold hard runs
/// (interval, tempo, long run, race — DOMAIN.md T7): runs already logged that week, competitions on the calendar, and
/// the weekdays on which the runner ran hard in at least two of the three weeks before (their usual pattern, since
/// partner apps log runs after they happen). If intake does not answer, the plan goes ahead without runs and says so.
/// </summary>
public sealed partial class HardRunCalendar(IntakeService.IntakeServiceClient intake, IConfiguration configuration,
    ILogger<HardRunCalendar> logger)
{
    private static readonly SessionType[] Hard = [SessionType.Interval, SessionType.Tempo, SessionType.Long, SessionType.Race];

    public async Task<HardRuns> ForWeekAsync(Guid runnerId, DateOnly weekStart, CancellationToken ct)
    {
        var deadline = TimeSpan.FromSeconds(configuration.GetValue("Services:IntakeDeadlineSeconds", 3.0));
        ListActivitiesResponse activities;
        try
        {
            activities = await intake.ListActivitiesAsync(new ListActivitiesRequest
            {
                RunnerId = runnerId.ToString(), From = FieldChecks.Iso(weekStart.AddDays(-21)), To = FieldChecks.Iso(weekStart.AddDays(6)),
            }, deadline: DateTime.UtcNow.Add(deadline), cancellationToken: ct).ConfigureAwait(false);
        }
        catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
        {
            LogIntakeUnavailable(logger, runnerId, ex.StatusCode, ex);
            return new HardRuns(new Dictionary<DateOnly, IReadOnlyList<string>>(),
                $"Intake did not answer ({ex.StatusCode}): the plan does not know this week's hard runs.");
        }

        var byDate = new Dictionary<DateOnly, List<string>>();
        void Add(DateOnly date, string what)
        {
            if (!byDate.TryGetValue(date, out var list))
            {
                byDate[date] = list = [];
            }

            list.Add(what);
        }

        var runs = activities.Runs.Where(r => Hard.Contains(r.SessionType))
            .Select(r => (Date: WireDates.Parse(r.Date), r.SessionType)).ToList();
        foreach (var run in runs.Where(r => r.Date >= weekStart))
        {
            Add(run.Date, $"{Word(run.SessionType)} run");
        }

        foreach (var competition in activities.Competitions)
        {
            var date = WireDates.Parse(competition.Date);
            if (date >= weekStart)
            {
                Add(date, $"race: {competition.Name}");
            }
        }

        // The usual pattern: a weekday with a hard run in ≥ 2 of the 3 previous weeks is expected to hold one again.
        foreach (var usual in runs.Where(r => r.Date < weekStart).GroupBy(r => r.Date.DayOfWeek)
                     .Where(g => g.Select(r => r.Date).Distinct().Count() >= 2))
        {
            var date = weekStart.AddDays(((int)usual.Key - (int)weekStart.DayOfWeek + 7) % 7);
            if (!byDate.ContainsKey(date))
            {
                Add(date, $"usual {Word(usual.First().SessionType)} run");
            }
        }

        return new HardRuns(byDate.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value), null);
    }

    private static string Word(SessionType type) => type.ToString().ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake's ListActivities for runner {RunnerId} failed ({Status}); planning without runs")]
    private static partial void LogIntakeUnavailable(ILogger logger, Guid runnerId, StatusCode status, Exception ex);
}
