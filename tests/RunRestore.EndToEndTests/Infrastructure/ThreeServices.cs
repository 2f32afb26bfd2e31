using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RunRestore.Assessment.Grpc;
using RunRestore.Intake.Grpc;
using RunRestore.Intake.V1;
using RunRestore.Programming.Grpc;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.EndToEndTests.Infrastructure;

/// <summary>
/// The three services in memory on one real PostgreSQL database (a schema each, named after the test class) and one
/// real RabbitMQ virtual host of their own. Consumers start before intake so their queues exist before anything is
/// published.
/// </summary>
public abstract class ThreeServices(string name) : IAsyncLifetime
{
    public ActivityCollection Activities { get; } = new();
    public TestInfrastructure Infrastructure { get; private set; } = null!;

    /// <summary>The RabbitMQ virtual host of this test class.</summary>
    public Uri RabbitUri { get; private set; } = null!;
    public ServiceHost<IntakeGrpcService> Intake { get; private set; } = null!;
    public ServiceHost<AssessmentGrpcService> Assessment { get; private set; } = null!;
    public ServiceHost<ProgrammingGrpcService> Programming { get; private set; } = null!;

    protected virtual DaemonMode IntakeDaemonMode => DaemonMode.Solo;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.GetAsync();
        var rabbit = RabbitUri = await Infrastructure.CreateVirtualHostAsync($"test-{name}");
        await DropSchemasAsync();

        // Assessment and programming call intake over gRPC through its test server.
        void CallIntakeInMemory(IServiceCollection services) => services.AddGrpcClient<IntakeService.IntakeServiceClient>()
            .ConfigurePrimaryHttpMessageHandler(() => Intake.Server.CreateHandler());
        var intakeAddress = new Dictionary<string, string?> { ["Services:Intake"] = "http://localhost" };
        Assessment = new(Storage("assessment", rabbit), exportedActivities: Activities, settings: intakeAddress,
            configureServices: CallIntakeInMemory);
        Programming = new(Storage("programming", rabbit), exportedActivities: Activities, settings: intakeAddress,
            configureServices: CallIntakeInMemory);
        _ = Assessment.Server;
        _ = Programming.Server;
        Intake = new(Storage("intake", rabbit), IntakeDaemonMode, Activities);
        _ = Intake.Server;
    }

    public ServiceStorage Storage(string service, Uri rabbit) =>
        new(Infrastructure.PostgresConnectionString, $"{name}_{service}", rabbit);

    private async Task DropSchemasAsync()
    {
        await using var connection = new NpgsqlConnection(Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        foreach (var service in new[] { "intake", "assessment", "programming" })
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {name}_{service} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    public async Task DisposeAsync()
    {
        // Producers first, then consumers.
        if (Intake is not null)
        {
            await Intake.DisposeAsync();
        }

        if (Programming is not null)
        {
            await Programming.DisposeAsync();
        }

        if (Assessment is not null)
        {
            await Assessment.DisposeAsync();
        }
    }
}
