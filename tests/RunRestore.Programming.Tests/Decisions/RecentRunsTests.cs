using RunRestore.Programming.Running;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>The runs and running pain programming keeps for T6: a run's pain, the 14-day window, the 42-day bound.</summary>
public sealed class RecentRunsTests
{
    private static readonly Guid Runner = Id(1);

    private static RecentRuns Given(params object[] facts) => facts.Aggregate(RecentRuns.Empty(Runner), (runs, fact) => fact switch
    {
        LoggedRun run => runs.With(run),
        RunningPain pain => runs.With(pain),
        _ => throw new ArgumentException("not a run or a pain report", nameof(facts)),
    });

    private static LoggedRun Run(int number, int day) => new(Id(100 + number), Day(day), 8m, 45);

    [Fact]
    public void A_runs_pain_is_the_highest_report_linked_to_it_or_made_on_its_date_and_no_report_is_pain_free()
    {
        var runs = Given(Run(1, 10), Run(2, 12), Run(3, 13),
            new RunningPain(Id(201), Day(11), Id(101), 4), new RunningPain(Id(202), Day(10), null, 2),
            new RunningPain(Id(203), Day(12), null, 1));

        var evidence = runs.Evidence(Day(14));

        Assert.Equal([4, 1, 0], evidence.Runs.Select(r => r.Pain));
        Assert.Equal(2, evidence.EasyRuns);
    }

    [Fact]
    public void Only_the_14_days_up_to_the_screen_count()
    {
        var evidence = Given(Run(1, 0), Run(2, 1), Run(3, 14), Run(4, 15)).Evidence(Day(14));

        Assert.Equal([Id(102), Id(103)], evidence.Runs.Select(r => r.RunId));
    }

    [Fact]
    public void A_run_or_report_delivered_again_replaces_itself()
    {
        var runs = Given(Run(1, 10), Run(1, 10), new RunningPain(Id(201), Day(10), Id(101), 3), new RunningPain(Id(201), Day(10), Id(101), 3));

        Assert.Single(runs.Runs);
        Assert.Single(runs.Pains);
    }

    [Fact]
    public void Runs_older_than_42_days_before_the_newest_fall_off()
    {
        var runs = Given(Run(1, 0), Run(2, 1), new RunningPain(Id(201), Day(0), null, 6), Run(3, 43));

        Assert.Equal([Id(102), Id(103)], runs.Runs.Select(r => r.RunId));
        Assert.Empty(runs.Pains);
    }
}
