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
    private IChannel? _channel;

    public string Source => $"urn:runrestore:{service}";

    /// <summary>The CloudEvents type of a clinic event: "runrestore.{service}.{snake_case name}".</summary>
    public string TypeOf(IClinicEvent message) =>
        $"runrestore.{service}.{UpperCase().Replace(message.GetType().Name, "_$1").TrimStart('_').ToLowerInvariant()}";

    public async Task PublishAsync(IClinicEvent message, Guid eventId, string clinic, DateTimeOffset time, CancellationToken ct)
    {
        var type = TypeOf(message);
        using var activity = RunRestoreDiagnostics.Source.StartActivity($"publish {type}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "rabbitmq");
        activity?.SetTag("messaging.destination.name", Exchange);
        var cloudEvent = new Dictionary<string, object?>
        {
            ["specversion"] = "1.0",
            ["id"] = eventId.ToString(),
            ["source"] = Source,
            ["type"] = type,
            ["subject"] = message.RunnerId.ToString(),
            ["time"] = time.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["datacontenttype"] = "application/json",
            // Extensions: the tenant, and W3C trace context so a clinic can continue the trace (distributed tracing extension).
            ["clinic"] = clinic,
            ["traceparent"] = Activity.Current?.Id,
            ["data"] = message,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes<object>(cloudEvent, Json);
        var properties = new BasicProperties
        {
            MessageId = eventId.ToString(),
            ContentType = "application/cloudevents+json",
            DeliveryMode = DeliveryModes.Persistent,
            Type = type,
        };

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var channel = await ChannelAsync(ct).ConfigureAwait(false);
            await channel.BasicPublishAsync(Exchange, ClinicRouting.EventKey(clinic, type), mandatory: false, properties, body, ct)
                .ConfigureAwait(false);
        }
        catch
        {
            // A broken channel is rebuilt on the next publish; the subscription retries this one.
            await ResetAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken ct)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }

        await ResetAsync().ConfigureAwait(false);
        var uri = configuration["RabbitMq:Uri"] ?? throw new InvalidOperationException("RabbitMq:Uri is not configured.");
        _connection = await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = $"{service}-clinic-events" }
            .CreateConnectionAsync(ct).ConfigureAwait(false);
        _channel = await _connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct).ConfigureAwait(false);
        await _channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct)
            .ConfigureAwait(false);
        return _channel;
    }

    private async Task ResetAsync()
    {
        if (_channel is not null) await _channel.DisposeAsync().ConfigureAwait(false);
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _channel = null;
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();
}
