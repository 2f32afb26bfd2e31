using System.Text.Json;
using RabbitMQ.Client;
using RunRestore.Auth;
using RunRestore.Programming.Grpc;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.IntegrationTests.Programming;

/// <summary>
/// Programming alone over gRPC on real PostgreSQL and RabbitMQ. The messages it consumes are published on the broker
/// as the other services publish them (MassTransit's envelope on the contract's exchange); intake is not running, so a
/// prescription plans its week without hard runs.
/// </summary>
public class ProgrammingHost(string name) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions MassTransitJson = new(JsonSerializerDefaults.Web);

    public ServiceHost<ProgrammingGrpcService> Host { get; private set; } = null!;

    public Uri RabbitUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var storage = await TestClassStorage.CreateAsync(name, "programming");
        RabbitUri = storage.RabbitUri;
        Host = new(storage.Of("programming"), settings: new Dictionary<string, string?>
        {
            ["Services:Intake"] = "http://127.0.0.1:9", ["Services:IntakeDeadlineSeconds"] = "1",
        });
        _ = Host.Server;
    }

    public ProgrammingService.ProgrammingServiceClient Client(string clinic) =>
        new(Host.Channel(TestTokens.For(clinic, [Scopes.ProgrammingRead, Scopes.ProgrammingWrite])));

    /// <summary>Publishes <paramref name="message"/> as a MassTransit publisher would, for <paramref name="clinic"/>.</summary>
    public async Task PublishAsync<T>(T message, string clinic) where T : class
    {
        var contract = typeof(T).FullName!.Replace("RunRestore.Contracts.", "", StringComparison.Ordinal);
        var urn = "RunRestore.Contracts." + contract[..contract.LastIndexOf('.')] + ":" + typeof(T).Name;
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:" + urn },
            headers = new Dictionary<string, object> { ["clinic"] = clinic },
            message,
        };
        await using var connection = await new ConnectionFactory { Uri = RabbitUri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(urn, "", false, properties, JsonSerializer.SerializeToUtf8Bytes(envelope, MassTransitJson));
    }

    public Task DisposeAsync() => Host?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
