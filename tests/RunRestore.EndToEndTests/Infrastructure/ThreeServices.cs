using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
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
    public TestInfrastructure Infrastructure => Storage.Infrastructure;

    /// <summary>This test class's schemas and RabbitMQ virtual host.</summary>
    public TestClassStorage Storage { get; private set; } = null!;

    /// <summary>The RabbitMQ virtual host of this test class.</summary>
    public Uri RabbitUri => Storage.RabbitUri;
    public ServiceHost<IntakeGrpcService> Intake { get; private set; } = null!;
    public ServiceHost<AssessmentGrpcService> Assessment { get; private set; } = null!;
    public ServiceHost<ProgrammingGrpcService> Programming { get; private set; } = null!;

    protected virtual DaemonMode IntakeDaemonMode => DaemonMode.Solo;

    /// <summary>What a test class adds to all three services' registrations (e.g. one fake clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        Storage = await TestClassStorage.CreateAsync(name, "intake", "assessment", "programming");

        // Assessment and programming call intake over gRPC through its test server.
        void CallIntakeInMemory(IServiceCollection services)
        {
            services.AddGrpcClient<IntakeService.IntakeServiceClient>()
                .ConfigurePrimaryHttpMessageHandler(() => Intake.Server.CreateHandler());
            ConfigureServices(services);
        }

        var intakeAddress = new Dictionary<string, string?> { ["Services:Intake"] = "http://localhost" };
        Assessment = new(Storage.Of("assessment"), exportedActivities: Activities, settings: intakeAddress,
            configureServices: CallIntakeInMemory);
        Programming = new(Storage.Of("programming"), exportedActivities: Activities, settings: intakeAddress,
            configureServices: CallIntakeInMemory);
        _ = Assessment.Server;
        _ = Programming.Server;
        Intake = new(Storage.Of("intake"), IntakeDaemonMode, Activities, configureServices: ConfigureServices);
        _ = Intake.Server;
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
