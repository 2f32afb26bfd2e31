using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class DistanceJumpTests
{
    [Theory]
    [InlineData(12.9, null)]    // 29 %
    [InlineData(13, null)]      // exactly 30 %: L3 says more than 30 %
    [InlineData(13.01, 30.1)]
    public void L3_a_weekly_distance_jump_of_more_than_30_percent_raises_the_flag(double thisWeekKm, double? increase)
    {
        // Given a log older than two weeks, 10 km in the previous 7 days and the distance of this week in two runs
        var history = new TrainingHistoryBuilder().Run(-20, km: 5).Run(-10, km: 10).Run(-5, km: 6).Run(-1, km: (decimal)thisWeekKm - 6);

        var flags = history.FlagsOf("L3");

        if (increase is null)
        {
            Assert.Empty(flags);
            return;
        }

        var flag = Assert.Single(flags);
        Assert.Equal(("distance_jump", "caution", 'B'), (flag.Kind, flag.Severity, flag.Evidence));
        Assert.Equal((decimal)increase.Value, flag.Numbers["increase_percent"]);
        Assert.Contains("rose 30.1 %", flag.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void L3_a_31_percent_weekly_distance_jump_raises_the_flag_but_an_11_percent_one_does_not_as_the_10_percent_rule_is_not_enforced()
    {
        Assert.Single(new TrainingHistoryBuilder().Run(-20, km: 5).Run(-8, km: 20).Run(-2, km: 26.2m).FlagsOf("L3"));
        Assert.Empty(new TrainingHistoryBuilder().Run(-20, km: 5).Run(-8, km: 20).Run(-2, km: 22.2m).FlagsOf("L3"));
    }

    [Fact]
    public void L3_does_not_fire_on_a_small_base_unless_the_jump_is_at_least_5_km()
    {
        // Given a previous week of 2 km (below L3 v2's 10 km base): 2 → 3 km is +50 % and no jump; 2 → 7 km is
        Assert.Empty(new TrainingHistoryBuilder().Run(-20, km: 2).Run(-10, km: 2).Run(-2, km: 3).FlagsOf("L3"));
        Assert.Empty(new TrainingHistoryBuilder().Run(-20, km: 2).Run(-10, km: 2).Run(-2, km: 6.9m).FlagsOf("L3"));
        Assert.Single(new TrainingHistoryBuilder().Run(-20, km: 2).Run(-10, km: 2).Run(-2, km: 7).FlagsOf("L3"));
    }

    [Fact]
    public void L3_does_not_fire_while_the_log_is_younger_than_two_weeks()
    {
        // Given a first run 12 days ago: the "previous week" is only partly logged, so 8 km → 40 km is no real jump
        var young = new TrainingHistoryBuilder().Run(-12, km: 8).Run(-5, km: 20).Run(-1, km: 20);
        var twoWeeksOld = new TrainingHistoryBuilder().Run(-13, km: 8).Run(-5, km: 20).Run(-1, km: 20);

        Assert.Empty(young.FlagsOf("L3"));
        Assert.Single(twoWeeksOld.FlagsOf("L3"));
    }

    [Fact]
    public void L3_does_not_fire_without_distance_in_the_previous_week()
    {
        // Given a run 14 days back, just outside the previous 7-day window, and 50 km this week
        var history = new TrainingHistoryBuilder().Run(-14, km: 10).Run(-3, km: 50);

        Assert.Empty(history.FlagsOf("L3"));
    }

    [Fact]
    public void L3_states_both_distances_and_the_increase_and_names_the_runs_of_both_weeks()
    {
        // Given 30 km in the previous week (days -13 to -7) and 42.6 km in the last 7 days
        var history = new TrainingHistoryBuilder()
            .Run(-14, km: 5, id: 1)
            .Run(-13, km: 20, id: 3).Run(-7, km: 10, id: 2)
            .Run(-6, km: 20.6m, id: 5).Run(0, km: 22, id: 4);

        var flag = Assert.Single(history.FlagsOf("L3"));

        Assert.Equal(42.6m, flag.Numbers["distance_km"]);
        Assert.Equal(30m, flag.Numbers["previous_distance_km"]);
        Assert.Equal(42m, flag.Numbers["increase_percent"]);
        Assert.Equal(
            "Your running distance rose 42 % this week (from 30.0 km to 42.6 km). Big weekly jumps (> 30 %) are linked to running injuries (Nielsen 2014).",
            flag.Explanation);
        Assert.Equal([Id(2), Id(3), Id(4), Id(5)], flag.TriggeringEventIds);
        Assert.Equal(2, flag.RuleVersion);
    }
}
