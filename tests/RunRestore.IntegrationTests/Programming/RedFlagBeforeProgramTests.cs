using Grpc.Core;
using RunRestore.Auth;
using RunRestore.Contracts.Safety;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using Xunit;
using AssessmentContracts = RunRestore.Contracts.Assessment;

namespace RunRestore.IntegrationTests.Programming;

public sealed class RedFlagBeforeProgramHost() : ProgrammingHost("redflagbefore");

/// <summary>
/// Issue 13, R1-R6 through the real gRPC API, PostgreSQL and RabbitMQ: a red flag that arrives before the runner has a
/// program can be cleared by a clinician (not NOT_FOUND); the prescription that follows is then not held by it, and is
/// held by one that was not cleared.
/// </summary>
public sealed class RedFlagBeforeProgramTests(RedFlagBeforeProgramHost programming) : IClassFixture<RedFlagBeforeProgramHost>
{
    private const string Clinic = "clinic-redflag-before";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private ProgrammingService.ProgrammingServiceClient Clinician =>
        new(programming.Host.Channel(TestTokens.For(Clinic, [Scopes.ProgrammingRead, Scopes.ProgrammingClinician])));

    private async Task<(Guid RunnerId, string FlagId)> RedFlagBeforeTheScreenAsync()
    {
        var runnerId = Guid.NewGuid();
        var flagId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await programming.PublishAsync(new RedFlagRaised(runnerId, flagId, "R5", 2, "critical", "B", "groin", "left",
            ["groin_pain_running"], "Groin pain with running.", RedFlagRules.RunnerAdvice, "pain_report", [Guid.NewGuid()], today), Clinic);
        return (runnerId, flagId.ToString());
    }

    private async Task<GetCurrentProgramResponse> ScreenAsync(Guid runnerId)
    {
        var client = programming.Client(Clinic);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await programming.PublishAsync(new AssessmentContracts.AssessmentCompleted(runnerId, Guid.NewGuid(), today, today, false, "groin",
            [new("M4:hip_abductors:left", "strength_deficit", "hip_abductors", "left", 20m, "20 %", "M4", 2, "B", [], "Weak hip.")], []),
            Clinic);
        return await Eventually.GetAsync(async () =>
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
    }

    [Fact]
    public async Task A_red_flag_cleared_before_the_screen_does_not_hold_the_program_that_follows()
    {
        var (runnerId, flagId) = await RedFlagBeforeTheScreenAsync();
        var clear = new ClearRedFlagRequest { RunnerId = runnerId.ToString(), RedFlagId = flagId, Reason = "MRI clear, no stress reaction" };

        // Until programming has taken the flag in, it does not know it (NOT_FOUND); then the clearance is stored.
        var cleared = await Eventually.GetAsync(async () =>
        {
            try
            {
                return await Clinician.ClearRedFlagAsync(clear);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, "programming to take in the red flag");
        Assert.Equal(("red_flag_cleared", "R5"), (Assert.Single(cleared.Changes).Type, cleared.Changes[0].Why.RuleId));
        Assert.Equal(StatusCode.FailedPrecondition,
            (await Assert.ThrowsAsync<RpcException>(() => Clinician.ClearRedFlagAsync(clear).ResponseAsync)).StatusCode);
        await GrpcAssert.InvalidArgumentAsync(() => Clinician.ClearRedFlagAsync(
            new ClearRedFlagRequest { RunnerId = runnerId.ToString(), RedFlagId = flagId, Reason = "" }).ResponseAsync);

        var program = await ScreenAsync(runnerId);

        Assert.Empty(program.OpenRedFlags);
        Assert.DoesNotContain(RedFlagRules.RunnerAdvice, program.Advice);
        var history = (await programming.Client(Clinic).GetProgramHistoryAsync(new() { RunnerId = runnerId.ToString() })).Changes;
        var entry = Assert.Single(history, c => c.Type == "red_flag_cleared");
        Assert.Equal(("R5", 2), (entry.Why.RuleId, entry.Why.RuleVersion));
        Assert.Contains("MRI clear, no stress reaction", entry.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(history, c => c.Type == "clinician_alert_raised");
    }

    [Fact]
    public async Task A_red_flag_not_cleared_before_the_screen_holds_the_program_that_follows()
    {
        var (runnerId, flagId) = await RedFlagBeforeTheScreenAsync();

        await ScreenAsync(runnerId);

        // The flag and the screen may be taken in either order: the program is held for the flag in both.
        var program = await Eventually.GetAsync(async () =>
        {
            var current = await programming.Client(Clinic).GetCurrentProgramAsync(new() { RunnerId = runnerId.ToString() });
            return current.OpenRedFlags.Count > 0 ? current : null;
        }, Delivery, "programming to hold for the red flag");
        var open = Assert.Single(program.OpenRedFlags);
        Assert.Equal((flagId, "R5"), (open.RedFlagId, open.RuleId));
        Assert.Contains(RedFlagRules.RunnerAdvice, program.Advice);
    }
}
