using RunRestore.Cli.Input;
using RunRestore.Intake.V1;

namespace RunRestore.Cli.Demo;

/// <summary>One week of runs as a partner app syncs it: the label, its seven days and the runs.</summary>
internal sealed record TrainingWeek(string Label, DateOnly From, DateOnly To, IReadOnlyList<RunInput> Runs)
{
    public double Km => Runs.Sum(r => r.DistanceKm);
}

/// <summary>
/// The demo runner's last seven weeks, ending today: four steady weeks of about 32 km, a week 45 % longer
/// (32 → 46.4 km, L3), then a race-heavy fortnight — a 10 km race, intervals, tempo and a half marathon — whose last
/// run is today's 12 km, where the knee starts to ache at 9 km. Weeks are the seven days ending on a sync day, the
/// way L3 compares them.
/// </summary>
internal static class DemoTraining
{
    public const string Partner = "stridetrack";

    // (day of the week 0-6, type, km, minutes, rpe)
    private static readonly (int Day, SessionType Type, double Km, double Minutes, int Rpe)[][] Plan =
    [
        Steady(12.5), Steady(11.5), Steady(12.0), Steady(12.0),
        [
            (1, SessionType.Easy, 8.0, 48, 4), (2, SessionType.Tempo, 8.4, 42, 7), (4, SessionType.Easy, 10.0, 60, 4),
            (6, SessionType.Long, 20.0, 126, 6),
        ],
        [
            (0, SessionType.Recovery, 5.0, 33, 2), (1, SessionType.Easy, 8.0, 48, 4), (3, SessionType.Race, 10.0, 44, 9),
            (5, SessionType.Interval, 9.0, 48, 8), (6, SessionType.Easy, 6.0, 37, 4),
        ],
        [
            (0, SessionType.Tempo, 10.0, 50, 7), (1, SessionType.Easy, 6.0, 37, 4), (3, SessionType.Race, 21.1, 105, 9),
            (4, SessionType.Recovery, 4.0, 27, 2), (6, SessionType.Easy, 12.0, 72, 7),
        ],
    ];

    private static readonly string[] Labels =
        ["steady", "steady", "steady", "steady", "+45 % week", "races: 10 km, intervals", "tempo, half marathon, 12 km"];

    /// <summary>The seven weeks ending <paramref name="today"/>; external ids carry <paramref name="tag"/> so a rerun is new.</summary>
    public static IReadOnlyList<TrainingWeek> Weeks(DateOnly today, string tag)
    {
        var first = today.AddDays(-7 * Plan.Length + 1);
        return [.. Plan.Select((runs, week) =>
        {
            var from = first.AddDays(7 * week);
            return new TrainingWeek(Labels[week], from, from.AddDays(6), [.. runs.Select((r, i) => new RunInput
            {
                Date = Dates.Format(from.AddDays(r.Day)),
                DistanceKm = r.Km,
                DurationSeconds = (int)(r.Minutes * 60),
                SessionType = r.Type,
                Rpe = r.Rpe,
                Partner = Partner,
                ExternalId = $"{tag}-w{week + 1}-{i + 1}",
            })]);
        })];
    }

    /// <summary>The last week's nights: short sleep and rising stress around the half marathon (S1, S2 columns).</summary>
    public static IEnumerable<(DateOnly Date, double Sleep, int Stress)> Wellness(DateOnly today) =>
        new (double Sleep, int Stress)[] { (6.5, 3), (6.0, 4), (6.5, 4), (5.5, 4), (7.0, 3), (6.5, 3), (6.0, 3) }
            .Select((w, i) => (today.AddDays(i - 6), w.Sleep, w.Stress));

    // An easy week of about 32 km: 7 + 8 + 5 km easy and a long run.
    private static (int, SessionType, double, double, int)[] Steady(double longKm) =>
    [
        (1, SessionType.Easy, 7.0, 42, 4), (3, SessionType.Easy, 8.0, 48, 4), (5, SessionType.Recovery, 5.0, 32, 3),
        (6, SessionType.Long, longKm, Math.Round(longKm * 6.2), 5),
    ];
}
