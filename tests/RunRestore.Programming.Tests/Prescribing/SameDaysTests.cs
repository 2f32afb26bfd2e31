using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Prescribing;

/// <summary>
/// T8 (v2): ≥ 6 sessions in the first two weeks, then 2-3 strength sessions a week (T1), the same days each week; T7
/// (no heavy strength the day of or before a hard run) moves a day only when a hard run rules it out.
/// </summary>
public sealed class SameDaysTests
{
    private static DayOfWeek[] Weekdays(WeekPlan plan) => [.. plan.StrengthDays.Select(d => d.Date.DayOfWeek)];

    [Fact]
    public void Weeks_with_and_without_Sunday_long_runs_keep_Monday_Wednesday_Friday()
    {
        // Day 0 is a Monday. Week 1: a Sunday long run; week 2: no hard runs; week 3: a Sunday race.
        var weeks = new[] { WeekPlanner.Plan(Day(7), [Day(13)], 3, null, Day(0)), WeekPlanner.Plan(Day(14), [], 3, null, Day(0)),
            WeekPlanner.Plan(Day(21), [Day(27)], 3, null, Day(0)) };

        Assert.All(weeks, w => Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], Weekdays(w)));
        Assert.All(weeks.SelectMany(w => w.StrengthDays), d => Assert.Contains("the same each week (T8)", d.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_Thursday_tempo_moves_only_Wednesday_and_says_T7_comes_before_T8()
    {
        var plan = WeekPlanner.Plan(Day(7), [Day(10)], 3, null, Day(0));

        // The tempo (day 10) rules out Wednesday and Thursday: Monday and Friday stay, Sunday takes Wednesday's place.
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Sunday], Weekdays(plan));
        Assert.Contains("T7 comes before T8's same days each week", plan.StrengthDays[2].Reason, StringComparison.Ordinal);
        Assert.Contains("the same each week (T8)", plan.StrengthDays[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Restore_program_prescribed_on_a_Wednesday_keeps_its_first_weeks_weekdays_after_and_holds_six_in_two_weeks()
    {
        var scenario = new ProgramScenario();
        var prescribed = Assert.IsType<ProgramPrescribed>(scenario.Prescribe(Screens.First(Screens.AnteriorKnee) with
        {
            CompletedOn = Day(2), FirstCompletedOn = Day(2),
        }, day: 2)[0]);
        var next = WeekPlanner.Plan(WeekPlanner.MondayOf(Day(9)), [], prescribed.SessionsPerWeek, null, Day(2));

        Assert.Equal([DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Monday], Weekdays(prescribed.Week));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], Weekdays(next));
        Assert.Equal(("T8", 2), (prescribed.Why.RuleId, prescribed.Why.RuleVersion));
        Assert.True(prescribed.Week.StrengthDays.Count + next.StrengthDays.Count >= 6);
    }

    [Fact]
    public void A_Maintain_dose_of_two_keeps_Monday_and_Thursday_each_week()
    {
        var weeks = new[] { WeekPlanner.Plan(Day(7), [Day(13)], 2, null, Day(0)), WeekPlanner.Plan(Day(14), [Day(16)], 2, null, Day(0)) };

        Assert.All(weeks, w => Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], Weekdays(w)));
    }
}
