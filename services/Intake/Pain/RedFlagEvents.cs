namespace RunRestore.Intake.Pain;

/// <summary>An answer to a red-flag question (DOMAIN.md R1-R6): "unsure" counts as present.</summary>
public enum RedFlagAnswer
{
    No = 1,
    Yes = 2,
    Unsure = 3,
}

/// <summary>One red-flag question a pain report answered; <paramref name="Sign"/> is a RedFlagSigns word.</summary>
public sealed record SignAnswer(string Sign, RedFlagAnswer Answer)
{
    /// <summary>Yes or unsure: the sign counts (rule set v2, "unsure counts as present").</summary>
    public bool IsPresent => Answer is RedFlagAnswer.Yes or RedFlagAnswer.Unsure;
}

/// <summary>The red-flag questions a pain report answered, in the order of RedFlagSigns; questions not asked are absent.</summary>
public sealed record RedFlagAnswers(IReadOnlyList<SignAnswer> Answers)
{
    public static readonly RedFlagAnswers NoneAsked = new([]);

    /// <summary>The signs answered yes or unsure.</summary>
    public IReadOnlySet<string> Present => Answers.Where(a => a.IsPresent).Select(a => a.Sign).ToHashSet(StringComparer.Ordinal);

    // Value equality over the list, so two reports with the same answers are equal (the list alone compares by reference).
    public bool Equals(RedFlagAnswers? other) => other is not null && Answers.SequenceEqual(other.Answers);

    public override int GetHashCode() => Answers.Count;
}

/// <summary>
/// A pain report raised a red flag (DOMAIN.md R1-R6, rule set v2): one per rule that fired, appended with the report.
/// Severity is "critical" (stop the provoking activity and see the clinician) or "note" (R6 alone, for the clinician).
/// <paramref name="BodySite"/> and <paramref name="Side"/> are the region it blocks until a clinician clears it in
/// programming (ClearRedFlag).
/// </summary>
public sealed record RedFlagRaised(
    Guid RedFlagId,
    string RuleId,
    int RuleVersion,
    string Severity,
    string Evidence,
    BodySite BodySite,
    Side Side,
    IReadOnlyList<string> Signs,
    string Explanation,
    string RunnerAdvice,
    Guid PainReportId,
    DateOnly Date,
    DateTimeOffset RaisedAt);
