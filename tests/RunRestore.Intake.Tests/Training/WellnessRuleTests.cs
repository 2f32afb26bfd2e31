using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class WellnessRuleTests
{
    [Theory]
    [InlineData(7.1, false)]
    [InlineData(7.0, false)]
    [InlineData(6.9, true)]
    public void S1_an_average_sleep_under_7_hours_is_a_recovery_concern(double hours, bool fires)
    {
        var history = new TrainingHistoryBuilder()
            .Wellness(-6, sleepHours: (decimal)hours).Wellness(-3, sleepHours: (decimal)hours).Wellness(0, sleepHours: (decimal)hours);

        Assert.Equal(fires, history.FlagsOf("S1").Count == 1);
    }

    [Fact]
    public void S1_needs_3_reports_in_the_last_7_days()
    {
        // Given two short nights this week and one 7 days ago, outside the window
        var history = new TrainingHistoryBuilder().Wellness(-7, sleepHours: 5).Wellness(-1, sleepHours: 5).Wellness(0, sleepHours: 5);

        Assert.Empty(history.FlagsOf("S1"));
    }

    [Fact]
    public void S1_states_the_average_and_the_number_of_reports()
    {
        var history = new TrainingHistoryBuilder()
            .Wellness(-4, sleepHours: 6, id: 3).Wellness(-2, sleepHours: 6.1m, id: 1).Wellness(0, sleepHours: 6.5m, id: 2);

        var flag = Assert.Single(history.FlagsOf("S1"));

        Assert.Equal(("short_sleep", "caution", 'B'), (flag.Kind, flag.Severity, flag.Evidence));
        Assert.Equal((6.2m, 3m), (flag.Numbers["sleep_hours_average"], flag.Numbers["reports"]));
        Assert.Equal(
            "You slept 6.2 h a night on average over the last 7 days (3 reports; under 7 h slows recovery).", flag.Explanation);
        Assert.Equal([Id(1), Id(2), Id(3)], flag.TriggeringEventIds);
    }

    [Theory]
    [InlineData(new[] { 4, 4, 4 }, true)]
    [InlineData(new[] { 3, 4, 5 }, true)]
    [InlineData(new[] { 4, 4, 4, 4, 4, 4, 4, 4, 4, 3 }, false)]   // 3.9
    [InlineData(new[] { 5, 5 }, false)]                           // only 2 reports
    public void S2_a_week_of_stress_averaging_4_or_more_slows_progression(int[] stress, bool fires)
    {
        var history = new TrainingHistoryBuilder();
        for (var i = 0; i < stress.Length; i++)
        {
            history.Wellness(-(i % 7), stress: stress[i]);   // ten reports: some days have two
        }

        Assert.Equal(fires, history.FlagsOf("S2").Count == 1);
    }

    [Fact]
    public void S2_tells_the_runner_progression_slows_and_the_clinician_is_told()
    {
        var history = new TrainingHistoryBuilder().Wellness(-5, stress: 4).Wellness(-3, stress: 5).Wellness(-1, stress: 4);

        var flag = Assert.Single(history.FlagsOf("S2"));

        Assert.Equal(("high_stress", "caution", 'B'), (flag.Kind, flag.Severity, flag.Evidence));
        Assert.Equal((4.33m, 3m), (flag.Numbers["stress_average"], flag.Numbers["reports"]));
        Assert.Equal(
            "Your stress averaged 4.33 out of 5 over the last 7 days (3 reports): your training should progress more slowly for now, and your clinician is told (stress goes with injury, Ivarsson 2017).",
            flag.Explanation);
    }
}
