using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Assessment.V1;
using RunRestore.ServiceDefaults.Auth;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Assessment.Grpc;

/// <summary>Maps proto messages to the assessment service's commands and queries; nothing else.</summary>
public sealed class AssessmentGrpcService(IQuerySession session) : AssessmentService.AssessmentServiceBase
{
    [Authorize(Scopes.AssessmentRead)]
    public override async Task<GetRunnerResponse> GetRunner(GetRunnerRequest request, ServerCallContext context)
    {
        var runner = await session.GetKnownRunnerAsync(request.RunnerId, context.CancellationToken);
        return new GetRunnerResponse { Runner = runner.ToProto() };
    }
}
