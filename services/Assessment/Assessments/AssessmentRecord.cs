using System.Collections.Immutable;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Assessment.Assessments;

/// <summary>An assessment as its stream tells it; kept as an inline snapshot for reads and lists.</summary>
public sealed record AssessmentRecord(
    Guid Id,
    Guid RunnerId,
    string Reason,
    int RunnerAge,
    string RunnerSex,
    PainReportCopy? Pain,
    LoadPicture Load,
    DateTimeOffset StartedAt,
    ImmutableList<TestResult> Results,
    AssessmentCompleted? Completion,
    ImmutableList<ScreenRedFlagRaised>? RedFlags = null,
    DateOnly? Performed = null,
    BodyMeasures? Body = null)
{
    public bool IsCompleted => Completion is not null;

    /// <summary>The day the screen was performed: the start's performed_on, else the start's (UTC) date.</summary>
    public DateOnly PerformedOn => Performed ?? DateOnly.FromDateTime(StartedAt.UtcDateTime);

    public static AssessmentRecord Create(AssessmentStarted e) => new(e.AssessmentId, e.RunnerId, e.Reason, e.RunnerAge,
        e.RunnerSex, e.Pain, e.Load, e.StartedAt, [], null, null, e.PerformedOn, e.Body);

    public AssessmentRecord Apply(TestResultRecorded e) => this with { Results = Results.Add(e.Result) };

    public AssessmentRecord Apply(AssessmentCompleted e) => this with { Completion = e };

    public AssessmentRecord Apply(ScreenRedFlagRaised e) => this with { RedFlags = (RedFlags ?? []).Add(e) };

    /// <summary>Folds any event of the stream (what a decision appended, for the handler's answer).</summary>
    public AssessmentRecord Fold(object e) => e switch
    {
        TestResultRecorded recorded => Apply(recorded),
        AssessmentCompleted completed => Apply(completed),
        ScreenRedFlagRaised flag => Apply(flag),
        _ => throw new ArgumentException($"{e.GetType().Name} is no event of an assessment stream.", nameof(e)),
    };

    public static NotFoundException NotFound(Guid assessmentId) => new($"Assessment {assessmentId} was not found.");
}
