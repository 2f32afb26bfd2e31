using Grpc.Core;
using JasperFx.Events.Daemon;
using RunRestore.Auth;
using RunRestore.Common.V1;
using RunRestore.Intake.Grpc;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.EventStore;

/// <summary>Intake as production runs it: the async daemon in HotCold mode, so any replica can lead.</summary>
public sealed class HotColdServices() : ThreeServices("hotcold")
{
    protected override DaemonMode IntakeDaemonMode => DaemonMode.HotCold;
}

/// <summary>
/// Proves the Marten shim works where it matters (TECH-NOTES.md): under HotCold leadership the forwarding
/// subscription runs, and when the leading replica stops another one takes over.
/// </summary>
public sealed class HotColdDaemonTests(HotColdServices services) : IClassFixture<HotColdServices>
{
    private const string Clinic = "clinic-hotcold";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task The_hotcold_daemon_forwards_events_and_a_second_replica_takes_over_when_the_leader_stops()
    {
        var first = await RegisterAsync(services.Intake.Channel(TestTokens.For(Clinic, Scopes.IntakeWrite)), "Leader Era");
        await SeenByAssessmentAsync(first);

        // A second replica on the same schema: it stays cold while the first one leads.
        await using var replica = new ServiceHost<IntakeGrpcService>(
            services.Storage.Of("intake"), DaemonMode.HotCold);
        _ = replica.Server;
        await services.Intake.DisposeAsync();

        var second = await RegisterAsync(replica.Channel(TestTokens.For(Clinic, Scopes.IntakeWrite)), "Replica Era");
        var seen = await SeenByAssessmentAsync(second);

        Assert.Equal("Replica Era", seen.DisplayName);
    }

    private static async Task<string> RegisterAsync(Grpc.Net.Client.GrpcChannel channel, string name)
    {
        var client = new IntakeApi.IntakeService.IntakeServiceClient(channel);
        var response = await client.RegisterRunnerAsync(new() { DisplayName = name, BirthYear = 1979, Sex = Sex.Male });
        return response.Runner.RunnerId;
    }

    private Task<RunnerSummary> SeenByAssessmentAsync(string runnerId) =>
        Eventually.GetAsync(async () =>
        {
            var client = new AssessmentApi.AssessmentService.AssessmentServiceClient(
                services.Assessment.Channel(TestTokens.For(Clinic, Scopes.AssessmentRead)));
            try
            {
                return (await client.GetRunnerAsync(new() { RunnerId = runnerId })).Runner;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, $"assessment to learn runner {runnerId}");
}
