using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Screening;
using RunRestore.Assessment.V1;
using RunRestore.Auth;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.RunnerDirectory;
using static RunRestore.Assessment.Grpc.AssessmentProtoMapping;

namespace RunRestore.Assessment.Grpc;

/// <summary>Maps proto messages to the assessment service's commands and queries; nothing else.</summary>
public sealed class AssessmentGrpcService(IDocumentSession session, EventStoreWriter writes, IntakeLoadReader intake,
    TimeProvider time)
    : AssessmentService.AssessmentServiceBase
{
    [Authorize(Scopes.AssessmentRead)]
    public override async Task<GetRunnerResponse> GetRunner(GetRunnerRequest request, ServerCallContext context)
    {
        var runner = await session.GetKnownRunnerAsync(request.RunnerId, context.CancellationToken);
        return new GetRunnerResponse { Runner = runner.ToProto() };
    }

    [Authorize(Scopes.AssessmentWrite)]
    public override async Task<StartAssessmentResponse> StartAssessment(StartAssessmentRequest request, ServerCallContext context)
    {
        var command = new StartAssessment(request.RunnerId, request.Reason, request.PainReportId, request.PerformedOn,
            request.HasHeightCm ? request.HeightCm : null, request.HasWeightKg ? request.WeightKg : null);
        return await writes.WriteNewStreamAsync(s => StartingAssessment.HandleAsync(s, intake, command, time, context.CancellationToken),
            assessment => new StartAssessmentResponse { Assessment = ToProto(assessment) }, context.CancellationToken);
    }

    [Authorize(Scopes.AssessmentWrite)]
    public override async Task<RecordTestResultResponse> RecordTestResult(RecordTestResultRequest request, ServerCallContext context)
    {
        var id = ParseId(request.AssessmentId, "assessment_id");
        var command = new RecordTestResult(id, request.TestCode, FromProto(request.Side), request.Value, request.Unit,
            FromProto(request.Rating), request.Notes);
        return await writes.WriteAsync(id, s => RecordingTestResult.HandleAsync(s, command, time, context.CancellationToken),
            resultId => new RecordTestResultResponse { ResultId = resultId.ToString() }, context.CancellationToken);
    }

    [Authorize(Scopes.AssessmentWrite)]
    public override async Task<CompleteAssessmentResponse> CompleteAssessment(CompleteAssessmentRequest request,
        ServerCallContext context)
    {
        var id = ParseId(request.AssessmentId, "assessment_id");
        return await writes.WriteAsync(id,
            s => CompletingAssessment.HandleAsync(s, new CompleteAssessment(id), time, context.CancellationToken),
            assessment => new CompleteAssessmentResponse { Assessment = ToProto(assessment) }, context.CancellationToken);
    }

    [Authorize(Scopes.AssessmentRead)]
    public override async Task<GetAssessmentResponse> GetAssessment(GetAssessmentRequest request, ServerCallContext context)
    {
        var assessment = await LoadAsync(ParseId(request.AssessmentId, "assessment_id"), context.CancellationToken);
        return new GetAssessmentResponse { Assessment = ToProto(assessment) };
    }

    [Authorize(Scopes.AssessmentRead)]
    public override async Task<ListAssessmentsResponse> ListAssessments(ListAssessmentsRequest request, ServerCallContext context)
    {
        var runner = await session.GetKnownRunnerAsync(request.RunnerId, context.CancellationToken);
        var assessments = await session.Query<AssessmentRecord>().Where(a => a.RunnerId == runner.Id)
            .OrderByDescending(a => a.StartedAt).ToListAsync(context.CancellationToken);
        var response = new ListAssessmentsResponse();
        response.Assessments.AddRange(assessments.Select(a => ToProto(a, withResults: false)));
        return response;
    }

    [Authorize(Scopes.AssessmentRead)]
    public override async Task<GetLatestFindingsResponse> GetLatestFindings(GetLatestFindingsRequest request, ServerCallContext context)
    {
        var runner = await session.GetKnownRunnerAsync(request.RunnerId, context.CancellationToken);
        var latest = await session.Query<AssessmentRecord>()
            .Where(a => a.RunnerId == runner.Id && a.Completion != null)
            .OrderByDescending(a => a.Completion!.CompletedAt)
            .FirstOrDefaultAsync(context.CancellationToken)
            ?? throw new NotFoundException($"Runner {runner.Id} has no completed assessment yet.");
        var response = new GetLatestFindingsResponse
        {
            AssessmentId = latest.Id.ToString(),
            CompletedOn = FieldChecks.Iso(latest.Completion!.CompletedOn),
        };
        response.Findings.AddRange(latest.Completion.Findings.Select(ToProto));
        response.Regions.AddRange(latest.Completion.Regions.Select(ToProto));
        return response;
    }

    [Authorize(Scopes.AssessmentRead)]
    public override async Task<CompareAssessmentsResponse> CompareAssessments(CompareAssessmentsRequest request,
        ServerCallContext context)
    {
        var a = await LoadAsync(ParseId(request.AssessmentAId, "assessment_a_id"), context.CancellationToken);
        var b = await LoadAsync(ParseId(request.AssessmentBId, "assessment_b_id"), context.CancellationToken);
        var comparison = ComparingAssessments.Compare(a, b);
        var response = new CompareAssessmentsResponse();
        response.Changes.AddRange(comparison.Changes.Select(ToProto));
        response.Resolved.AddRange(comparison.Resolved.Select(ToProto));
        response.Persisting.AddRange(comparison.Persisting.Select(ToProto));
        response.NewFindings.AddRange(comparison.New.Select(ToProto));
        response.NotRetested.AddRange(comparison.NotRetested.Select(ToProto));
        return response;
    }

    [Authorize(Scopes.AssessmentRead)]
    public override Task<GetTestCatalogueResponse> GetTestCatalogue(GetTestCatalogueRequest request, ServerCallContext context)
    {
        var response = new GetTestCatalogueResponse();
        response.Tests.AddRange(TestCatalogue.All.Select(ToProto));
        return Task.FromResult(response);
    }

    private async Task<AssessmentRecord> LoadAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<AssessmentRecord>(id, ct) ?? throw AssessmentRecord.NotFound(id);

    private static Guid ParseId(string value, string field) => RequestIds.Parse(value, field, "an assessment id");
}
