using RunRestore.Assessment.Screening;

namespace RunRestore.Assessment.Tests.Screening;

/// <summary>
/// Builds a screen in the words of the rules: results per side in the test's default unit, result ids as readable
/// numbers (<c>Id(3)</c>), intake's flags as snapshots. The runner defaults to a 35-year-old woman (M3 norm 27).
/// </summary>
internal sealed class ScreenBuilder
{
    private readonly List<TestResult> _results = [];
    private readonly List<LoadFlagSnapshot> _flags = [];
    private int _nextId = 1000;

    public ScreenedRunner Runner { get; set; } = new(35, "female");

    public static Guid Id(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    public static string Input(int number) => Id(number).ToString("D");

    public ScreenBuilder Left(string code, decimal value, string? unit = null, Rating? rating = null, int? id = null) =>
        Result(code, BodySide.Left, value, unit, rating, id);

    public ScreenBuilder Right(string code, decimal value, string? unit = null, Rating? rating = null, int? id = null) =>
        Result(code, BodySide.Right, value, unit, rating, id);

    public ScreenBuilder Both(string code, decimal left, decimal right) => Left(code, left).Right(code, right);

    public ScreenBuilder Result(string code, BodySide? side, decimal value, string? unit = null, Rating? rating = null, int? id = null)
    {
        unit ??= TestCatalogue.Find(code)?.Units[0] ?? "unknown";
        _results.Add(new TestResult(id is { } n ? Id(n) : Id(_nextId++), code, side, value, unit, rating, ""));
        return this;
    }

    public ScreenBuilder Squat(BodySide side, Rating rating, int? id = null) =>
        Result(TestCodes.SingleLegSquat, side, 0, rating: rating, id: id);

    /// <summary>An intake flag as the assessment service keeps it (kind, severity and evidence as intake wrote them).</summary>
    public ScreenBuilder Flag(string ruleId, string kind, string evidence, string explanation, params (string Key, decimal Value)[] numbers)
    {
        _flags.Add(new LoadFlagSnapshot(ruleId, kind, "caution", evidence, explanation, numbers.ToDictionary(n => n.Key, n => n.Value)));
        return this;
    }

    public IReadOnlyList<Finding> Findings() => ScreeningRules.Findings(_results, Runner, _flags);

    /// <summary>Only the findings of one rule, so a test of M6 is not disturbed by what its results do elsewhere.</summary>
    public IReadOnlyList<Finding> FindingsOf(string ruleId) => [.. Findings().Where(f => f.RuleId == ruleId)];

    public IReadOnlyList<ContributingRegion> Regions(string? painSite) => ScreeningRules.RankRegions(painSite, Findings());
}
