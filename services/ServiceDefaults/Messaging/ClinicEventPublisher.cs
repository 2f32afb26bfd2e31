using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RunRestore.Contracts;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.ServiceDefaults.Messaging;

/// <summary>
/// Publishes clinic-facing events as CloudEvents 1.0 JSON to the durable topic exchange
/// <see cref="Exchange"/>, routed by clinic and type (<see cref="ClinicRouting.EventKey"/>, e.g.
/// "clinic.acme.programming.program_adapted"), so a clinic's system in any language binds "clinic.&lt;its id&gt;.#" and
/// receives its own runners' events only (docs/asyncapi.yaml). Plain RabbitMQ.Client with publisher
/// confirms: the forwarding subscription only moves on once the broker has the message. <c>source</c> + <c>id</c>
/// (the event store's event id) is the idempotency key for receivers.
/// </summary>
public sealed partial class ClinicEventPublisher(IConfiguration configuration, string service) : IAsyncDisposable
{
    public const string Exchange = ClinicRouting.EventsExchange;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private volatile IChannel? _channel;

    public string Source => $"urn:runrestore:{service}";

    /// <summary>The CloudEvents type of a clinic event: "runrestore.{service}.{snake_case name}".</summary>
    public string TypeOf(IClinicEvent message) =>
        $"runrestore.{service}.{UpperCase().Replace(message.GetType().Name, "_$1").TrimStart('_').ToLowerInvariant()}";

    public Task PublishAsync(IClinicEvent message, Guid eventId, string clinic, DateTimeOffset time, CancellationToken ct) =>
        PublishAsync(TypeOf(message), message.RunnerId.ToString(), eventId, clinic, time, message, ct);

    /// <summary>
    /// Any CloudEvent for one clinic, routed under its prefix (e.g. a refused inbound screen's reason, which has no
    /// integration event behind it).
    /// </summary>
    public async Task PublishAsync(string type, string subject, Guid eventId, string clinic, DateTimeOffset time, object data,
        CancellationToken ct)
    {
        using var activity = RunRestoreDiagnostics.Source.StartActivity($"publish {type}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", Exchange);
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = eventId.ToString(),
            ["source"] = Source,
            ["type"] = type,
            ["subject"] = subject,
            ["time"] = time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",
            // Extensions: the tenant, and W3C trace context so a clinic can continue the trace (distributed tracing extension).
            ["clinic"] = clinic,
            ["traceparent"] = Activity.Current?.Id,
            ["data"] = data,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes<object>(cloudEvent, Json);
        var properties = new BasicProperties
        {
            MessageId = eventId.ToString(),
            ContentType = "application/cloudevents+json",
            DeliveryMode = DeliveryModes.Persistent,
            Type = type,
        };

        // RabbitMQ.Client 7 tracks confirms per publish: many publishes share the channel and are confirmed together.
        var channel = await ChannelAsync(ct).ConfigureAwait(false);
        try
        {
            await channel.BasicPublishAsync(Exchange, ClinicRouting.EventKey(clinic, type), mandatory: false, properties, body, ct)
                .ConfigureAwait(false);
        }
        catch
        {
            // A broken channel is rebuilt on the next publish; the subscription retries this one.
            await ResetAsync(channel).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true } open)
        {
            return open;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_channel is { IsOpen: true } opened)
            {
                return opened;
            }

            await CloseAsync().ConfigureAwait(false);
            _connection = await new ConnectionFactory { Uri = RabbitMqAddress.ServiceUri(configuration), ClientProvidedName = $"{service}-clinic-events" }
                .CreateConnectionAsync(ct).ConfigureAwait(false);
            var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct).ConfigureAwait(false);
            await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct)
                .ConfigureAwait(false);
            _channel = channel;
            return channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    // Drops the connection if <paramref name="failed"/> is still the current channel (another publish may have rebuilt it).
    private async Task ResetAsync(IChannel failed)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (ReferenceEquals(_channel, failed))
            {
                await CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseAsync()
    {
        var channel = _channel;
        var connection = _connection;
        _channel = null;
        _connection = null;
        if (channel is not null)
        {
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();
}
