using Grpc.Core;
using RunRestore.Contracts.Intake;
using RunRestore.Testing;
using Xunit;
using AssessmentContracts = RunRestore.Contracts.Assessment;

namespace RunRestore.IntegrationTests.Programming;

public sealed class WellnessHoldHost() : ProgrammingHost("wellnesshold");

/// <summary>
/// Issue 13, S1/S2 (rule set v2) through the real gRPC API, PostgreSQL and RabbitMQ: intake's LoadFlagRaised for high
/// stress holds the program's progressions and says so; its LoadFlagCleared ends the hold.
/// </summary>
public sealed class WellnessHoldTests(WellnessHoldHost programming) : IClassFixture<WellnessHoldHost>
{
    private const string Clinic = "clinic-wellness";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task High_stress_holds_progressions_naming_S2_until_intake_clears_the_flag()
    {
        var runnerId = Guid.NewGuid();
        var client = programming.Client(Clinic);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await programming.PublishAsync(new AssessmentContracts.AssessmentCompleted(runnerId, Guid.NewGuid(), today, today, false, "anterior_knee",
            [new("M4:hip_abductors:left", "strength_deficit", "hip_abductors", "left", 20m, "20 %", "M4", 2, "B", [], "Weak hip.")], []),
            Clinic);
        await Eventually.GetAsync(async () =>
        {
            try
            {
                return await client.GetCurrentProgramAsync(new() { RunnerId = runnerId.ToString() });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, "programming to prescribe");

        await programming.PublishAsync(new LoadFlagRaised(runnerId, "S2", 2, "high_stress", "caution", "B",
            new Dictionary<string, decimal> { ["stress_average"] = 4.3m }, "Stress 4.3/5 for a week.", [], today), Clinic);
        var held = await Eventually.GetAsync(async () =>
        {
            var program = await client.GetCurrentProgramAsync(new() { RunnerId = runnerId.ToString() });
            return program.Advice.FirstOrDefault(a => a.Contains("(S2)", StringComparison.Ordinal));
        }, Delivery, "programming to hold for S2");
        Assert.Contains("strength exercises stay at their current step", held, StringComparison.Ordinal);
        var history = await client.GetProgramHistoryAsync(new() { RunnerId = runnerId.ToString() });
        Assert.Contains(history.Changes, c => c.Type == "progressions_held" && c.Why.RuleId == "S2" && c.Why.RuleVersion == 2);

        await programming.PublishAsync(new LoadFlagCleared(runnerId, "S2", "high_stress", "Stress back under 4/5.", today), Clinic);
        await Eventually.GetAsync(async () =>
        {
            var changes = (await client.GetProgramHistoryAsync(new() { RunnerId = runnerId.ToString() })).Changes;
            return changes.FirstOrDefault(c => c.Type == "progressions_resumed" && c.Why.RuleId == "S2");
        }, Delivery, "programming to end the S2 hold");
        var after = await client.GetCurrentProgramAsync(new() { RunnerId = runnerId.ToString() });
        Assert.DoesNotContain(after.Advice, a => a.Contains("(S2)", StringComparison.Ordinal));
    }
}
