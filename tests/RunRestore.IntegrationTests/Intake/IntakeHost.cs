using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RunRestore.Auth;
using RunRestore.Common.V1;
using RunRestore.Intake.Grpc;
using RunRestore.Intake.V1;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.IntegrationTests.Intake;

/// <summary>
/// Intake alone over gRPC on real PostgreSQL and RabbitMQ, with a fake clock at <see cref="TestCalendar.Today"/> so dates in
/// tests mean the same on every run.
/// </summary>
public class IntakeHost(string name) : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(TestCalendar.Today.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
    public ServiceHost<IntakeGrpcService> Host { get; private set; } = null!;

    /// <summary>This fixture's RabbitMQ virtual host.</summary>
    public Uri RabbitUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var storage = await TestClassStorage.CreateAsync(name, "intake");
        RabbitUri = storage.RabbitUri;
        Host = new(storage.Of("intake"),
            configureServices: services => services.AddSingleton<TimeProvider>(Clock));
        _ = Host.Server;
    }

    public IntakeService.IntakeServiceClient Client(string clinic, params string[] scopes) =>
        new(Host.Channel(TestTokens.For(clinic, scopes.Length == 0 ? [Scopes.IntakeWrite, Scopes.IntakeRead] : scopes)));

    public async Task<string> RegisterAsync(string clinic, string name = "Test Runner")
    {
        var response = await Client(clinic).RegisterRunnerAsync(new() { DisplayName = name, BirthYear = 1985, Sex = Sex.Female });
        return response.Runner.RunnerId;
    }

    public Task DisposeAsync() => Host?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
