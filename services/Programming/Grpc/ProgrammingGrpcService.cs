using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Programming.V1;
using RunRestore.ServiceDefaults.Auth;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Programming.Grpc;

/// <summary>Maps proto messages to the programming service's commands and queries; nothing else.</summary>
public sealed class ProgrammingGrpcService(IQuerySession session) : ProgrammingService.ProgrammingServiceBase
{
    [Authorize(Scopes.ProgrammingRead)]
    public override async Task<GetRunnerResponse> GetRunner(GetRunnerRequest request, ServerCallContext context)
    {
        var runner = await session.GetKnownRunnerAsync(request.RunnerId, context.CancellationToken);
        return new GetRunnerResponse { Runner = runner.ToProto() };
    }
}
