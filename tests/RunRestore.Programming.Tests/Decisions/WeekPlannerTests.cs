using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class WeekPlannerTests
{
    private static readonly DateOnly Monday = new(2026, 1, 5);

    private static DateOnly Day(int offset) => Monday.AddDays(offset);

    [Fact]
    public void No_hard_runs_spreads_three_sessions_over_the_week_on_the_usual_days()
    {
        var plan = WeekPlanner.Plan(Monday, [], 3, null);

        // T8 v2: Monday, Wednesday, Friday, the same each week (Sunday then Monday would be back to back).
        Assert.Equal([Day(0), Day(2), Day(4)], plan.StrengthDays.Select(d => d.Date));
        Assert.Null(plan.Shortfall);
        Assert.All(plan.StrengthDays, d => Assert.Contains("(T7)", d.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_Sunday_long_run_leaves_Monday_Wednesday_Friday()
    {
        var plan = WeekPlanner.Plan(Monday, [Day(6)], 3, null);

        Assert.Equal([Day(0), Day(2), Day(4)], plan.StrengthDays.Select(d => d.Date));
    }

    [Fact]
    public void Tuesday_intervals_and_a_Saturday_long_run_leave_only_Wednesday_Thursday_and_Sunday()
    {
        var plan = WeekPlanner.Plan(Monday, [Day(1), Day(5)], 3, null);

        Assert.Equal([Day(2), Day(3), Day(6)], plan.StrengthDays.Select(d => d.Date));
    }

    [Fact]
    public void Available_days_limit_the_choice_and_a_shortfall_is_explained()
    {
        var plan = WeekPlanner.Plan(Monday, [Day(3)], 3, [DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Saturday]);

        Assert.Equal([Day(1), Day(5)], plan.StrengthDays.Select(d => d.Date));
        Assert.Contains("Only 2 of 3", plan.Shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public void Heavy_strength_is_never_on_a_hard_run_day_or_the_day_before_and_a_rest_day_always_remains()
    {
        // Every combination of hard runs over the week and the following Monday, for 1 to 5 sessions (T7).
        for (var mask = 0; mask < 256; mask++)
        {
            var hard = Enumerable.Range(0, 8).Where(i => (mask & (1 << i)) != 0).Select(Day).ToList();
            for (var sessions = 1; sessions <= 5; sessions++)
            {
                var plan = WeekPlanner.Plan(Monday, hard, sessions, null);
                var days = plan.StrengthDays.Select(d => d.Date).ToList();

                Assert.All(days, d => Assert.True(!hard.Contains(d) && !hard.Contains(d.AddDays(1)), $"{d} with hard runs {string.Join(",", hard)}"));
                Assert.All(days, d => Assert.InRange(d, Day(0), Day(6)));
                Assert.Equal(days.Count, days.Distinct().Count());
                // Strength never takes the last free day; a week of seven hard runs has no rest day to keep.
                Assert.True(days.Count == 0 || days.Count + hard.Count(h => h <= Day(6)) <= 6, "at least one rest day");
                Assert.True(days.Count == sessions || plan.Shortfall is not null);
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void Sessions_outside_1_to_6_are_refused(int sessions)
    {
        var ex = Assert.Throws<InvalidRequestException>(() => WeekPlanner.Plan(Monday, [], sessions, null));

        Assert.Equal("sessions_per_week", ex.Problems[0].Field);
    }

    [Fact]
    public void A_program_started_on_Thursday_plans_no_session_before_Thursday()
    {
        var plan = WeekPlanner.Plan(Monday, [], 3, null, programStart: Day(3));

        Assert.Equal(3, plan.StrengthDays.Count);
        Assert.All(plan.StrengthDays, d => Assert.True(d.Date >= Day(3), $"{d.Date} is before the program started"));
    }

    [Fact]
    public void A_program_started_on_Saturday_plans_the_weekend_and_says_why_the_week_is_short()
    {
        var plan = WeekPlanner.Plan(Monday, [], 3, null, programStart: Day(5));

        Assert.Equal([Day(5), Day(6)], plan.StrengthDays.Select(d => d.Date));
        Assert.EndsWith("and the program started on 2026-01-10.", plan.Shortfall, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_week_of_the_program_is_planned_in_full()
    {
        Assert.Equal(3, WeekPlanner.Plan(Monday.AddDays(7), [], 3, null, programStart: Day(5)).StrengthDays.Count);
    }
}
