using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace RunRestore.Testing;

/// <summary>
/// A clinic's system as seen from RabbitMQ.Client alone (no MassTransit): binds queues to topic exchanges, reads
/// CloudEvents, publishes JSON.
/// </summary>
public sealed class RawRabbitClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly Dictionary<string, List<Delivery>> _unmatched = [];
    private IChannel _channel;

    private RawRabbitClient(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>A delivered message: its JSON body and its AMQP headers as strings.</summary>
    public sealed record Delivery(JsonElement Body, IReadOnlyDictionary<string, string> Headers, string? RoutingKey);

    public static async Task<RawRabbitClient> ConnectAsync(Uri vhost)
    {
        var connection = await new ConnectionFactory { Uri = vhost }.CreateConnectionAsync();
        return new RawRabbitClient(connection, await connection.CreateChannelAsync());
    }

    /// <summary>A new exclusive queue bound to a durable topic exchange with these routing keys (patterns).</summary>
    public async Task<string> BindTopicAsync(string exchange, params string[] routingKeys)
    {
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        var queue = await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        foreach (var key in routingKeys)
        {
            await _channel.QueueBindAsync(queue.QueueName, exchange, key);
        }

        return queue.QueueName;
    }

    public async Task PublishJsonAsync(string exchange, string routingKey, object body)
    {
        await _channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true);
        var properties = new BasicProperties { ContentType = "application/cloudevents+json", DeliveryMode = DeliveryModes.Persistent };
        await _channel.BasicPublishAsync(exchange, routingKey, false, properties, JsonSerializer.SerializeToUtf8Bytes(body));
    }

    /// <summary>
    /// The next message on <paramref name="queue"/> that matches, waiting up to <paramref name="timeout"/>. Messages that
    /// do not match are kept for later calls (services publish independently, so order across them is not fixed). A
    /// queue that does not exist yet (e.g. an error queue before the first fault) is waited for.
    /// </summary>
    public async Task<Delivery> NextAsync(string queue, Func<Delivery, bool>? match = null, TimeSpan? timeout = null)
    {
        match ??= _ => true;
        var kept = _unmatched.TryGetValue(queue, out var list) ? list : _unmatched[queue] = [];
        return await Eventually.GetAsync(async () =>
        {
            if (kept.FirstOrDefault(match) is { } earlier)
            {
                kept.Remove(earlier);
                return earlier;
            }

            BasicGetResult? result;
            try
            {
                result = await _channel.BasicGetAsync(queue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // 404 closes the channel: open a new one and look again.
                _channel = await _connection.CreateChannelAsync();
                return null;
            }

            if (result is null)
            {
                return null;
            }

            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(result.Body.Span));
            var headers = (result.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(h => h.Key,
                h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString() ?? "");
            var delivery = new Delivery(json.RootElement.Clone(), headers, result.RoutingKey);
            if (match(delivery))
            {
                return delivery;
            }

            kept.Add(delivery);
            return null;
        }, timeout ?? TimeSpan.FromSeconds(30), $"a message on {queue}");
    }

    /// <summary>How many messages wait in <paramref name="queue"/>.</summary>
    public Task<uint> CountAsync(string queue) => _channel.MessageCountAsync(queue);

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
