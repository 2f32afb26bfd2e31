using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RunRestore.ServiceDefaults.Telemetry;

/// <summary>The activity source and meter of RunRestore's own code (forwarding, consumers, domain counters).</summary>
public static class RunRestoreDiagnostics
{
    public const string SourceName = "RunRestore";
    public const string MeterName = "RunRestore";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    /// <summary>Integration events published from a service's event store.</summary>
    public static readonly Counter<long> EventsForwarded =
        Meter.CreateCounter<long>("runrestore.events.forwarded", description: "Events published to RabbitMQ from the event store");

    /// <summary>Messages consumed for the first time.</summary>
    public static readonly Counter<long> MessagesConsumed =
        Meter.CreateCounter<long>("runrestore.messages.consumed", description: "Messages whose effect was stored");

    /// <summary>Redelivered messages recognised by their MessageId and skipped.</summary>
    public static readonly Counter<long> DuplicateMessagesSkipped =
        Meter.CreateCounter<long>("runrestore.messages.duplicates", description: "Redelivered messages skipped by MessageId");

    /// <summary>Publishes from the forwarder that failed and will be retried.</summary>
    public static readonly Counter<long> PublishFailures =
        Meter.CreateCounter<long>("runrestore.forwarder.publish_failures", description: "Forwarder publishes that failed and are retried");

    /// <summary>Writes retried inside the service after losing a stream version race.</summary>
    public static readonly Counter<long> WriteConflictRetries =
        Meter.CreateCounter<long>("runrestore.writes.conflict_retries", description: "Writes retried after a version conflict");
}
