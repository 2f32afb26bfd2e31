using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class RaceCalendarTests
{
    [Theory]
    [InlineData(19, true)]
    [InlineData(20, true)]    // both inside one 21-day span
    [InlineData(21, false)]
    public void L6_two_races_at_most_20_days_apart_are_too_many(int daysApart, bool fires)
    {
        // Given a race run 10 days ago and a planned competition
        var history = new TrainingHistoryBuilder().Race(-10).Competition(-10 + daysApart);

        var flags = history.FlagsOf("L6");

        Assert.Equal(fires ? (decimal)daysApart : null, flags.SingleOrDefault()?.Numbers["days_between"]);
    }

    [Fact]
    public void L6_a_race_10_days_after_a_half_marathon_is_explained_as_too_soon_after_a_long_race()
    {
        var flag = Assert.Single(new TrainingHistoryBuilder().Race(-12, km: 21.0975m).Race(-2, km: 5).FlagsOf("L6"));

        Assert.Equal(("too_many_races", "caution", 'C'), (flag.Kind, flag.Severity, flag.Evidence));
        Assert.Equal(
            "Your race on 2026-03-13 comes 10 days after a half marathon or longer on 2026-03-03: after a race that long, leave at least 10 days before racing again.",
            flag.Explanation);
    }

    [Fact]
    public void L6_a_race_11_days_after_a_half_marathon_or_10_days_after_a_shorter_race_still_breaks_the_21_day_rule()
    {
        var afterHalf = Assert.Single(new TrainingHistoryBuilder().Race(-12, km: 21.0975m).Race(-1).FlagsOf("L6"));
        var afterShorter = Assert.Single(new TrainingHistoryBuilder().Race(-12, km: 21m).Race(-2).FlagsOf("L6"));

        Assert.Equal(
            "You have races on 2026-03-03 and 2026-03-14, 11 days apart (2 races between 2026-02-23 and 2026-04-05): two races within 21 days leave too little time to recover.",
            afterHalf.Explanation);
        Assert.Contains("on 2026-03-03 and 2026-03-13, 10 days apart", afterShorter.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void L6_a_race_run_and_its_competition_on_the_same_day_are_one_race()
    {
        var history = new TrainingHistoryBuilder().Race(-3, id: 1).Competition(-3, id: 2);

        Assert.Empty(history.FlagsOf("L6"));
    }

    [Fact]
    public void L6_counts_planned_races_up_to_21_days_ahead_and_past_ones_up_to_20_days_back()
    {
        // Given races 21 days ago (outside), 8 days ago, today (a run and its competition), and 21 and 22 days ahead
        var history = new TrainingHistoryBuilder()
            .Race(-21, id: 1).Race(-8, id: 2).Race(0, id: 3).Competition(0, id: 4).Competition(21, id: 5).Competition(22, id: 6);

        var flag = Assert.Single(history.FlagsOf("L6"));

        Assert.Equal(3m, flag.Numbers["races_in_window"]);
        Assert.Equal(8m, flag.Numbers["days_between"]);
        Assert.Equal([Id(2), Id(3), Id(4), Id(5)], flag.TriggeringEventIds);
    }

    [Fact]
    public void L6_a_past_race_stops_counting_21_days_after_it_was_run()
    {
        var history = new TrainingHistoryBuilder().Race(-21).Race(-5);

        Assert.Single(history.FlagsOf("L6", Day(-1)));
        Assert.Empty(history.FlagsOf("L6"));
    }
}
