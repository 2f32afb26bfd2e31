using Microsoft.Extensions.DependencyInjection;
using RunRestore.Assessment.Grpc;
using RunRestore.Auth;
using RunRestore.Common.V1;
using RunRestore.Intake.Grpc;
using RunRestore.Intake.V1;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;

namespace RunRestore.IntegrationTests.Assessment;

/// <summary>
/// Intake and assessment in memory on real PostgreSQL and RabbitMQ. Assessment calls intake over gRPC through the
/// test server, or — with <paramref name="intakeUnreachable"/> — at an address where nothing listens, while intake's
/// events still reach it through RabbitMQ.
/// </summary>
public abstract class IntakeAndAssessment(string name, bool intakeUnreachable = false) : IAsyncLifetime
{
    public ServiceHost<IntakeGrpcService> Intake { get; private set; } = null!;
    public ServiceHost<AssessmentGrpcService> Assessment { get; private set; } = null!;
    public Uri RabbitUri { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var storage = await TestClassStorage.CreateAsync(name, "intake", "assessment");
        RabbitUri = storage.RabbitUri;
        Intake = new(storage.Of("intake"));
        Assessment = new(storage.Of("assessment"),
            settings: new Dictionary<string, string?>
            {
                ["Services:Intake"] = intakeUnreachable ? "http://127.0.0.1:9" : "http://localhost",
                ["Services:IntakeDeadlineSeconds"] = "2",
            },
            configureServices: services =>
            {
                if (!intakeUnreachable)
                {
                    services.AddGrpcClient<IntakeService.IntakeServiceClient>()
                        .ConfigurePrimaryHttpMessageHandler(() => Intake.Server.CreateHandler());
                }
            });
        _ = Assessment.Server; // consumers' queues first
        _ = Intake.Server;
    }

    /// <summary>A clinician's token: both services' scopes (assessment forwards it to intake).</summary>
    public static string Token(string clinic) => TestTokens.For(clinic, Scopes.IntakeRead, Scopes.IntakeWrite,
        Scopes.AssessmentRead, Scopes.AssessmentWrite);

    public IntakeService.IntakeServiceClient IntakeClient(string clinic) => new(Intake.Channel(Token(clinic)));

    public AssessmentApi.AssessmentService.AssessmentServiceClient AssessmentClient(string clinic) => new(Assessment.Channel(Token(clinic)));

    /// <summary>Registers a runner at intake and waits until assessment has learned them.</summary>
    public async Task<string> RegisterAsync(string clinic, int birthYear = 1986, Sex sex = Sex.Male)
    {
        var runner = (await IntakeClient(clinic).RegisterRunnerAsync(new() { DisplayName = "Screened Runner", BirthYear = birthYear, Sex = sex })).Runner;
        await Eventually.GetAsync(async () => (await AssessmentClient(clinic).GetRunnerAsync(new() { RunnerId = runner.RunnerId })).Runner,
            TimeSpan.FromSeconds(30), "assessment to learn the runner");
        return runner.RunnerId;
    }

    public async Task DisposeAsync()
    {
        if (Intake is not null)
        {
            await Intake.DisposeAsync();
        }

        if (Assessment is not null)
        {
            await Assessment.DisposeAsync();
        }
    }
}
