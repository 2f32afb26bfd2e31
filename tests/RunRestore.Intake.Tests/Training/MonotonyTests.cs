using Xunit;
using static RunRestore.Intake.Tests.Training.TrainingHistoryBuilder;

namespace RunRestore.Intake.Tests.Training;

public sealed class MonotonyTests
{
    /// <summary>Daily loads 100, 200 ... 600 and then <paramref name="lastDay"/> on asOf: 700 gives mean 400 / SD 200 = 2.0.</summary>
    private static TrainingHistoryBuilder Week(decimal lastDay)
    {
        var builder = new TrainingHistoryBuilder();
        for (var day = -6; day < 0; day++)
        {
            builder.Load(day, 100 * (day + 7), id: day + 7);
        }

        return builder.Load(0, lastDay, id: 7);
    }

    [Theory]
    [InlineData(710, null)]   // 1.99
    [InlineData(700, null)]   // exactly 2.0
    [InlineData(690, 2.01)]
    public void L4_a_monotony_above_2_raises_the_flag(int lastDay, double? monotony)
    {
        var flags = Week(lastDay).FlagsOf("L4");

        Assert.Equal(monotony is null ? null : (decimal)monotony.Value, flags.SingleOrDefault()?.Numbers["monotony"]);
    }

    [Fact]
    public void L4_states_monotony_weekly_load_and_strain_and_names_the_sessions_of_the_week()
    {
        // Given loads 100 ... 600 and 690: weekly load 2790, monotony 2.01, and a session 7 days back
        var flag = Assert.Single(Week(690).Load(-7, 300, id: 8).FlagsOf("L4"));

        Assert.Equal(("monotony", "caution", 'C'), (flag.Kind, flag.Severity, flag.Evidence));
        Assert.Equal(2790m, flag.Numbers["weekly_load"]);
        Assert.Equal(2790m * 2.01m, flag.Numbers["strain"]);
        Assert.Contains("monotony 2.01, above 2.0; weekly load 2790, strain 5607.9", flag.Explanation, StringComparison.Ordinal);
        Assert.Equal([.. Enumerable.Range(1, 7).Select(Id)], flag.TriggeringEventIds);
    }

    [Fact]
    public void L4_the_same_load_every_day_has_no_spread_and_counts_as_the_monotony_cap_of_10()
    {
        var builder = new TrainingHistoryBuilder();
        for (var day = -6; day <= 0; day++)
        {
            builder.Load(day, 300);
        }

        var flag = Assert.Single(builder.FlagsOf("L4"));

        Assert.Equal(10m, flag.Numbers["monotony"]);
        Assert.Equal(2100m * 10, flag.Numbers["strain"]);
    }

    [Fact]
    public void L4_a_week_without_load_has_no_monotony()
    {
        var history = new TrainingHistoryBuilder().Load(-7, 500).Gym(-2, minutes: 30, rpe: 0);

        Assert.Empty(history.FlagsOf("L4"));
    }
}
