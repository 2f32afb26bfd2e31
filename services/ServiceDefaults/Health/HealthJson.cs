using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.ServiceDefaults.Health;

/// <summary>
/// The body of /health/ready: the overall status, each check with what it found, and the event pipeline's lag per
/// progression, so an operator (or `runrestore status`) sees a stall and its size without a metrics backend.
/// The status code stays ASP.NET Core's: 200 for Healthy and Degraded, 503 for Unhealthy.
/// </summary>
public static class HealthJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var lag = context.RequestServices.GetService<EventPipelineMonitor>()?.Last;
        var body = new
        {
            status = report.Status.ToString(),
            service = context.RequestServices.GetService<EventStoreSchema>()?.Service,
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
            pipeline = lag is null
                ? null
                : new
                {
                    newestSequence = lag.NewestSequence,
                    measuredAt = lag.MeasuredAt,
                    progressions = lag.Progressions.Select(p => new
                    {
                        name = p.Name,
                        position = p.Position,
                        eventsBehind = p.EventsBehind,
                        secondsBehind = p.SecondsBehind,
                    }),
                },
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }
}
