using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Intake.Training;
using RunRestore.Programming.Programs;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// The three services on real PostgreSQL and RabbitMQ sharing one fake clock, so a case can live through months in
/// seconds: <see cref="NextDayAsync"/> moves the clock to 07:00 of the next day and runs the jobs a real day runs
/// (intake's daily load-flag re-evaluation, programming's engagement check), as their timers would.
/// </summary>
public sealed class CaseServices() : ThreeServices("cases")
{
    /// <summary>Starts on a Monday morning, so case weeks are calendar weeks.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));

    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    /// <summary>The clock moves <paramref name="days"/> days on; each new day's jobs run before the case goes on.</summary>
    /// <remarks>The cases run one after another (<see cref="WholeCases"/>), so one case at a time moves the clock.</remarks>
    public async Task NextDayAsync(int days = 1)
    {
        for (var i = 0; i < days; i++)
        {
            Clock.Advance(TimeSpan.FromDays(1));
            await Hosted<LoadFlagMonitor>(Intake.Services).ReevaluateAllAsync(CancellationToken.None);
            await Hosted<EngagementMonitor>(Programming.Services).CheckAllAsync(Clock.GetUtcNow(), CancellationToken.None);
        }
    }

    private static T Hosted<T>(IServiceProvider services) => services.GetServices<IHostedService>().OfType<T>().Single();
}
