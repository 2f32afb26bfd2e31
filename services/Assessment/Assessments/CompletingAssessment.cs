using Marten;
using RunRestore.Assessment.Screening;
using RunRestore.Contracts;
using RunRestore.Contracts.Safety;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Assessment.Assessments;

/// <summary>A clinician closes a screen.</summary>
public sealed record CompleteAssessment(Guid AssessmentId);

/// <summary>
/// Completes a screen: the screening rules turn its results, the load picture and the pain site into findings and
/// the kinetic-chain rules rank the regions to check (DOMAIN.md M1-M9, K1-K8); the red-flag checks and the pain
/// report raise critical red flags (R2, R5), one event per flag after the completion. Completing twice is refused.
/// </summary>
public static class CompletingAssessment
{
    /// <param name="completedScreens">The runner's completed screens (this one, if listed, is left out): the first sets
    /// when re-screens count from (T6), the latest performed on or before this one is the previous screen whose findings
    /// this one resolves or leaves not re-tested.</param>
    /// <param name="newId">Makes each red flag's id.</param>
    public static IReadOnlyList<object> Decide(CompleteAssessment command, AssessmentRecord assessment,
        IReadOnlyList<AssessmentRecord> completedScreens, DateTimeOffset now, Func<Guid> newId)
    {
        ArgumentNullException.ThrowIfNull(completedScreens);
        ArgumentNullException.ThrowIfNull(newId);
        if (assessment.IsCompleted)
        {
            throw new PreconditionFailedException($"Assessment {command.AssessmentId} is already completed.",
                [new PreconditionViolation("assessment_open", "assessment_id", "the assessment is already completed")]);
        }

        var findings = ScreeningRules.Findings(assessment.Results, new ScreenedRunner(assessment.RunnerAge, assessment.RunnerSex),
            assessment.Load.Flags);
        if (ScreeningRules.BodyMassFinding(assessment.Pain?.BodySite, assessment.Body) is { } bodyMass)
        {
            findings = [.. findings, bodyMass]; // K5 v2: BMI > 27 with heel pain
        }

        var regions = ScreeningRules.RankRegions(assessment.Pain?.BodySite, findings, assessment.Body);
        // The screen counts from the day it was performed (issue 13): a paper screen entered today is dated when it was
        // done, and the first screen is the earliest performed, whichever was entered first.
        var performed = assessment.PerformedOn;
        var others = completedScreens.Where(s => s.Id != assessment.Id && s.Completion is not null).ToList();
        DateOnly? firstCompletedOn = others.Count == 0 ? null : others.Min(s => s.Completion!.CompletedOn);
        var first = firstCompletedOn is { } earlier && earlier < performed ? earlier : performed;
        var previous = others.Where(s => s.Completion!.CompletedOn <= performed)
            .MaxBy(s => (s.Completion!.CompletedOn, s.Completion.CompletedAt));
        var gone = previous is null ? null : ComparingAssessments.FindingsGone(previous, assessment, findings);
        var completed = new AssessmentCompleted(assessment.RunnerId, assessment.Pain?.BodySite, performed, first,
            firstCompletedOn is not null, findings, regions, now, previous?.Id,
            gone?.Resolved.Select(f => f.Key).ToList(), gone?.NotRetested.Select(f => f.Key).ToList());
        var pain = assessment.Pain is { } p ? new ScreenedPain(p.PainReportId, p.BodySite, p.Side, p.Phase) : null;
        var flags = ScreeningRules.RedFlags(assessment.Results, pain).Select(f => new ScreenRedFlagRaised(newId(),
            assessment.RunnerId, f.RuleId, RuleSet.VersionOf(f.RuleId), RedFlagSeverities.Critical, RedFlagRules.EvidenceOf(f.RuleId),
            f.BodySite, f.Side, f.Signs, f.Explanation, f.TriggeringIds, completed.CompletedOn));
        return [completed, .. flags];
    }

    public static async Task<AssessmentRecord> HandleAsync(IDocumentSession session, CompleteAssessment command, TimeProvider time,
        CancellationToken ct)
    {
        // The runner's other screens are read before the decision; the runner of an assessment never changes, so the
        // inline snapshot names it.
        var known = await session.LoadAsync<AssessmentRecord>(command.AssessmentId, ct).ConfigureAwait(false)
            ?? throw AssessmentRecord.NotFound(command.AssessmentId);
        var completed = await CompletedScreensAsync(session, known.RunnerId, ct).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var decided = await session.DecideAsync<AssessmentRecord>(command.AssessmentId,
            assessment => Decide(command, assessment, completed, now, () => Guid.CreateVersion7(now)),
            () => AssessmentRecord.NotFound(command.AssessmentId), ct).ConfigureAwait(false);
        return decided.Events.Aggregate(decided.State, (state, e) => state.Fold(e));
    }

    /// <summary>
    /// The runner's completed screens, read before the decision: a reassessment counts from the first and is compared
    /// with the previous. A runner has a handful of screens, so they are compared here rather than in SQL.
    /// </summary>
    public static async Task<IReadOnlyList<AssessmentRecord>> CompletedScreensAsync(IQuerySession session, Guid runnerId,
        CancellationToken ct) =>
        await session.Query<AssessmentRecord>().Where(a => a.RunnerId == runnerId && a.Completion != null)
            .ToListAsync(ct).ConfigureAwait(false);
}
