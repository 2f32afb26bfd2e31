namespace RunRestore.Programming.Programs;

/// <summary>
/// A re-screen did not unlock technique work (T6, v2): every reason is kept, so a clinician sees in the program's
/// history what still stands in the way. <paramref name="NotRetestedFindingKeys"/> are the previous screen's findings
/// the re-screen did not test (untested is not resolved); <paramref name="EasyRuns"/> the runs of the last 14 days at
/// running pain ≤ 2/10 and <paramref name="WorstRunningPain"/> the worst of them all (null without runs).
/// </summary>
public sealed record TechniqueStayedLocked(
    Guid AssessmentId,
    DateOnly AssessedOn,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> NotRetestedFindingKeys,
    int EasyRuns,
    int? WorstRunningPain,
    Explanation Why);
