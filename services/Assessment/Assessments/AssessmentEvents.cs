using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Screening;

namespace RunRestore.Assessment.Assessments;

// The events of one assessment's stream (the stream id is the assessment id).

/// <summary>Where the load picture of a screen came from: intake live, or the local copy of intake's events.</summary>
public sealed record LoadPicture(string Source, string? Note, IReadOnlyList<LoadFlagSnapshot> Flags);

/// <summary>
/// A clinician started a screen; it keeps the runner, pain and load picture as they were at that moment.
/// <paramref name="PerformedOn"/> is the day the screen was done (a paper screen entered later, a migrated record);
/// null in streams started before issue 13, where the start's date stands for it. <paramref name="Body"/> is the height and
/// weight the screen recorded (K5 v2 judges BMI from it); null when none was given.
/// </summary>
public sealed record AssessmentStarted(
    Guid AssessmentId,
    Guid RunnerId,
    string Reason,
    int RunnerAge,
    string RunnerSex,
    PainReportCopy? Pain,
    LoadPicture Load,
    DateTimeOffset StartedAt,
    DateOnly? PerformedOn = null,
    BodyMeasures? Body = null);

/// <summary>One test result, already checked against the catalogue.</summary>
public sealed record TestResultRecorded(TestResult Result, DateTimeOffset RecordedAt);

/// <summary>
/// The screen is complete: its findings and the regions to check, by rule set version. It repeats the runner and the
/// pain site so the event explains itself (and the forwarder can publish it without reading the stream back).
/// A re-screen also keeps its verdict on the previous completed screen's findings it no longer has (issue 13; DOMAIN.md,
/// the paragraph after T9): re-tested and gone → <paramref name="ResolvedFindingKeys"/>, test skipped →
/// <paramref name="NotRetestedFindingKeys"/>. All three are null on a first screen and in streams from before issue 13.
/// </summary>
/// <param name="PreviousAssessmentId">The completed screen this one was compared with (the latest performed before it).</param>
public sealed record AssessmentCompleted(
    Guid RunnerId,
    string? PainSite,
    DateOnly CompletedOn,
    DateOnly FirstCompletedOn,
    bool IsReassessment,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ContributingRegion> Regions,
    DateTimeOffset CompletedAt,
    Guid? PreviousAssessmentId = null,
    IReadOnlyList<string>? ResolvedFindingKeys = null,
    IReadOnlyList<string>? NotRetestedFindingKeys = null);

/// <summary>
/// A completed screen raised a red flag (DOMAIN.md R2, R5; critical): one event per flag, right after the completion,
/// published as Contracts.Safety.RedFlagRaised with source "screen". Programming alerts the clinician and holds the
/// region until a clinician clears it.
/// </summary>
public sealed record ScreenRedFlagRaised(
    Guid RedFlagId,
    Guid RunnerId,
    string RuleId,
    int RuleVersion,
    string Severity,
    string Evidence,
    string BodySite,
    string Side,
    IReadOnlyList<string> Signs,
    string Explanation,
    IReadOnlyList<Guid> TriggeringIds,
    DateOnly RaisedOn);
