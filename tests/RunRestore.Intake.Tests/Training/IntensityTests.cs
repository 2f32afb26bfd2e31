using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class IntensityTests
{
    /// <summary><paramref name="hard"/> interval runs and <paramref name="easy"/> easy runs, one a day within 14 days.</summary>
    private static TrainingHistoryBuilder Runs(int hard, int easy)
    {
        var builder = new TrainingHistoryBuilder();
        for (var i = 0; i < hard + easy; i++)
        {
            builder.Run(-i, type: i < hard ? SessionType.Interval : SessionType.Easy, rpe: i < hard ? 8 : 3, id: i + 1);
        }

        return builder;
    }

    [Theory]
    [InlineData(3, 5, null)]     // 37.5 %
    [InlineData(4, 6, null)]     // exactly 40 %: L5 says more than 40 %
    [InlineData(5, 7, 41.7)]
    [InlineData(2, 2, 50.0)]     // 4 runs, the fewest L5 looks at
    public void L5_more_than_40_percent_hard_runs_in_14_days_raises_the_intensity_flag(int hard, int easy, double? percent)
    {
        var flags = Runs(hard, easy).FlagsOf("L5");

        Assert.Equal(percent is null ? null : (decimal)percent.Value, flags.SingleOrDefault()?.Numbers["hard_share_percent"]);
    }

    [Fact]
    public void L5_needs_at_least_4_runs_in_the_window()
    {
        Assert.Empty(Runs(3, 0).FlagsOf("L5"));
    }

    [Theory]
    [InlineData(7, SessionType.Easy, true)]
    [InlineData(6, SessionType.Easy, false)]
    [InlineData(3, SessionType.Tempo, true)]
    [InlineData(3, SessionType.Race, true)]
    [InlineData(6, SessionType.Long, false)]
    public void L5_a_run_is_hard_from_rpe_7_or_as_a_tempo_interval_or_race(int rpe, SessionType type, bool hard)
    {
        // Given one hard interval run, two easy ones and the run in question: 2 of 4 hard fires, 1 of 4 does not
        var history = Runs(1, 2).Run(-5, rpe: rpe, type: type);

        Assert.Equal(hard, history.FlagsOf("L5").Count == 1);
    }

    [Fact]
    public void L5_counts_runs_of_the_last_14_days_and_explains_the_share()
    {
        // Given 5 hard of 8 runs in the window and a hard run 14 days back, just outside it
        var history = Runs(5, 3).Run(-14, rpe: 9, type: SessionType.Interval, id: 99);

        var flag = Assert.Single(history.FlagsOf("L5"));

        Assert.Equal(("intensity", "caution", 'C'), (flag.Kind, flag.Severity, flag.Evidence));
        Assert.Equal((5m, 8m, 62.5m), (flag.Numbers["hard_runs"], flag.Numbers["runs"], flag.Numbers["hard_share_percent"]));
        Assert.StartsWith("5 of your 8 runs in the last 14 days (63 %) were hard", flag.Explanation, StringComparison.Ordinal);
        Assert.Contains("80/20", flag.Explanation, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(1, 8).Select(Id)], flag.TriggeringEventIds);
    }
}
