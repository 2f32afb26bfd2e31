using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;

namespace RunRestore.Chaos;

/// <summary>A CloudEvent as the clinic's system received it, and how many times (redeliveries carry the same id).</summary>
internal sealed class Arrival(string type, string? clinic, string? painReportId, string? assessmentId, double at)
{
    private int _deliveries;

    public string Type { get; } = type;
    public string? Clinic { get; } = clinic;
    public string? PainReportId { get; } = painReportId;
    public string? AssessmentId { get; } = assessmentId;
    public double FirstAt { get; } = at;
    public int Deliveries => _deliveries;

    public void Delivered() => Interlocked.Increment(ref _deliveries);
}

/// <summary>
/// Listens as a clinic's system would, with RabbitMQ.Client only: a durable queue of its own bound to the topic exchange
/// <c>runrestore.clinic-events</c> with <c>#</c> (any routing key, the type-only keys of today and
/// <c>clinic.&lt;clinic&gt;.&lt;type&gt;</c> alike), bound before any load, so what is published while the tap is
/// disconnected (a broker restart) waits in the queue. Each message is recorded by CloudEvent id before it is acked: a
/// message delivered again after a broken connection counts as a redelivery of the same id.
/// </summary>
internal sealed class ClinicEventTap(Uri rabbit)
{
    public const string Exchange = "runrestore.clinic-events";
    public const string Queue = "runrestore-chaos.clinic-events";
    private readonly ConcurrentDictionary<string, Arrival> _arrivals = new();
    private int _deliveries;
    private int _reconnects;

    public IReadOnlyDictionary<string, Arrival> Arrivals => _arrivals;
    public int Deliveries => _deliveries;
    public int Reconnects => _reconnects;
    public int Unreadable { get; private set; }

    /// <summary>Declares the queue and binds it (the exchange as the services declare it), empty.</summary>
    public async Task BindAsync(CancellationToken ct)
    {
        await using var connection = await Factory().CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        await channel.QueueBindAsync(Queue, Exchange, "#", cancellationToken: ct);
        await channel.QueuePurgeAsync(Queue, ct);
    }

    /// <summary>Reads until cancelled, reconnecting (once a second at most) whenever the broker goes away.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await Factory().CreateConnectionAsync(ct);
                await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
                while (!ct.IsCancellationRequested)
                {
                    var message = await channel.BasicGetAsync(Queue, autoAck: false, ct);
                    if (message is null)
                    {
                        await Task.Delay(100, ct);
                        continue;
                    }

                    Record(message.Body.Span);
                    await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // any broker or socket failure: reconnect, the queue keeps what arrives meanwhile
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _reconnects);
                try
                {
                    await Task.Delay(1000, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void Record(ReadOnlySpan<byte> body)
    {
        Interlocked.Increment(ref _deliveries);
        try
        {
            var reader = new Utf8JsonReader(body);
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var data = root.TryGetProperty("data", out var d) ? d : default;
            var arrival = _arrivals.GetOrAdd(id, _ => new Arrival(root.GetProperty("type").GetString() ?? "?",
                root.TryGetProperty("clinic", out var c) ? c.GetString() : null, Text(data, "painReportId"), Text(data, "assessmentId"),
                Clock.Now));
            arrival.Delivered();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Unreadable++;
        }
    }

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) ? v.ToString() : null;

    private ConnectionFactory Factory() => new()
    {
        Uri = rabbit,
        ClientProvidedName = "runrestore-chaos-clinic",
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
    };
}
