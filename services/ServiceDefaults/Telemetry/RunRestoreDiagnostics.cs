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
}
