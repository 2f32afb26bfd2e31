using System.Globalization;
using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Common.V1;
using RunRestore.Intake.Runners;
using RunRestore.Intake.V1;
using RunRestore.ServiceDefaults.Auth;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Grpc;

/// <summary>Maps proto messages to intake's commands and queries; nothing else.</summary>
public sealed class IntakeGrpcService(IDocumentSession session, TimeProvider time) : IntakeService.IntakeServiceBase
{
    [Authorize(Scopes.IntakeWrite)]
    public override async Task<RegisterRunnerResponse> RegisterRunner(RegisterRunnerRequest request, ServerCallContext context)
    {
        var command = new RegisterRunner(Guid.CreateVersion7(), request.DisplayName, request.BirthYear,
            ToDomain(request.Sex), time.GetUtcNow());
        var runner = await RegisteringRunner.HandleAsync(session, command, context.CancellationToken);
        return new RegisterRunnerResponse { Runner = ToProto(runner) };
    }

    [Authorize(Scopes.IntakeRead)]
    public override async Task<GetRunnerResponse> GetRunner(GetRunnerRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var runner = await session.LoadAsync<Runner>(id, context.CancellationToken) ?? throw NotFoundException.Runner(id);
        return new GetRunnerResponse { Runner = ToProto(runner) };
    }

    private static RunnerSex? ToDomain(Sex sex) => sex switch
    {
        Sex.Female => RunnerSex.Female,
        Sex.Male => RunnerSex.Male,
        Sex.Other => RunnerSex.Other,
        _ => null,
    };

    private static RunnerSummary ToProto(Runner runner) => new()
    {
        RunnerId = runner.Id.ToString(),
        DisplayName = runner.DisplayName,
        BirthYear = runner.BirthYear,
        Sex = runner.Sex switch
        {
            RunnerSex.Female => Sex.Female,
            RunnerSex.Male => Sex.Male,
            _ => Sex.Other,
        },
        RegisteredAt = runner.RegisteredAt.ToString("O", CultureInfo.InvariantCulture),
    };
}
