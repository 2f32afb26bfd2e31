using System.Globalization;
using System.Text.Json;

namespace RunRestore.Cli.Health;

/// <summary>How a service answered on /health/ready, worst last (the order the exit code follows).</summary>
internal enum HealthState
{
    Healthy,
    Degraded,
    Unhealthy,
    Unreachable,
}

/// <summary>One health check of a service's report (postgres, rabbitmq, event-pipeline, ...).</summary>
internal sealed record HealthCheckResult(string Name, string Status, string? Description, double? DurationMs);

/// <summary>How far one Marten progression (a projection or subscription) is behind the newest committed event.</summary>
internal sealed record ProgressionLag(string Name, long? Position, long? EventsBehind, double? SecondsBehind);

/// <summary>The event pipeline's lag as the service measured it.</summary>
internal sealed record PipelineLag(long? NewestSequence, IReadOnlyList<ProgressionLag> Progressions);

/// <summary>
/// A service's readiness as read from GET /health/ready: the overall state, its checks and the pipeline's lag.
/// <see cref="Reason"/> says why when the answer was not a plain health report (unreachable, an unexpected HTTP status
/// or body). <see cref="ReportedService"/> is the name the service gave itself, when it gave one.
/// </summary>
internal sealed record ServiceHealth(
    string Service,
    Uri Url,
    HealthState State,
    int? HttpStatus,
    string? Reason,
    string? ReportedService,
    IReadOnlyList<HealthCheckResult> Checks,
    PipelineLag? Pipeline)
{
    public static ServiceHealth Unreachable(string service, Uri url, string reason) =>
        new(service, url, HealthState.Unreachable, null, reason, null, [], null);

    /// <summary>
    /// Reads an answer tolerantly: the JSON report ({"status", "service", "checks", "pipeline"}, camelCase, unknown
    /// fields ignored, any of them missing or null), or ASP.NET Core's plain-text body ("Healthy"). The state is the
    /// worse of what the body says and what the HTTP status says (200 ready, 503 Unhealthy, anything else Unhealthy);
    /// a body that names no known status counts as Unhealthy: nothing confirmed the service is ready.
    /// </summary>
    public static ServiceHealth Parse(string service, Uri url, int httpStatus, string? body)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(url);
        var text = body?.Trim() ?? "";
        var reasons = new List<string>();
        HealthState? stated = null;
        string? reported = null;
        List<HealthCheckResult> checks = [];
        PipelineLag? pipeline = null;

        if (TryJson(text) is { } root)
        {
            using (root)
            {
                var r = root.RootElement;
                var status = String(r, "status");
                stated = ParseState(status);
                if (stated is null)
                {
                    reasons.Add(status is null ? "the report names no status" : $"unknown status '{status}'");
                }

                reported = String(r, "service");
                checks = ReadChecks(r);
                pipeline = ReadPipeline(r);
            }
        }
        else if (ParseState(text) is { } plain)
        {
            stated = plain;
        }
        else
        {
            reasons.Add($"not a health report: {Excerpt(text)}");
        }

        var byHttp = httpStatus switch
        {
            >= 200 and < 300 => HealthState.Healthy,
            _ => HealthState.Unhealthy,
        };
        if (httpStatus is not (>= 200 and < 300) and not 503)
        {
            reasons.Insert(0, $"HTTP {httpStatus.ToString(CultureInfo.InvariantCulture)}");
        }

        var state = stated is { } s ? (s > byHttp ? s : byHttp) : HealthState.Unhealthy;
        return new ServiceHealth(service, url, state, httpStatus, reasons.Count == 0 ? null : string.Join("; ", reasons),
            reported, checks, pipeline);
    }

    /// <summary>"Healthy" / "degraded" / "UNHEALTHY" → the state; anything else null.</summary>
    internal static HealthState? ParseState(string? status) => status?.Trim().ToUpperInvariant() switch
    {
        "HEALTHY" => HealthState.Healthy,
        "DEGRADED" => HealthState.Degraded,
        "UNHEALTHY" => HealthState.Unhealthy,
        _ => null,
    };

    private static JsonDocument? TryJson(string text)
    {
        if (!text.StartsWith('{'))
        {
            return null;
        }

        try
        {
            var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return doc;
            }

            doc.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<HealthCheckResult> ReadChecks(JsonElement root)
    {
        if (!root.TryGetProperty("checks", out var checks) || checks.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. checks.EnumerateArray()
            .Where(c => c.ValueKind == JsonValueKind.Object)
            .Select(c => new HealthCheckResult(String(c, "name") ?? "?", String(c, "status") ?? "?", String(c, "description"),
                Double(c, "durationMs")))];
    }

    private static PipelineLag? ReadPipeline(JsonElement root)
    {
        if (!root.TryGetProperty("pipeline", out var pipeline) || pipeline.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        List<ProgressionLag> progressions = [];
        if (pipeline.TryGetProperty("progressions", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            progressions = [.. list.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object)
                .Select(p => new ProgressionLag(String(p, "name") ?? "?", Long(p, "position"), Long(p, "eventsBehind"),
                    Double(p, "secondsBehind")))];
        }

        return new PipelineLag(Long(pipeline, "newestSequence"), progressions);
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double? Double(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? d : null;

    private static long? Long(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number ? null
        : v.TryGetInt64(out var l) ? l
        : v.TryGetDouble(out var d) ? (long)Math.Round(d)
        : null;

    private static string Excerpt(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length == 0 ? "an empty body" : line.Length <= 60 ? $"'{line}'" : $"'{line[..60]}…'";
    }
}

/// <summary>The status command's exit code, from the services' states.</summary>
internal static class StatusExitCodes
{
    public const int AllHealthy = 0;
    public const int Degraded = 1;
    public const int Unhealthy = 2;

    /// <summary>0 when every service is Healthy, 1 when any is Degraded (and none worse), 2 when any is Unhealthy or unreachable.</summary>
    public static int For(IEnumerable<ServiceHealth> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var worst = services.Select(s => s.State).DefaultIfEmpty(HealthState.Healthy).Max();
        return worst switch
        {
            HealthState.Healthy => AllHealthy,
            HealthState.Degraded => Degraded,
            _ => Unhealthy,
        };
    }
}
