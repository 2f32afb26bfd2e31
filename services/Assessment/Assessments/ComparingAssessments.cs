using System.Globalization;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Assessment.Assessments;

/// <summary>How one test moved between two screens, and whether that is more than measurement noise (the MDC).</summary>
public sealed record TestChange(string TestCode, BodySide? Side, decimal ValueA, decimal ValueB, decimal? Mdc, string Unit)
{
    public decimal Change => ValueB - ValueA;
    public bool ExceedsMdc => Mdc is { } mdc && Math.Abs(Change) > mdc;
}

/// <param name="NotRetested">Findings of A whose tests B did not record: they may persist, so they are never "resolved".</param>
public sealed record AssessmentComparison(IReadOnlyList<TestChange> Changes, IReadOnlyList<Finding> Resolved,
    IReadOnlyList<Finding> Persisting, IReadOnlyList<Finding> New, IReadOnlyList<Finding> NotRetested);

/// <summary>A later screen's verdict on an earlier screen's findings it no longer has (DOMAIN.md, after T9).</summary>
/// <param name="Resolved">Re-tested and no longer found.</param>
/// <param name="NotRetested">Their tests were not performed: they may persist, so they are never "resolved".</param>
public sealed record FindingsGoneVerdict(IReadOnlyList<Finding> Resolved, IReadOnlyList<Finding> NotRetested);

/// <summary>Compares two completed screens of one runner: per test and side, and finding by finding (by key).</summary>
public static class ComparingAssessments
{
    /// <summary>The rule a comparison of an open screen breaks (FAILED_PRECONDITION's violation type).</summary>
    public const string CompletedRule = "assessment_completed";

    public static AssessmentComparison Compare(AssessmentRecord a, AssessmentRecord b)
    {
        if (a.RunnerId != b.RunnerId)
        {
            new FieldViolations().Add("assessment_b_id", "belongs to another runner than assessment_a_id").ThrowIfAny();
        }

        if (a.Completion is not { } first || b.Completion is not { } second)
        {
            var open = new[] { (a, "assessment_a_id"), (b, "assessment_b_id") }.Where(x => !x.Item1.IsCompleted)
                .Select(x => new PreconditionViolation(CompletedRule, x.Item2, "the assessment is not completed yet"));
            throw new PreconditionFailedException("Both assessments must be completed to compare them.", [.. open]);
        }

        // The last result per test, side and unit counts, as in the screening rules.
        static Dictionary<(string, BodySide?, string), TestResult> Latest(AssessmentRecord r) =>
            r.Results.GroupBy(x => (x.TestCode, x.Side, x.Unit)).ToDictionary(g => g.Key, g => g.Last());
        var before = Latest(a);
        var changes = Latest(b).Where(x => before.ContainsKey(x.Key))
            .Select(x => new TestChange(x.Key.Item1, x.Key.Item2, before[x.Key].Value, x.Value.Value,
                MdcOf(x.Key.Item1, x.Key.Item3, before[x.Key].Value), x.Key.Item3))
            .OrderBy(c => c.TestCode, StringComparer.Ordinal).ThenBy(c => c.Side).ToList();

        var keysA = first.Findings.Select(f => f.Key).ToHashSet();
        var gone = FindingsGone(a, b, second.Findings);
        return new AssessmentComparison(changes, gone.Resolved,
            second.Findings.Where(f => keysA.Contains(f.Key)).ToList(),
            second.Findings.Where(f => !keysA.Contains(f.Key)).ToList(),
            gone.NotRetested);
    }

    /// <summary>
    /// The findings of the completed screen <paramref name="earlier"/> that a later screen (its results and findings)
    /// no longer has, split by whether the later screen re-tested them: re-tested → resolved, skipped → not re-tested
    /// (DOMAIN.md, the paragraph after T9: untested is not resolved). CompareAssessments and a re-screen's
    /// AssessmentCompleted both use this one verdict.
    /// </summary>
    public static FindingsGoneVerdict FindingsGone(AssessmentRecord earlier, AssessmentRecord later,
        IReadOnlyList<Finding> laterFindings)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var before = earlier.Completion?.Findings
            ?? throw new ArgumentException($"Assessment {earlier.Id} is not completed.", nameof(earlier));
        var keysLater = laterFindings.Select(f => f.Key).ToHashSet();
        var retested = before.Where(f => !keysLater.Contains(f.Key)).ToLookup(f => Retested(f, earlier.Results, later));
        return new FindingsGoneVerdict([.. retested[true]], [.. retested[false]]);
    }

    /// <summary>
    /// The minimal detectable change of a test in <paramref name="unit"/>: M4 hip abduction's is 15 % of the previous
    /// value in any unit (hand-held dynamometer, Thorborg 2010; rule set v2); the others' is the catalogue's, in the
    /// default unit only.
    /// </summary>
    private static decimal? MdcOf(string code, string unit, decimal previous) =>
        code == TestCodes.HipAbductionStrength
            ? previous * ScreeningRules.HipAbductionMdcPercent / 100
            : unit == TestCatalogue.Find(code)?.Units[0] ? TestCatalogue.Find(code)?.Mdc : null;

    /// <summary>
    /// Whether the results of the later screen <paramref name="later"/> hold every test (and side) that made
    /// <paramref name="finding"/> from the results <paramref name="a"/> (issue 13: a skipped test is no evidence the finding is gone). Load findings come from
    /// intake, not from a test, and count as re-tested; K5's BMI finding is re-tested only by a screen with height and weight.
    /// </summary>
    private static bool Retested(Finding finding, IReadOnlyList<TestResult> a, AssessmentRecord later)
    {
        if (finding.Region == ScreeningRules.BodyMassRegion)
        {
            return later.Body is not null;
        }

        var b = later.Results;
        var inputs = a.Where(r => finding.TriggeringInputs.Contains(r.ResultId.ToString("D", CultureInfo.InvariantCulture)));
        return inputs.All(r => b.Any(x => x.TestCode == r.TestCode && x.Side == r.Side));
    }
}
