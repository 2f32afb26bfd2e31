namespace RunRestore.Assessment.Screening;

/// <summary>
/// The tests a clinician can record in a movement screen (DOMAIN.md M1-M9, plus the quadriceps and hamstring
/// strength tests K1 and K6 reason from, and the R2 red-flag checks: single-leg hop and bony tenderness). Every test is per side: each rule compares a side with a norm or with
/// the other side.
/// </summary>
public static partial class TestCatalogue
{
    private static readonly Entry[] Entries = Define();

    /// <summary>The unit of the R2 red-flag checks: the value is an answer, 0 no, 1 yes, 2 unsure (whole numbers only).</summary>
    public const string AnswerUnit = "answer";

    /// <summary>An answer that counts as a red-flag sign: yes (1) or unsure (2) (DOMAIN.md R1-R6: unsure counts as present).</summary>
    public static bool IsPresent(decimal answer) => answer is 1m or 2m;

    /// <summary>Every test, in the order a screen runs them (M1 to M9, the strength tests after M4).</summary>
    public static IReadOnlyList<TestDefinition> All { get; } = [.. Entries.Select(e => e.Test)];

    /// <summary>The test with <paramref name="code"/> (exact, snake_case); null when there is none.</summary>
    public static TestDefinition? Find(string code) =>
        Array.Find(Entries, e => string.Equals(e.Test.Code, code, StringComparison.Ordinal))?.Test;

    /// <summary>
    /// The valid range of <paramref name="code"/> recorded in <paramref name="unit"/>; null when the test or the unit
    /// is unknown. <see cref="TestDefinition.Min"/> and <see cref="TestDefinition.Max"/> hold the first (default)
    /// unit's range, like <see cref="TestDefinition.Mdc"/>; a second unit (hip abduction in %BW, quadriceps in Nm/kg)
    /// has a range of its own, so it is looked up here.
    /// </summary>
    public static (decimal Min, decimal Max)? RangeFor(string code, string unit)
    {
        var entry = Array.Find(Entries, e => string.Equals(e.Test.Code, code, StringComparison.Ordinal));
        var range = entry?.Ranges.FirstOrDefault(r => string.Equals(r.Unit, unit, StringComparison.Ordinal));
        return range is null ? null : (range.Min, range.Max);
    }

    private sealed record UnitRange(string Unit, decimal Min, decimal Max);

    private sealed record Entry(TestDefinition Test, IReadOnlyList<UnitRange> Ranges);

    private static Entry PerSide(
        string code, string name, string ruleId, string quality, UnitRange[] ranges, decimal? mdc, string[] norms,
        string instructions, bool needsRating = false) =>
        new(new TestDefinition(code, name, ruleId, quality, [.. ranges.Select(r => r.Unit)], ranges[0].Min, ranges[0].Max,
            PerSide: true, needsRating, mdc, norms, instructions), ranges);

    private static UnitRange Range(string unit, decimal min, decimal max) => new(unit, min, max);
}
