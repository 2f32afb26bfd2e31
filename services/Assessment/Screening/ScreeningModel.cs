using RunRestore.Contracts.Intake;

namespace RunRestore.Assessment.Screening;

/// <summary>A side of the body for per-side tests.</summary>
public enum BodySide
{
    Left = 1,
    Right = 2,
}

/// <summary>A clinician's rating of movement quality (DOMAIN.md M1).</summary>
public enum Rating
{
    Good = 1,
    Fair = 2,
    Poor = 3,
}

/// <summary>One recorded test result. <paramref name="Side"/> is null for tests that are not per side.</summary>
public sealed record TestResult(Guid ResultId, string TestCode, BodySide? Side, decimal Value, string Unit, Rating? Rating, string Notes);

/// <summary>Who is screened: age and sex select norms (M3). Sex is "female", "male" or "other".</summary>
public sealed record ScreenedRunner(int AgeYears, string Sex);

/// <summary>A load or wellness flag active at intake when the screen started (DOMAIN.md L2-L6, S1, S2).</summary>
public sealed record LoadFlagSnapshot(string RuleId, string Kind, string Severity, string Evidence, string Explanation,
    IReadOnlyDictionary<string, decimal> Numbers);

/// <summary>
/// A finding of a screen. <see cref="Key"/> = "{RuleId}:{Region}:{side or 'both'}" identifies the same finding across
/// screens (CompareAssessments). <see cref="TriggeringInputs"/> are result ids or "intake:{RuleId}:{Kind}" for load flags.
/// </summary>
public sealed record Finding(
    string Kind,
    string Region,
    BodySide? Side,
    decimal? Magnitude,
    string MagnitudeLabel,
    string RuleId,
    int RuleVersion,
    string Evidence,
    IReadOnlyList<string> TriggeringInputs,
    string Explanation)
{
    public string Key => $"{RuleId}:{Region}:{ScreeningRules.Word(Side) ?? BodySides.Both}";
}

/// <summary>A region to check and treat for the pain site (K1-K8), ranked, with the findings that support it.</summary>
public sealed record ContributingRegion(string Region, int Rank, string RuleId, string Evidence,
    IReadOnlyList<string> SupportingFindingKeys, string Explanation);

/// <summary>One test of the catalogue (M1-M9 and the strength tests K1/K6 need).</summary>
/// <param name="Units">Units a result may be recorded in; the first is the default.</param>
/// <param name="Mdc">Minimal detectable change in the first unit; null where none is known.</param>
/// <param name="Norms">Reference values in words and numbers (e.g. M3 heel raise by age and sex).</param>
public sealed record TestDefinition(
    string Code,
    string Name,
    string RuleId,
    string Quality,
    IReadOnlyList<string> Units,
    decimal Min,
    decimal Max,
    bool PerSide,
    bool NeedsRating,
    decimal? Mdc,
    IReadOnlyList<string> Norms,
    string Instructions);
