using JasperFx.Events;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.Contracts.Safety;
using Contract = RunRestore.Contracts.Assessment;

namespace RunRestore.Assessment.Messaging;

/// <summary>
/// What the assessment service tells programming and clinics: completed screens with their findings, and the red flags
/// a screen raised (DOMAIN.md R2, R5; source "screen").
/// </summary>
public sealed class AssessmentIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        AssessmentCompleted completed => ToContract(domainEvent.StreamId, completed),
        ScreenRedFlagRaised flag => ToContract(flag),
        _ => null,
    };

    public static Contract.AssessmentCompleted ToContract(Guid assessmentId, AssessmentCompleted e) =>
        new(e.RunnerId, assessmentId, e.CompletedOn, e.FirstCompletedOn, e.IsReassessment, e.PainSite,
            e.Findings.Select(f => new Contract.Finding(f.Key, f.Kind, f.Region, ScreeningRules.Word(f.Side), f.Magnitude,
                f.MagnitudeLabel, f.RuleId, f.RuleVersion, f.Evidence, f.TriggeringInputs, f.Explanation)).ToList(),
            e.Regions.Select(r => new Contract.ContributingRegion(r.Region, r.Rank, r.RuleId, r.Evidence, r.SupportingFindingKeys,
                r.Explanation)).ToList(), e.ResolvedFindingKeys, e.NotRetestedFindingKeys);

    public static RedFlagRaised ToContract(ScreenRedFlagRaised e) =>
        new(e.RunnerId, e.RedFlagId, e.RuleId, e.RuleVersion, e.Severity, e.Evidence, e.BodySite, e.Side, e.Signs, e.Explanation,
            RedFlagRules.RunnerAdvice, ScreenSource, e.TriggeringIds, e.RaisedOn);

    /// <summary>RedFlagRaised.Source of a flag a screen raised.</summary>
    public const string ScreenSource = "screen";
}
