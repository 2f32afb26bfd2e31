using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace RunRestore.Testing;

/// <summary>
/// Reads what the services publish with RabbitMQ.Client only (no MassTransit): a temporary queue per exchange,
/// bound before anything is published. MassTransit publishes each message type to a durable fanout exchange
/// named "Namespace:Type".
/// </summary>
public sealed class RawRabbitSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Dictionary<string, string> _queues;

    private RawRabbitSubscriber(IConnection connection, IChannel channel, Dictionary<string, string> queues)
    {
        _connection = connection;
        _channel = channel;
        _queues = queues;
    }

    /// <summary>A message as a clinic's system would read it: the envelope's id, the clinic header and the payload.</summary>
    public sealed record Envelope(string MessageId, string? Clinic, JsonElement Message);

    public static async Task<RawRabbitSubscriber> StartAsync(Uri vhost, IEnumerable<string> exchanges)
    {
        var connection = await new ConnectionFactory { Uri = vhost }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queues = new Dictionary<string, string>();
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync(queue.QueueName, exchange, "");
            queues[exchange] = queue.QueueName;
        }

        return new RawRabbitSubscriber(connection, channel, queues);
    }

    /// <summary>The next message from <paramref name="exchange"/> that matches, skipping others (e.g. another test's).</summary>
    public async Task<Envelope> NextAsync(string exchange, Func<Envelope, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var next = await NextAsync(exchange);
            if (match(next))
            {
                return next;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching message on {exchange} within 30 s.");
            }
        }
    }

    /// <summary>The next message from <paramref name="exchange"/>, waiting up to 30 s.</summary>
    public async Task<Envelope> NextAsync(string exchange)
    {
        var result = await Eventually.GetAsync(() => _channel.BasicGetAsync(_queues[exchange], autoAck: true),
            TimeSpan.FromSeconds(30), $"a message on {exchange}");
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(result.Body.Span));
        var root = json.RootElement.Clone();
        var clinic = root.TryGetProperty("headers", out var headers) && headers.TryGetProperty("clinic", out var c)
            ? c.GetString() : null;
        return new Envelope(root.GetProperty("messageId").GetString()!, clinic, root.GetProperty("message"));
    }

    /// <summary>Every message waiting on <paramref name="exchange"/>'s queue now, without waiting for more.</summary>
    public async Task<IReadOnlyList<Envelope>> DrainAsync(string exchange)
    {
        var envelopes = new List<Envelope>();
        while (await _channel.BasicGetAsync(_queues[exchange], autoAck: true) is { } result)
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(result.Body.Span));
            var root = json.RootElement.Clone();
            envelopes.Add(new Envelope(root.GetProperty("messageId").GetString()!, null, root.GetProperty("message")));
        }

        return envelopes;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
