using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class WeeklyLoadsTests
{
    private static readonly DateOnly LastWeek = new(2026, 3, 9);

    /// <summary>Four weeks, the first session exactly 27 days before the last Sunday (2026-03-15).</summary>
    private static TrainingHistory FourWeeks() => new TrainingHistoryBuilder()
        .Run(-27, km: 10, minutes: 60, rpe: 5)                                      // 300
        .Run(-20, km: 10, minutes: 60, rpe: 5)                                      // 300
        .Run(-13, km: 10, minutes: 60, rpe: 5).Gym(-11, 30, 6).Wellness(-12, 7.5m, 2) // 300 + gym 180
        .Run(-6, km: 8, minutes: 45, rpe: 4)                                        // Mon 180
        .Run(-4, km: 6, minutes: 30, rpe: 8, type: SessionType.Interval)            // Wed 240
        .Gym(-3, 40, 5)                                                             // Thu gym 200
        .Run(-1, km: 21.0975m, minutes: 100, rpe: 9, type: SessionType.Race)        // Sat 900
        .Competition(-1, km: 21.0975m, priority: CompetitionPriority.A)
        .Wellness(-5, 6.5m, 3).Wellness(-3, 7, 4).Wellness(-2, 6, 4)
        .Build();

    [Fact]
    public void Weeks_summarise_each_calendar_week_with_the_figures_of_L1_to_L6_S1_and_S2()
    {
        var weeks = LoadRules.Weeks(FourWeeks(), LastWeek, 2, AsOf);

        // Week of 2 March: daily loads 300, 0, 180, 0, 0, 0, 0 → mean 68.57 / SD 113.06 = 0.61; no 28 days of history
        // yet for L2; 10 km as the week before; 2 easy runs in the 14 days to Sunday; one report
        Assert.Equal(
            new WeeklyLoad(new DateOnly(2026, 3, 2), 10, 60, 1, 300, 180, Acwr: null, DistanceChangePercent: 0m, Monotony: 0.61m,
                Strain: 480 * 0.61m, HardShare: 0m, Races: 0, SleepHoursAverage: 7.5m, StressAverage: 2m),
            weeks[0]);
        // Week of 9 March: load 1520 against (300 × 3 + 180 + 1520) / 4 = 650 → 2.34; 35.0975 km vs 10 km → +251.0 %;
        // daily loads 180, 0, 240, 200, 0, 900, 0 → 0.74; 2 hard of 4 runs in 14 days; the race run and its
        // competition are one race; sleep (6.5 + 7 + 6) / 3, stress 11 / 3
        Assert.Equal(
            new WeeklyLoad(LastWeek, 35.0975m, 175, 3, 1320, 200, Acwr: 2.34m, DistanceChangePercent: 251.0m, Monotony: 0.74m,
                Strain: 1520 * 0.74m, HardShare: 0.5m, Races: 1, SleepHoursAverage: 6.5m, StressAverage: 3.67m),
            weeks[1]);
    }

    [Fact]
    public void Weeks_without_training_show_zeros_and_leave_the_ratios_empty()
    {
        var weeks = LoadRules.Weeks(FourWeeks(), new DateOnly(2026, 2, 9), 2, AsOf);

        Assert.Equal([new DateOnly(2026, 2, 2), new DateOnly(2026, 2, 9)], weeks.Select(w => w.WeekStart));
        Assert.All(weeks, w => Assert.Equal(
            new WeeklyLoad(w.WeekStart, 0, 0, 0, 0, 0, null, null, null, 0, null, 0, null, null), w));
    }

    [Fact]
    public void Weeks_compare_the_first_week_shown_with_the_week_before_it_and_list_oldest_first()
    {
        var weeks = LoadRules.Weeks(FourWeeks(), LastWeek, 3, AsOf);

        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 2), LastWeek], weeks.Select(w => w.WeekStart));
        Assert.Equal(0m, weeks[0].DistanceChangePercent);
    }

    [Fact]
    public void Weeks_must_start_on_a_monday()
    {
        Assert.Throws<ArgumentException>(() => LoadRules.Weeks(FourWeeks(), AsOf, 1, AsOf));
        Assert.Empty(LoadRules.Weeks(FourWeeks(), LastWeek, 0, AsOf));
    }
}
