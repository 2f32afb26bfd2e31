using System.Text.Json;
using Npgsql;

namespace RunRestore.Chaos;

/// <summary>A progression of a service's event pipeline: how far it got (sequence), and how far behind the newest
/// committed event, in events and in seconds (the age of the oldest event it has not processed yet).</summary>
internal sealed record Progression(string Name, long Position, long? EventsBehind, double? SecondsBehind);

/// <summary>The pipeline part of /health/ready (null fields: the service did not say).</summary>
internal sealed record Pipeline(long NewestSequence, DateTimeOffset? MeasuredAt, IReadOnlyList<Progression> Progressions, string Source);

/// <summary>One answer of GET /health/ready: 200 (Healthy/Degraded) is ready; the body is parsed when it is the JSON shape.</summary>
internal sealed record HealthAnswer(bool Ready, int? Code, string? Status, Pipeline? Pipeline, string? Problem);

internal static class Health
{
    /// <summary>GET /health/ready with a 2 s limit; never throws.</summary>
    public static async Task<HealthAnswer> ReadAsync(Stack stack, string service, CancellationToken ct)
    {
        try
        {
            using var response = await stack.Http.GetAsync(stack.HealthOf(service), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var (status, pipeline) = Parse(body);
            return new HealthAnswer(response.IsSuccessStatusCode, (int)response.StatusCode, status, pipeline, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new HealthAnswer(false, null, null, null, ex.GetBaseException().Message);
        }
    }

    // {"status":"Healthy","service":"intake","checks":[...],"pipeline":{"newestSequence":1234,"measuredAt":"...",
    //  "progressions":[{"name":"integration-events:All","position":1234,"eventsBehind":0,"secondsBehind":0.0}]}}
    // Anything missing (an older service answers plain "Healthy") is unknown, not zero.
    private static (string? Status, Pipeline? Pipeline) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var status = root.TryGetProperty("status", out var s) ? s.GetString() : null;
            if (!root.TryGetProperty("pipeline", out var p) || p.ValueKind != JsonValueKind.Object
                || !p.TryGetProperty("newestSequence", out var newest) || !p.TryGetProperty("progressions", out var list))
            {
                return (status, null);
            }

            DateTimeOffset? measured = p.TryGetProperty("measuredAt", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetDateTimeOffset() : null;
            var progressions = list.EnumerateArray().Select(e => new Progression(
                e.GetProperty("name").GetString() ?? "?",
                e.GetProperty("position").GetInt64(),
                e.TryGetProperty("eventsBehind", out var b) && b.ValueKind == JsonValueKind.Number ? b.GetInt64() : null,
                e.TryGetProperty("secondsBehind", out var sb) && sb.ValueKind == JsonValueKind.Number ? sb.GetDouble() : null)).ToList();
            return (status, new Pipeline(newest.GetInt64(), measured, progressions, "health"));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>
    /// The same figures read from the service's schema: the newest committed event, the forwarder's stored position
    /// (<c>integration-events:All</c>) and how many events, how old, lie beyond it. Used when /health/ready does not report
    /// its pipeline. Null while PostgreSQL is away.
    /// </summary>
    public static async Task<Pipeline?> ReadFromDatabaseAsync(Stack stack, string schema, CancellationToken ct)
    {
        try
        {
            await using var command = stack.Db.CreateCommand(
                $"with p as (select coalesce((select last_seq_id from {schema}.mt_event_progression where name = 'integration-events:All'), 0) as pos) " +
                $"select coalesce((select max(seq_id) from {schema}.mt_events), 0), p.pos, " +
                $"(select count(*) from {schema}.mt_events where seq_id > p.pos), " +
                $"coalesce((select extract(epoch from now() - min(timestamp))::float8 from {schema}.mt_events where seq_id > p.pos), 0) from p");
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new Pipeline(reader.GetInt64(0), DateTimeOffset.UtcNow,
                [new Progression("integration-events:All", reader.GetInt64(1), reader.GetInt64(2), reader.GetDouble(3))], "database");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
