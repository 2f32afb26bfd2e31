using Microsoft.Extensions.DependencyInjection;
using LoadFlagMonitor = RunRestore.Intake.Training.LoadFlagMonitor;
using RunRestore.Intake.V1;
using Xunit;
using static RunRestore.Testing.TestCalendar;

namespace RunRestore.IntegrationTests.Intake;

public sealed class DailyFlagReevaluationHost() : IntakeHost("dailyflags");

/// <summary>
/// DOMAIN.md "Load" preamble (rule set v2; issue 13) on real PostgreSQL and RabbitMQ with a fake clock: a runner who
/// stops logging has their open flags re-evaluated as of today by intake's background check, and loses the L3 flag
/// once it is no longer true; runners of another clinic are checked in their own clinic.
/// </summary>
public sealed class DailyFlagReevaluationTests(DailyFlagReevaluationHost intake) : IClassFixture<DailyFlagReevaluationHost>
{
    private const string Clinic = "clinic-dailyflags";

    [Fact]
    public async Task A_runner_who_stops_logging_loses_the_distance_jump_flag_when_the_daily_check_runs()
    {
        var runnerId = await intake.RegisterAsync(Clinic, "Stops Logging");
        var client = intake.Client(Clinic);
        var raised = new List<LoadFlag>();
        // 4 × 8 km, then 4 × 12 km to today: +50 % on a 32 km base (L3)
        foreach (var (day, km) in new[] { (-13, 8.0), (-11, 8.0), (-9, 8.0), (-7, 8.0), (-6, 12.0), (-4, 12.0), (-2, 12.0), (0, 12.0) })
        {
            raised.AddRange((await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(day, km) })).FlagsRaised);
        }

        Assert.Contains(raised, f => f.RuleId == "L3");
        var monitor = intake.Host.Services.GetRequiredService<LoadFlagMonitor>();

        // The same day nothing changes
        await monitor.ReevaluateAllAsync(CancellationToken.None);
        Assert.DoesNotContain(await TimelineAsync(client, runnerId), IsL3Cleared);

        // Eight days later without a run: the check clears L3 as of that day
        intake.Clock.Advance(TimeSpan.FromDays(8));
        Assert.True(await monitor.ReevaluateAllAsync(CancellationToken.None) >= 1);

        var cleared = Assert.Single(await TimelineAsync(client, runnerId), IsL3Cleared);
        Assert.Equal(Date(8), cleared.Date);
        // A second run of the check on the same day appends nothing more
        await monitor.ReevaluateAllAsync(CancellationToken.None);
        Assert.Single(await TimelineAsync(client, runnerId), IsL3Cleared);
    }

    private static bool IsL3Cleared(TimelineEntry entry) => entry.Summary.StartsWith("Flag cleared (L3)", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(IntakeService.IntakeServiceClient client, string runnerId) =>
        (await client.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 100 })).Entries;
}
