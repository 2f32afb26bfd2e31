using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class LoadRulesTests
{
    [Fact]
    public void A_week_that_breaks_every_rule_raises_one_flag_per_rule_in_rule_order_with_its_evidence_level()
    {
        // Given steady earlier weeks, then 7 hard runs of 3 km in 7 days (L2, L3, L4, L5), two planned races
        // a week apart (L6) and three short, stressful nights (S1, S2)
        var history = new TrainingHistoryBuilder().Load(-27, 500).Load(-20, 500).Run(-10, km: 10);
        for (var day = -6; day <= 0; day++)
        {
            history.Run(day, km: 3, minutes: 60, rpe: 7, type: SessionType.Tempo);
        }

        history.Competition(5).Competition(12).Wellness(-2, 6, 5).Wellness(-1, 6, 5).Wellness(0, 6, 5);

        // When the rules are evaluated as of Sunday
        var flags = LoadRules.Evaluate(history.Build(), AsOf);

        // Then
        Assert.Equal(
            [("L2", "load_spike", 'X'), ("L3", "distance_jump", 'B'), ("L4", "monotony", 'C'), ("L5", "intensity", 'C'),
             ("L6", "too_many_races", 'C'), ("S1", "short_sleep", 'B'), ("S2", "high_stress", 'B')],
            flags.Select(f => (f.RuleId, f.Kind, f.Evidence)));
        Assert.All(flags, f => Assert.Equal(RunRestore.Contracts.RuleSet.VersionOf(f.RuleId), f.RuleVersion));
        Assert.All(flags, f => Assert.Equal($"{f.RuleId}:{f.Kind}", f.Key));
    }

    [Fact]
    public void An_empty_history_raises_no_flags()
    {
        Assert.Empty(LoadRules.Evaluate(TrainingHistory.Empty, AsOf));
    }

    [Fact]
    public void Entries_dated_after_the_evaluation_date_are_ignored_by_L2_to_L5_and_S1_S2()
    {
        // Given an ordinary past and, tomorrow and later, a huge run, a gym session and bad wellness reports
        var history = new TrainingHistoryBuilder().Load(-27, 500).Load(-20, 500).Load(-13, 500).Load(-12, 1).Run(-10, km: 10).Run(-3, km: 10);
        for (var day = 1; day <= 4; day++)
        {
            history.Run(day, km: 40, minutes: 240, rpe: 9, type: SessionType.Interval).Gym(day, 90, 9).Wellness(day, 4, 5);
        }

        // When evaluated as of today, nothing fires; as of the last of those days, they count
        Assert.Empty(history.FlagsOf("L3").Concat(history.FlagsOf("L5")).Concat(history.FlagsOf("S1")).Concat(history.FlagsOf("S2")));
        Assert.Equal("under_load", Assert.Single(history.FlagsOf("L2")).Kind);
        Assert.Equal(
            ["L2", "L3", "L5", "S1", "S2"],
            LoadRules.Evaluate(history.Build(), Day(4)).Select(f => f.RuleId));
    }

    [Fact]
    public void L6_counts_planned_competitions_but_not_race_runs_dated_in_the_future()
    {
        var withPlannedCompetition = new TrainingHistoryBuilder().Race(-5).Competition(3);
        var withFutureRaceRun = new TrainingHistoryBuilder().Race(-5).Race(3);

        Assert.Single(withPlannedCompetition.FlagsOf("L6"));
        Assert.Empty(withFutureRaceRun.FlagsOf("L6"));
    }
}
