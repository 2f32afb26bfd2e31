using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using RunRestore.Cli.Clinics;
using RunRestore.Contracts;
using RunRestore.Testing;

namespace RunRestore.EndToEndTests.Security;

/// <summary>
/// A clinic's system on the broker, as a clinic would write it with plain RabbitMQ.Client: connected as the clinic's own
/// user (provisioned by the CLI's <see cref="ClinicProvisioning"/>, as `runrestore clinic add` does). Every attempt runs
/// on a fresh channel and returns the broker's refusal (reply code and text) or null when the broker accepted it.
/// </summary>
public sealed class ClinicBroker : IAsyncDisposable
{
    public const ushort AccessRefused = 403;
    public const ushort PreconditionFailed = 406;

    private readonly IConnection _connection;
    private readonly Dictionary<string, List<(string RoutingKey, JsonElement Body)>> _kept = [];

    private ClinicBroker(ClinicConnection details, IConnection connection)
    {
        Details = details;
        _connection = connection;
    }

    public ClinicConnection Details { get; }

    public string Clinic => Details.Clinic;

    /// <summary>Provisions <paramref name="clinic"/> on <paramref name="vhost"/> (rotating its password) and connects.</summary>
    public static async Task<ClinicBroker> ProvisionAsync(TestInfrastructure infrastructure, Uri vhost, string clinic)
    {
        var (user, password) = infrastructure.RabbitAdmin;
        using var provisioning = new ClinicProvisioning(infrastructure.RabbitManagement, user, password, vhost);
        var details = await provisioning.AddAsync(clinic, CancellationToken.None);
        var connection = await new ConnectionFactory { Uri = details.AmqpUri, ClientProvidedName = $"clinic-{clinic}" }.CreateConnectionAsync();
        return new ClinicBroker(details, connection);
    }

    /// <summary>Declares a queue of its own ("clinic.&lt;id&gt;.&lt;name&gt;") and binds it to the events exchange.</summary>
    public async Task<string> BindOwnQueueAsync(string name, string bindingKey)
    {
        var queue = Details.QueuePrefix + name;
        var refused = await TryAsync(async channel =>
        {
            await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false);
            await channel.QueuePurgeAsync(queue);
            await channel.QueueBindAsync(queue, ClinicRouting.EventsExchange, bindingKey);
        });
        return refused is null ? queue : throw new InvalidOperationException($"binding {queue} was refused: {refused}");
    }

    /// <summary>Runs <paramref name="attempt"/> on a new channel (publisher confirms on): null if accepted, else the refusal.</summary>
    public async Task<Refusal?> TryAsync(Func<IChannel, Task> attempt)
    {
        await using var channel = await _connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await attempt(channel);
            // A refused publish closes the channel asynchronously: give the broker's answer time to arrive.
            await Task.Delay(200);
            return channel.CloseReason is { } reason ? new Refusal(reason.ReplyCode, reason.ReplyText) : null;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason is not null)
        {
            return new Refusal(ex.ShutdownReason.ReplyCode, ex.ShutdownReason.ReplyText);
        }
        catch (OperationInterruptedException) when (channel.CloseReason is { } reason)
        {
            return new Refusal(reason.ReplyCode, reason.ReplyText);
        }
    }

    /// <summary>Publishes JSON as this clinic's user (user_id set, as the README asks) unless told otherwise.</summary>
    public Task<Refusal?> PublishAsync(string exchange, string routingKey, object body, string? userId = "")
    {
        var properties = new BasicProperties
        {
            ContentType = "application/cloudevents+json",
            DeliveryMode = DeliveryModes.Persistent,
            UserId = userId == "" ? Details.User : userId,
        };
        return TryAsync(channel => channel.BasicPublishAsync(exchange, routingKey, true, properties,
            JsonSerializer.SerializeToUtf8Bytes(body)).AsTask());
    }

    /// <summary>Every message waiting in one of its own queues, now.</summary>
    public async Task<IReadOnlyList<(string RoutingKey, JsonElement Body)>> DrainAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        var messages = new List<(string, JsonElement)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(result.Body.Span));
            messages.Add((result.RoutingKey, json.RootElement.Clone()));
        }

        return messages;
    }

    /// <summary>
    /// The next message in one of its own queues that matches, waiting up to 30 s; others are kept for later calls
    /// (the services publish independently, so their order is not fixed).
    /// </summary>
    public async Task<JsonElement> NextAsync(string queue, Func<string, JsonElement, bool> match)
    {
        var kept = _kept.TryGetValue(queue, out var list) ? list : _kept[queue] = [];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            kept.AddRange(await DrainAsync(queue));
            var found = kept.FindIndex(m => match(m.RoutingKey, m.Body));
            if (found >= 0)
            {
                var body = kept[found].Body;
                kept.RemoveAt(found);
                return body;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No matching message on {queue} within 30 s.");
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    public sealed record Refusal(ushort Code, string Text);
}
