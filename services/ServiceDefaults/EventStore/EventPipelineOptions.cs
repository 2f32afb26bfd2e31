namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>
/// "EventPipeline" configuration: how the forwarder retries, how long a sequence gap may hold the daemon, and when its
/// lag makes the service Degraded or Unhealthy (ARCHITECTURE.md, "The pipeline must never stop silently").
/// </summary>
public sealed class EventPipelineOptions
{
    public const string Section = "EventPipeline";

    /// <summary>One publish attempt may take this long (rabbitmq-dotnet-client #1930: a publish can hang after a restart).</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many streams of a page the forwarder publishes at once (each stream's events in order). Confirms are
    /// pipelined, so a backlog drains at hundreds of events a second instead of one broker round trip per event.
    /// </summary>
    public int PublishConcurrency { get; set; } = 32;

    /// <summary>The longest pause between two attempts to publish the same event.</summary>
    public TimeSpan PublishRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the daemon waits at a hole in the event sequence left by a rolled-back append before it skips it, when
    /// no transaction that could still fill the hole is alive (Marten's StaleSequenceThreshold). A live transaction
    /// from before the hole holds the daemon until it commits or ends, so no committed event is ever skipped.
    /// </summary>
    /// <remarks>
    /// 1 s by default: the wait only matters when no transaction could still fill the hole (the live-transaction check
    /// is what keeps committed events from being skipped), and after a crash or under load holes come every few
    /// seconds (a killed process's in-flight appends, calls cancelled by their deadline), each holding every
    /// projection and the forwarder for this long plus one detection cycle.
    /// </remarks>
    public TimeSpan GapSkipAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often the lag of the forwarder and projections is measured (also the resolution of how long an event has
    /// waited: the monitor notes when it first sees each event committed).
    /// </summary>
    public TimeSpan LagPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lag (age of the oldest event not yet processed) past which the service reports Degraded.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Lag past which the service reports Unhealthy (not ready).</summary>
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A forwarder that has failed to publish for this long, with no success since, makes the service not ready.</summary>
    public TimeSpan ForwarderFailingUnhealthyAfter { get; set; } = TimeSpan.FromSeconds(15);
}
