using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using RunRestore.Contracts;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>Maps a service's domain events to the integration events other services and clinics see.</summary>
public interface IIntegrationEventMap
{
    /// <summary>The integration event for <paramref name="domainEvent"/>, or null when it stays inside the service.</summary>
    object? ToIntegrationEvent(IEvent domainEvent);
}

/// <summary>
/// The event store is the outbox (ARCHITECTURE.md): this Marten subscription publishes each committed event to
/// RabbitMQ with MessageId = event id, CorrelationId = stream id and the clinic in a header. Marten stores the
/// subscription's position only after a page is published, so a crash or broker outage delays messages and a
/// restart may publish some again (at least once); consumers dedupe on MessageId. Clinic-facing events also go out as
/// CloudEvents (<see cref="ClinicEventPublisher"/>), with the same at-least-once guarantee.
/// </summary>
public sealed partial class EventForwarder : SubscriptionBase
{
    public const string ClinicHeader = "clinic";

    /// <summary>The subscription's name; Marten tracks its position as "integration-events:All".</summary>
    public const string SubscriptionName = "integration-events";

    private readonly IBus _bus;
    private readonly IIntegrationEventMap _map;
    private readonly ClinicEventPublisher _clinicEvents;
    private readonly ForwarderStatus _status;
    private readonly EventPipelineOptions _options;
    private readonly ILogger<EventForwarder> _logger;
    private const double SlowPageSeconds = 2;
    private bool _firstPage = true;

    public EventForwarder(IBus bus, IIntegrationEventMap map, ClinicEventPublisher clinicEvents, ForwarderStatus status,
        EventPipelineOptions options, ILogger<EventForwarder> logger)
    {
        _bus = bus;
        _map = map;
        _clinicEvents = clinicEvents;
        _status = status;
        _options = options;
        _logger = logger;
        Name = SubscriptionName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // Each stream's events in order, the streams side by side: publishes of a page are pipelined (the broker confirms
        // many at once) instead of one round trip each, and a runner's events still reach the broker in stream order.
        var pending = new List<Queue<Outgoing>>();
        foreach (var stream in page.Events.GroupBy(e => e.StreamId))
        {
            var queue = new Queue<Outgoing>();
            foreach (var domainEvent in stream)
            {
                if (_map.ToIntegrationEvent(domainEvent) is { } message)
                {
                    queue.Enqueue(new Outgoing(domainEvent, message));
                }
            }

            if (queue.Count > 0)
            {
                pending.Add(queue);
            }
        }

        var started = Stopwatch.GetTimestamp();
        var count = pending.Sum(stream => stream.Count);
        await PublishUntilConfirmedAsync(pending, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (_firstPage || seconds > SlowPageSeconds)
        {
            // The first page after a start and any slow one are worth an operator's eye; the rest is in the metrics.
            LogPage(_logger, count, page.SequenceFloor, page.SequenceCeiling, seconds);
            _firstPage = false;
        }

        return NullChangeListener.Instance;
    }

    private sealed record Outgoing(IEvent Event, object Message);

    // A failed publish never leaves this method (only shutdown does): if it threw, the daemon would pause the
    // subscription and, after a broker restart, fail for good with "Progression ... is out of order". So the page stays
    // here: every stream that has an unconfirmed event is retried from that event, with capped, jittered back-off, and
    // Marten records the position only once every event of the page is confirmed by the broker. A retry may publish an
    // event twice (same MessageId / CloudEvent id): consumers dedupe.
    private async Task PublishUntilConfirmedAsync(List<Queue<Outgoing>> pending, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, _options.PublishConcurrency),
            CancellationToken = cancellationToken,
        };
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            Exception? lastError = null;
            await Parallel.ForEachAsync(pending, parallel, async (stream, ct) =>
            {
                while (stream.TryPeek(out var next))
                {
                    try
                    {
                        await PublishAsync(next, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        // The rest of this stream waits for the next round, so its events stay in order.
                        lastError = ex;
                        return;
                    }

                    stream.Dequeue();
                }
            }).ConfigureAwait(false);

            pending.RemoveAll(stream => stream.Count == 0);
            if (pending.Count == 0 || lastError is null)
            {
                return;
            }

            _status.Failed(lastError);
            var delay = Backoff(attempt);
            var waiting = pending.Sum(stream => stream.Count);
            LogPublishFailed(_logger, waiting, pending.Count, attempt, delay.TotalMilliseconds, lastError);
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(Outgoing outgoing, CancellationToken cancellationToken)
    {
        var (domainEvent, message) = outgoing;
        using var activity = StartForwardActivity(domainEvent);
        // rabbitmq-dotnet-client #1930: a publish can hang after a broker restart, so never wait forever.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            var toServices = _bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = domainEvent.Id;
                context.CorrelationId = domainEvent.StreamId;
                context.Headers.Set(ClinicHeader, domainEvent.TenantId);
            }, timeout.Token);
            // The services' message and the clinics' CloudEvent go to different exchanges and readers: confirmed together,
            // so a clinic-facing event costs one broker round trip on its stream's path, not two.
            var toClinics = message is IClinicEvent clinicEvent
                ? _clinicEvents.PublishAsync(clinicEvent, domainEvent.Id, domainEvent.TenantId, domainEvent.Timestamp, timeout.Token)
                : Task.CompletedTask;
            // Passing the token is not enough: a publish through a bus whose start was cut short by a broker outage was
            // seen to wait for ever without looking at it (chaos run of 2026-12-02 10:00 UTC, programming restarted
            // just before a broker restart). Stop waiting when the token fires whatever the publish does; the round retries.
            await Task.WhenAll(toServices, toClinics).WaitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            RunRestoreDiagnostics.PublishFailures.Add(1);
            throw;
        }

        _status.Published();
        RunRestoreDiagnostics.EventsForwarded.Add(1, new KeyValuePair<string, object?>("event", domainEvent.EventTypeName));
        LogForwarded(_logger, domainEvent.EventTypeName, domainEvent.Id, domainEvent.StreamId);
    }

    // 0.25 s, 0.5 s, 1 s, 2 s, then every ~2-3 s: a broker that comes back is used again within seconds.
    private TimeSpan Backoff(int attempt)
    {
        var capped = Math.Min(_options.PublishRetryMaxDelay.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(attempt - 1, 10)));
        return TimeSpan.FromMilliseconds(capped * (0.75 + Random.Shared.NextDouble() * 0.5));
    }

    // Continue the trace of the request that appended the event, so one trace runs from the partner's call
    // to every consumer.
    private static Activity? StartForwardActivity(IEvent domainEvent)
    {
        ActivityContext parent = default;
        if (domainEvent.Headers?.TryGetValue(ClinicSessionFactory.TraceParentHeader, out var traceParent) == true
            && traceParent is not null)
        {
            ActivityContext.TryParse(traceParent.ToString(), null, out parent);
        }

        var activity = RunRestoreDiagnostics.Source.StartActivity($"forward {domainEvent.EventTypeName}",
            ActivityKind.Producer, parent);
        activity?.SetTag("runrestore.event.id", domainEvent.Id);
        activity?.SetTag("runrestore.stream.id", domainEvent.StreamId);
        activity?.SetTag("runrestore.clinic", domainEvent.TenantId);
        return activity;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Forwarded {Count} events of sequence ({Floor}, {Ceiling}] in {Seconds:0.0} s")]
    private static partial void LogPage(ILogger logger, int count, long floor, long ceiling, double seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Forwarded {EventType} {EventId} of stream {StreamId}")]
    private static partial void LogForwarded(ILogger logger, string eventType, Guid eventId, Guid streamId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Publishing failed: {Waiting} events of {Streams} streams not confirmed yet (round {Attempt}); retrying in {DelayMs:0} ms")]
    private static partial void LogPublishFailed(ILogger logger, int waiting, int streams, int attempt, double delayMs,
        Exception ex);
}
