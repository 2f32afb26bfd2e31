using Marten;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Assessment.Assessments;

/// <summary>
/// Completes a screen: the screening rules turn its results, the load picture and the pain site into findings and
/// the kinetic-chain rules rank the regions to check (DOMAIN.md M1-M9, K1-K8). Completing twice is refused.
/// </summary>
public static class CompletingAssessment
{
    public static AssessmentCompleted Decide(AssessmentRecord assessment, DateOnly? firstCompletedOn, DateTimeOffset now)
    {
        if (assessment.IsCompleted)
        {
            throw new PreconditionFailedException($"Assessment {assessment.Id} is already completed.",
                [new PreconditionViolation("assessment_open", "assessment_id", "the assessment is already completed")]);
        }

        var findings = ScreeningRules.Findings(assessment.Results, new ScreenedRunner(assessment.RunnerAge, assessment.RunnerSex),
            assessment.Load.Flags);
        var regions = ScreeningRules.RankRegions(assessment.Pain?.BodySite, findings);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new AssessmentCompleted(assessment.RunnerId, assessment.Pain?.BodySite, today, firstCompletedOn ?? today, firstCompletedOn is not null, findings, regions, now);
    }

    public static async Task<AssessmentRecord> HandleAsync(IDocumentSession session, Guid assessmentId, TimeProvider time,
        CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<AssessmentRecord>(assessmentId, ct).ConfigureAwait(false);
        var assessment = stream.Aggregate ?? throw new NotFoundException($"Assessment {assessmentId} was not found.");
        var first = await session.Query<AssessmentRecord>()
            .Where(a => a.RunnerId == assessment.RunnerId && a.Completion != null)
            .OrderBy(a => a.Completion!.CompletedAt)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var completed = Decide(assessment, first?.Completion?.CompletedOn, time.GetUtcNow());
        stream.AppendOne(completed);
        return assessment.Apply(completed);
    }
}
