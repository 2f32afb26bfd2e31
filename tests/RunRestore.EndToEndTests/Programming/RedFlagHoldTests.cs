using System.Globalization;
using Grpc.Core;
using RunRestore.Auth;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.EndToEndTests.Security;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;
using RedFlagRules = RunRestore.Contracts.Safety.RedFlagRules;

namespace RunRestore.EndToEndTests.Programming;

public sealed class RedFlagHoldServices() : ThreeServices("redflaghold");

/// <summary>
/// Issue 13, R1-R6 through the real gRPC API, PostgreSQL and RabbitMQ: a red flag published as intake publishes it for
/// a pain report holds the runner's program (critical alert, no progressions, no Improve by hand, the runner told to
/// see their clinician) until a clinician clears it with a reason, which clinics hear as RedFlagCleared.
/// </summary>
public sealed class RedFlagHoldTests(RedFlagHoldServices services) : IClassFixture<RedFlagHoldServices>
{
    private const string Clinic = "clinic-redflags";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ProgrammingService.ProgrammingServiceClient Client(RedFlagHoldServices services, params string[] scopes) =>
        new(services.Programming.Channel(TestTokens.For(Clinic, scopes)));

    private async Task<string> ProgramOfANewRunnerAsync()
    {
        var token = TestTokens.AllScopes(Clinic);
        var intake = new IntakeApi.IntakeService.IntakeServiceClient(services.Intake.Channel(token));
        var assessment = new AssessmentApi.AssessmentService.AssessmentServiceClient(services.Assessment.Channel(token));
        var programs = Client(services, Scopes.ProgrammingRead);
        var runnerId = (await intake.RegisterRunnerAsync(new() { DisplayName = "Shin Runner", BirthYear = 1995, Sex = Common.V1.Sex.Female }))
            .Runner.RunnerId;
        await Eventually.GetAsync(async () => (await assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery, "assessment to learn the runner");
        var screen = (await assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "shin pain" })).Assessment;
        foreach (var (code, side, value, rating) in new[]
        {
            ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.3, AssessmentApi.Rating.Unspecified),
            ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.8, AssessmentApi.Rating.Unspecified),
            ("single_leg_squat", AssessmentApi.BodySide.Left, 0, AssessmentApi.Rating.Poor),
            ("single_leg_squat", AssessmentApi.BodySide.Right, 0, AssessmentApi.Rating.Good),
        })
        {
            await assessment.RecordTestResultAsync(new() { AssessmentId = screen.AssessmentId, TestCode = code, Side = side, Value = value, Rating = rating });
        }

        await assessment.CompleteAssessmentAsync(new() { AssessmentId = screen.AssessmentId });
        await Eventually.GetAsync(async () =>
        {
            try
            {
                return await programs.GetCurrentProgramAsync(new() { RunnerId = runnerId });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, "programming to prescribe");
        return runnerId;
    }

    [Fact]
    public async Task A_red_flag_holds_the_program_until_a_clinician_clears_it_with_a_reason_that_clinics_hear()
    {
        await using var rabbit = await RawRabbitSubscriber.StartAsync(services.RabbitUri, ["RunRestore.Contracts.Safety:RedFlagCleared"]);
        var runnerId = await ProgramOfANewRunnerAsync();
        var writer = Client(services, Scopes.ProgrammingRead, Scopes.ProgrammingWrite);
        var clinician = Client(services, Scopes.ProgrammingRead, Scopes.ProgrammingClinician);

        var flagId = await ClinicWorld.RedFlagAsync(services, Clinic, runnerId, writer);

        var program = await writer.GetCurrentProgramAsync(new() { RunnerId = runnerId });
        var open = Assert.Single(program.OpenRedFlags);
        Assert.Equal(("R2", 2, "critical", "anterior_shin", "pain_report"), (open.RuleId, open.RuleVersion, open.Severity, open.BodySite, open.Source));
        Assert.Contains(RedFlagRules.RunnerAdvice, program.Advice);
        var history = await writer.GetProgramHistoryAsync(new() { RunnerId = runnerId });
        Assert.Contains(history.Changes, c => c.Type == "red_flag_raised" && c.Why.RuleId == "R2" && c.Why.RuleVersion == 2);
        Assert.Contains(history.Changes, c => c.Type == "clinician_alert_raised" && c.Summary.Contains("critical", StringComparison.Ordinal)
            && c.Why.RuleId == "R2");

        // Two good sessions on different days would progress (T3): the red flag holds them and says so.
        ExerciseDone Done(string code) => new() { Code = code, Completed = true, Sets = 3, Reps = 10, Rpe = 5, Pain = 1 };
        RecordSessionRequest Session(string date)
        {
            var session = new RecordSessionRequest { RunnerId = runnerId, Date = date };
            session.Exercises.AddRange(program.Exercises.Select(e => Done(e.Code)));
            return session;
        }

        await writer.RecordSessionAsync(Session(Day(0)));
        var second = await writer.RecordSessionAsync(Session(Day(1)));
        Assert.DoesNotContain(second.Changes, c => c.Type == "exercise_progressed");
        Assert.Contains(second.Changes, c => c.Type == "exercise_held" && c.Why.RuleId == "R2");

        var improve = await Assert.ThrowsAsync<RpcException>(() => writer.OverridePhaseAsync(new()
        {
            RunnerId = runnerId, Phase = Phase.Improve, Reason = "looks fine",
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, improve.StatusCode);
        Assert.Contains("red flag R2", improve.Status.Detail, StringComparison.Ordinal);

        var clear = new ClearRedFlagRequest { RunnerId = runnerId, RedFlagId = flagId, Reason = "MRI clear, no stress reaction" };
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(() => writer.ClearRedFlagAsync(clear).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => clinician.ClearRedFlagAsync(
            new ClearRedFlagRequest { RunnerId = runnerId, RedFlagId = Guid.NewGuid().ToString(), Reason = "clear" }).ResponseAsync)).StatusCode);
        await GrpcAssert.InvalidArgumentAsync(() => clinician.ClearRedFlagAsync(
            new ClearRedFlagRequest { RunnerId = runnerId, RedFlagId = flagId, Reason = "" }).ResponseAsync);

        var cleared = await clinician.ClearRedFlagAsync(clear);

        Assert.Equal("red_flag_cleared", Assert.Single(cleared.Changes).Type);
        Assert.Equal(StatusCode.FailedPrecondition,
            (await Assert.ThrowsAsync<RpcException>(() => clinician.ClearRedFlagAsync(clear).ResponseAsync)).StatusCode);
        program = await writer.GetCurrentProgramAsync(new() { RunnerId = runnerId });
        Assert.Empty(program.OpenRedFlags);
        Assert.DoesNotContain(RedFlagRules.RunnerAdvice, program.Advice);
        history = await writer.GetProgramHistoryAsync(new() { RunnerId = runnerId });
        var entry = Assert.Single(history.Changes, c => c.Type == "red_flag_cleared");
        Assert.Equal(("R2", 2), (entry.Why.RuleId, entry.Why.RuleVersion));
        Assert.Contains("MRI clear, no stress reaction", entry.Summary, StringComparison.Ordinal);
        var published = await rabbit.NextAsync("RunRestore.Contracts.Safety:RedFlagCleared",
            m => m.Message.GetProperty("redFlagId").GetString() == flagId);
        Assert.Equal(("R2", "MRI clear, no stress reaction", Clinic),
            (published.Message.GetProperty("ruleId").GetString(), published.Message.GetProperty("reason").GetString(), published.Clinic));
    }
}
