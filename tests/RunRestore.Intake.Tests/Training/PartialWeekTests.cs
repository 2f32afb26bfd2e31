using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

/// <summary>
/// GetTrainingLoad's weeks under rule set v2 (DOMAIN.md "Load" preamble): the runner's first week with data and the
/// unfinished current week are partial, and no week-over-week change is computed for or against them; L2 and L3 say
/// "not enough history" instead of firing or staying silent. Days count back from <see cref="AsOf"/>, a Sunday.
/// </summary>
public sealed class PartialWeekTests
{
    [Fact]
    public void A_history_starting_on_a_Friday_makes_the_first_week_partial_and_the_next_week_is_not_compared_with_it()
    {
        // Given a runner whose history starts on a Friday with 3 runs (15 km), then 4 × 5.7 km, then 4 × 6 km
        var history = new TrainingHistoryBuilder()
            .Run(-16, km: 5).Run(-15, km: 5).Run(-14, km: 5)
            .Run(-13, km: 5.7m).Run(-11, km: 5.7m).Run(-9, km: 5.7m).Run(-7, km: 5.7m)
            .Run(-6, km: 6).Run(-4, km: 6).Run(-2, km: 6).Run(0, km: 6)
            .Build();

        // When a clinic reads the three weeks on Sunday
        var weeks = LoadRules.Weeks(history, Day(-6), 3, AsOf);

        // Then the first week is partial, the second shows no +52 % against it, the third is compared (+5.3 %)
        Assert.Equal([true, false, false], weeks.Select(w => w.Partial));
        Assert.Equal([null, null, 5.3m], weeks.Select(w => w.DistanceChangePercent));
        Assert.Equal([15m, 22.8m, 24m], weeks.Select(w => w.DistanceKm));
    }

    [Fact]
    public void A_history_starting_on_a_Monday_has_no_partial_first_week()
    {
        var history = new TrainingHistoryBuilder().Run(-13, km: 10).Run(-6, km: 12).Build();

        var weeks = LoadRules.Weeks(history, Day(-6), 2, AsOf);

        Assert.Equal([false, false], weeks.Select(w => w.Partial));
        Assert.Equal(20m, weeks[1].DistanceChangePercent);
    }

    [Fact]
    public void The_unfinished_current_week_is_partial_shows_no_minus_66_percent_and_its_figures_run_to_today()
    {
        // Given three weeks of 3 × 6 km, and on Wednesday of the current week one run of 6 km
        var history = new TrainingHistoryBuilder()
            .Run(-27, km: 6).Run(-25, km: 6).Run(-23, km: 6)
            .Run(-20, km: 6).Run(-18, km: 6).Run(-16, km: 6)
            .Run(-13, km: 6).Run(-11, km: 6).Run(-9, km: 6)
            .Run(-6, km: 6)
            .Build();
        var wednesday = Day(-4);

        // When the clinic reads the weeks that Wednesday
        var weeks = LoadRules.Weeks(history, Day(-6), 2, wednesday);

        // Then the last full week is compared (0 %), the current one is partial with no change against it
        Assert.Equal([false, true], weeks.Select(w => w.Partial));
        Assert.Equal([0m, null], weeks.Select(w => w.DistanceChangePercent));
        Assert.Equal(6m, weeks[1].DistanceKm);
        // L2 for the current week is taken as of today, not as of a Sunday still to come: 2 runs (480) in the 7 days
        // to Wednesday against 10 runs (2400) over 24 days of history, 700 a week → 0.69 (as of Sunday it would be 0.4)
        Assert.Equal(0.69m, weeks[1].Acwr);
    }

    [Fact]
    public void On_its_Sunday_the_current_week_is_whole()
    {
        var history = new TrainingHistoryBuilder().Run(-13, km: 10).Run(-6, km: 12).Build();

        Assert.False(Assert.Single(LoadRules.Weeks(history, Day(-6), 1, AsOf)).Partial);
        Assert.True(Assert.Single(LoadRules.Weeks(history, Day(-6), 1, Day(-1))).Partial);
    }

    [Fact]
    public void L2_and_L3_say_not_enough_history_for_a_runner_of_ten_days()
    {
        // Given three runs in ten days
        var history = new TrainingHistoryBuilder().Run(-9, km: 5).Run(-5, km: 5).Run(-2, km: 8).Build();

        // When the rules are asked what they cannot judge
        var missing = LoadRules.NotJudged(history, AsOf);

        // Then L2 and L3 say so, each with its version and a sentence a runner reads
        Assert.Equal(["L2", "L3"], missing.Select(m => m.RuleId));
        Assert.Equal([2, 2], missing.Select(m => m.RuleVersion));
        Assert.All(missing, m => Assert.StartsWith("Not enough history", m.Explanation, StringComparison.Ordinal));
        Assert.DoesNotContain(LoadRules.Evaluate(history, AsOf), f => f.RuleId is "L2" or "L3");
    }

    [Fact]
    public void L3_says_not_enough_history_below_10_km_without_a_5_km_jump_and_judges_a_10_km_base()
    {
        // Given four weeks of 2 × 6 km (8 sessions): L2 can judge; L3 has a 12 km base
        var steady = new TrainingHistoryBuilder()
            .Run(-27, km: 6).Run(-24, km: 6).Run(-20, km: 6).Run(-17, km: 6)
            .Run(-13, km: 6).Run(-10, km: 6).Run(-6, km: 6).Run(-3, km: 6);
        Assert.Empty(LoadRules.NotJudged(steady.Build(), AsOf));

        // When the last fortnight was 4 km then 6 km, L3 has no base (below 10 km, a jump under 5 km)
        var small = new TrainingHistoryBuilder()
            .Run(-27, km: 6).Run(-24, km: 6).Run(-20, km: 6).Run(-17, km: 6)
            .Run(-13, km: 2).Run(-10, km: 2).Run(-6, km: 3).Run(-3, km: 3);
        Assert.Equal(["L3"], LoadRules.NotJudged(small.Build(), AsOf).Select(m => m.RuleId));
    }
}
