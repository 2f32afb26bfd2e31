using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>How far one progression (the forwarder, a projection, the daemon's high-water mark) is behind.</summary>
/// <param name="Name">Marten's progression name, e.g. "integration-events:All" or "HighWaterMark".</param>
/// <param name="Position">The last sequence number it processed.</param>
/// <param name="EventsBehind">Committed events after that position (counted up to 100,000).</param>
/// <param name="SecondsBehind">
/// How long the oldest committed event it has not processed has been waiting; 0 when caught up. Measured from when this
/// monitor first saw the event committed (to within one poll), not from the event's timestamp: Marten stamps an event
/// with its transaction's start, and a write that queued for its runner's lock commits seconds after that.
/// </param>
public sealed record ProgressionLag(string Name, long Position, long EventsBehind, double SecondsBehind);

/// <summary>The pipeline's lag as last measured.</summary>
public sealed record PipelineLag(long NewestSequence, IReadOnlyList<ProgressionLag> Progressions, DateTimeOffset MeasuredAt)
{
    public double WorstSecondsBehind => Progressions.Count == 0 ? 0 : Progressions.Max(p => p.SecondsBehind);
}

/// <summary>
/// Measures, every few seconds, how far the forwarder and the daemon are behind the newest committed event, straight from
/// PostgreSQL (so every replica sees the same figures whichever one leads), and exports it as the metrics
/// <c>runrestore.pipeline.lag.events</c> and <c>runrestore.pipeline.lag.seconds</c>. The health check reads the last
/// measurement.
/// </summary>
public sealed partial class EventPipelineMonitor : BackgroundService
{
    private const int CountLimit = 100_000;
    private static readonly string[] ExpectedProgressions = ["HighWaterMark", EventForwarder.SubscriptionName + ":All"];
    private readonly string _connectionString;
    private readonly string _schema;
    private readonly string _service;
    private readonly EventPipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EventPipelineMonitor> _logger;
    private readonly Queue<(long Newest, DateTimeOffset SeenAt)> _seen = new();
    private readonly Lock _seenGate = new();
    private long _lastSeen = -1;
    private volatile PipelineLag? _last;

    public EventPipelineMonitor(IConfiguration configuration, EventStoreSchema schema, EventPipelineOptions options,
        TimeProvider time, ILogger<EventPipelineMonitor> logger)
    {
        _connectionString = configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
        _schema = schema.Name;
        _service = schema.Service;
        _options = options;
        _time = time;
        _logger = logger;
        RunRestoreDiagnostics.Meter.CreateObservableGauge("runrestore.pipeline.lag.events", () => Measure(p => p.EventsBehind),
            unit: "{event}", description: "Committed events not yet processed by the forwarder or projection");
        RunRestoreDiagnostics.Meter.CreateObservableGauge("runrestore.pipeline.lag.seconds", () => Measure(p => p.SecondsBehind),
            unit: "s", description: "How long the oldest committed event not yet processed by the forwarder or projection has waited");
    }

    /// <summary>The last measurement, or null before the first one.</summary>
    public PipelineLag? Last => _last;

    /// <summary>Measures now (also used by tests and the health check's first call).</summary>
    public async Task<PipelineLag> MeasureAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        long newest;
        await using (var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {_schema}.mt_events", connection))
        {
            newest = (long)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        var positions = ExpectedProgressions.ToDictionary(n => n, _ => 0L);
        await using (var command = new NpgsqlCommand($"select name, last_seq_id from {_schema}.mt_event_progression", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                // Shards are "Name:All" (or per tenant); other rows are the daemon's bookkeeping (allocation fence, stuck gap).
                var name = reader.GetString(0);
                if (name.Contains(':', StringComparison.Ordinal) || name == "HighWaterMark")
                {
                    positions[name] = reader.GetInt64(1);
                }
            }
        }

        var now = _time.GetUtcNow();
        Remember(newest, now);
        var lags = new List<ProgressionLag>(positions.Count);
        foreach (var (name, position) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (position >= newest)
            {
                lags.Add(new ProgressionLag(name, position, 0, 0));
                continue;
            }

            // Tombstones (type 'tombstone', timestamp -infinity) fill the sequence numbers of failed appends: not events.
            await using var command = new NpgsqlCommand(
                $"""
                 select count(*), coalesce(extract(epoch from now() - min(e.timestamp)), 0)::float8
                 from (select timestamp from {_schema}.mt_events where seq_id > $1 and type <> 'tombstone' order by seq_id limit {CountLimit}) e
                 """, connection) { Parameters = { new() { Value = position } } };
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            var byTimestamp = reader.GetDouble(1);
            var waiting = WaitingSince(position) is { } since ? Math.Min(byTimestamp, (now - since).TotalSeconds) : byTimestamp;
            lags.Add(new ProgressionLag(name, position, reader.GetInt64(0), Math.Max(0, Math.Round(waiting, 1))));
        }

        var lag = new PipelineLag(newest, lags, now);
        _last = lag;
        return lag;
    }

    // The newest committed sequence at each measurement, for as long as a lag can matter (UnhealthyAfter).
    private void Remember(long newest, DateTimeOffset at)
    {
        lock (_seenGate)
        {
            if (newest > _lastSeen)
            {
                _seen.Enqueue((newest, at));
                _lastSeen = newest;
            }

            while (_seen.Count > 2 && (_seen.Count > 10_000 || at - _seen.Peek().SeenAt > _options.UnhealthyAfter * 2))
            {
                _seen.Dequeue();
            }
        }
    }

    // When the event after <paramref name="position"/> was first seen committed; null when it was already committed at the
    // first measurement we still remember (then only its timestamp tells its age).
    private DateTimeOffset? WaitingSince(long position)
    {
        lock (_seenGate)
        {
            var first = true;
            foreach (var (newest, seenAt) in _seen)
            {
                if (newest > position)
                {
                    return first ? null : seenAt;
                }

                first = false;
            }

            return null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.LagPollInterval, _time);
        do
        {
            try
            {
                var lag = await MeasureAsync(stoppingToken).ConfigureAwait(false);
                if (lag.WorstSecondsBehind > _options.DegradedAfter.TotalSeconds)
                {
                    var worst = lag.Progressions.MaxBy(p => p.SecondsBehind)!;
                    LogBehind(_logger, worst.Name, worst.EventsBehind, worst.SecondsBehind);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogMeasureFailed(_logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private IEnumerable<Measurement<double>> Measure(Func<ProgressionLag, double> figure) =>
        _last?.Progressions.Select(p => new Measurement<double>(figure(p),
            new KeyValuePair<string, object?>("service", _service), new KeyValuePair<string, object?>("progression", p.Name)))
        ?? [];

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Event pipeline behind: {Progression} is {Events} events / {Seconds} s behind the newest committed event")]
    private static partial void LogBehind(ILogger logger, string progression, long events, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not measure the event pipeline's lag")]
    private static partial void LogMeasureFailed(ILogger logger, Exception ex);
}

/// <summary>The PostgreSQL schema of this service's event store, and the service's name.</summary>
public sealed record EventStoreSchema(string Service, string Name);
