using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static RunRestore.Testing.TestCalendar;
using LoadFlagMonitor = RunRestore.Intake.Training.LoadFlagMonitor;

namespace RunRestore.IntegrationTests.Intake;

public sealed class TodaysTrainingLoadHost() : IntakeHost("todaysload");

/// <summary>
/// GetTrainingLoad as of the runner's today in their time zone (DOMAIN.md "Load" preamble, rule set v2; issue 13)
/// through gRPC on real PostgreSQL and RabbitMQ: not as of the day of their last run, and with the same flags the
/// daily check leaves open.
/// </summary>
public sealed class TodaysTrainingLoadTests(TodaysTrainingLoadHost intake) : IClassFixture<TodaysTrainingLoadHost>
{
    private const string Clinic = "clinic-todaysload";

    [Fact]
    public async Task A_runner_who_stopped_logging_three_weeks_ago_sees_their_today_and_no_stale_distance_jump()
    {
        var client = intake.Client(Clinic);
        var runnerId = await RunnerTimeZoneTests.RegisterInAsync(client, RunnerTimeZoneTests.Honolulu);
        intake.Clock.SetUtcNow(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        // 4 × 8 km, then 4 × 12 km to today: +50 % on a 32 km base (L3)
        foreach (var (day, km) in new[] { (-13, 8.0), (-11, 8.0), (-9, 8.0), (-7, 8.0), (-6, 12.0), (-4, 12.0), (-2, 12.0), (0, 12.0) })
        {
            await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(day, km) });
        }

        Assert.Contains((await client.GetTrainingLoadAsync(new() { RunnerId = runnerId })).ActiveFlags, f => f.RuleId == "L3");

        // 21 days later at 03:00 UTC — 17:00 on the 20th day in Honolulu — with no run and before any daily check
        intake.Clock.SetUtcNow(new DateTimeOffset(Today.AddDays(21).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
        var load = await client.GetTrainingLoadAsync(new() { RunnerId = runnerId, Weeks = 1 });

        Assert.Equal(Date(20), load.AsOf);
        Assert.Empty(load.ActiveFlags);
        // The daily check then clears the episode as of the same day
        await intake.Host.Services.GetRequiredService<LoadFlagMonitor>().ReevaluateAllAsync(CancellationToken.None);
        var timeline = (await client.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 100 })).Entries;
        Assert.Equal(Date(20), Assert.Single(timeline, e => e.Summary.StartsWith("Flag cleared (L3)", StringComparison.Ordinal)).Date);
    }
}
