using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>
/// Ready only while events flow: Degraded when the forwarder or daemon is more than <see cref="EventPipelineOptions.DegradedAfter"/>
/// behind, Unhealthy past <see cref="EventPipelineOptions.UnhealthyAfter"/> or while this process's forwarder cannot publish.
/// </summary>
public sealed class EventPipelineHealthCheck(EventPipelineMonitor monitor, ForwarderStatus forwarder, EventPipelineOptions options,
    TimeProvider time) : IHealthCheck
{
    public const string Name = "event-pipeline";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (forwarder.Failing is { } failing && now - failing.Since >= options.ForwarderFailingUnhealthyAfter)
        {
            return HealthCheckResult.Unhealthy(
                $"the forwarder has not been able to publish for {(now - failing.Since).TotalSeconds:0} s: {Shorten(failing.Error)}");
        }

        var lag = monitor.Last;
        if (lag is null || now - lag.MeasuredAt > options.LagPollInterval * 3 + TimeSpan.FromSeconds(5))
        {
            try
            {
                lag = await monitor.MeasureAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("the event pipeline's lag cannot be measured: " + Shorten(ex.Message));
            }
        }

        var worst = lag.Progressions.MaxBy(p => p.SecondsBehind);
        if (worst is null || worst.SecondsBehind <= options.DegradedAfter.TotalSeconds)
        {
            return HealthCheckResult.Healthy("caught up" + (worst is { EventsBehind: > 0 } ? $" ({worst.EventsBehind} events in flight)" : ""));
        }

        var description = $"{worst.Name} is {worst.EventsBehind} events / {worst.SecondsBehind:0.#} s behind";
        return worst.SecondsBehind > options.UnhealthyAfter.TotalSeconds
            ? HealthCheckResult.Unhealthy(description)
            : HealthCheckResult.Degraded(description);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
