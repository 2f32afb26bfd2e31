using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class SessionLoadTests
{
    [Theory]
    [InlineData(0, 45, 0)]
    [InlineData(6, 45, 270)]
    [InlineData(10, 60, 600)]
    [InlineData(7, 32.5, 227.5)]
    public void L1_session_load_is_rpe_times_minutes(int rpe, decimal minutes, decimal load)
    {
        Assert.Equal(load, LoadRules.SessionLoad(rpe, minutes));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void L1_an_rpe_outside_0_to_10_is_rejected(int rpe)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadRules.SessionLoad(rpe, 30));
    }

    [Fact]
    public void L1_negative_minutes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LoadRules.SessionLoad(5, -1));
    }

    [Fact]
    public void L1_runs_and_gym_sessions_add_up_to_one_day_load()
    {
        // Given a run of 60 min at RPE 5 and a gym session of 30 min at RPE 10 on the same Monday
        var history = new TrainingHistoryBuilder().Run(-6, minutes: 60, rpe: 5).Gym(-6, minutes: 30, rpe: 10).Build();

        // When the week is summarised
        var week = Assert.Single(LoadRules.Weeks(history, Day(-6), 1, AsOf));

        // Then both count with the same model: 300 each
        Assert.Equal(300m, week.RunLoad);
        Assert.Equal(300m, week.GymLoad);
        Assert.Equal(0.41m, week.Monotony);
        Assert.Equal(600m * 0.41m, week.Strain);
    }
}
