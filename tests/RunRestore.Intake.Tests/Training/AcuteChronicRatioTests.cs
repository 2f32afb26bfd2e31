using RunRestore.Intake.Training;
using Xunit;

namespace RunRestore.Intake.Tests.Training;

public sealed class AcuteChronicRatioTests
{
    /// <summary>
    /// Three earlier weeks of <paramref name="earlierWeek"/> load and a last week of <paramref name="lastWeek"/>, two
    /// sessions a week (L2 needs 6): chronic = (3 × earlier + last) / 4, so 900 and 1300 give exactly 1300 / 1000 = 1.3.
    /// </summary>
    private static TrainingHistoryBuilder History(decimal earlierWeek, decimal lastWeek) =>
        new TrainingHistoryBuilder()
            .Load(-27, earlierWeek / 2, id: 1).Load(-26, earlierWeek / 2, id: 2)
            .Load(-20, earlierWeek / 2, id: 3).Load(-19, earlierWeek / 2, id: 4)
            .Load(-13, earlierWeek / 2, id: 5).Load(-12, earlierWeek / 2, id: 6)
            .Load(-6, lastWeek / 2, id: 7).Load(-5, lastWeek / 2, id: 8);

    [Theory]
    [InlineData(900, 1290, null, null)]          // 1.29
    [InlineData(900, 1300, null, null)]          // exactly 1.3
    [InlineData(900, 1310, "caution", 1.31)]     // 1.3067
    [InlineData(1000, 1790, "caution", 1.49)]    // 1.4948
    [InlineData(1000, 1800, "high", 1.50)]       // exactly 1.5
    [InlineData(1000, 1900, "high", 1.55)]
    public void L2_a_ratio_above_1_3_is_a_caution_and_from_1_5_a_high_load_spike(
        int earlierWeek, int lastWeek, string? severity, double? acwr)
    {
        var flags = History(earlierWeek, lastWeek).FlagsOf("L2");

        if (severity is null)
        {
            Assert.Empty(flags);
            return;
        }

        var flag = Assert.Single(flags);
        Assert.Equal(("load_spike", severity), (flag.Kind, flag.Severity));
        Assert.Equal((decimal)acwr!.Value, flag.Numbers["acwr"]);
    }

    [Theory]
    [InlineData(1200, 900, false)]  // exactly 0.8
    [InlineData(1200, 890, true)]   // 0.7929
    [InlineData(1200, 910, false)]  // 0.8067
    public void L2_a_ratio_below_0_8_is_under_load_information(int earlierWeek, int lastWeek, bool fires)
    {
        var flags = History(earlierWeek, lastWeek).FlagsOf("L2");

        Assert.Equal(fires, flags.Count == 1);
        Assert.All(flags, f => Assert.Equal(("under_load", "info"), (f.Kind, f.Severity)));
    }

    [Fact]
    public void L2_says_nothing_before_21_days_of_history_and_then_averages_the_days_it_has()
    {
        // Given six sessions of 500 from 19 (then 20) days back, and 1500 in the last 7 days
        TrainingHistoryBuilder From(int firstDay) => new TrainingHistoryBuilder()
            .Load(firstDay, 500).Load(-18, 500).Load(-14, 500).Load(-12, 500).Load(-3, 750).Load(-1, 750);

        // Then 20 days are not enough history; with 21, chronic = 3500 × 7 / 21 a week and 1500 is 1.29 times it
        Assert.Empty(From(-19).FlagsOf("L2"));
        Assert.Empty(From(-20).FlagsOf("L2"));
        Assert.Null(LastWeek(From(-19)).Acwr);
        Assert.Equal(1.29m, LastWeek(From(-20)).Acwr);
    }

    private static WeeklyLoad LastWeek(TrainingHistoryBuilder history) =>
        Assert.Single(LoadRules.Weeks(history.Build(), TrainingHistoryBuilder.Day(-6), 1, TrainingHistoryBuilder.AsOf));

    [Fact]
    public void L2_says_nothing_with_fewer_than_6_sessions_in_four_weeks()
    {
        // Given five sessions over 28 days with a tripled last week: a ratio of 2.0 from too little data
        var history = new TrainingHistoryBuilder().Load(-27, 500).Load(-20, 500).Load(-13, 500).Load(-5, 750).Load(-2, 750);

        Assert.Empty(history.FlagsOf("L2"));
        Assert.Single(history.Load(-1, 10).FlagsOf("L2"));
    }

    [Fact]
    public void L2_is_not_evaluated_without_any_chronic_load()
    {
        var history = new TrainingHistoryBuilder().Gym(-27, minutes: 60, rpe: 0).Gym(-3, minutes: 60, rpe: 0);

        Assert.Empty(history.FlagsOf("L2"));
    }

    [Fact]
    public void L2_stores_exact_loads_the_rounded_ratio_and_says_the_evidence_is_contested()
    {
        // Given 1000 a week for three weeks and 1800 in the last 7 days, and a session before the 28-day window
        var flag = Assert.Single(History(1000, 1800).Load(-28, 5000, id: 9).FlagsOf("L2"));

        // Then the numbers are acute 1800 and chronic (1000 × 3 + 1800) / 4 = 1200, ratio 1.50
        Assert.Equal(1800m, flag.Numbers["acute_load"]);
        Assert.Equal(1200m, flag.Numbers["chronic_load"]);
        Assert.Equal('X', flag.Evidence);
        Assert.Equal(
            "Your training load in the last 7 days (1800) is 1.50 times your 4-week average (1200 a week): load is rising much faster than usual (acute:chronic ratio; the link to injury is contested, Impellizzeri 2020).",
            flag.Explanation);
        Assert.DoesNotContain("risk", flag.Explanation, StringComparison.OrdinalIgnoreCase);
        // And the session 28 days back is outside the window, so it triggered nothing
        Assert.Equal(Enumerable.Range(1, 8).Select(TrainingHistoryBuilder.Id), flag.TriggeringEventIds);
    }

    [Fact]
    public void L2_under_load_explains_that_the_runner_trains_less_than_usual()
    {
        var flag = Assert.Single(History(1200, 890).FlagsOf("L2"));

        Assert.Equal(
            "Your training load in the last 7 days (890) is 0.79 times your 4-week average (1122.5 a week): you are training less than usual.",
            flag.Explanation);
    }
}
