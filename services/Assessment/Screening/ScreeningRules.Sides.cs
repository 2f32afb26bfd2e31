namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>The result that counts for each side of one test: the last one recorded for that side.</summary>
    internal sealed record SidePair(TestResult? Left, TestResult? Right)
    {
        public static SidePair Of(IReadOnlyList<TestResult> results, string code)
        {
            var units = TestCatalogue.Find(code)?.Units ?? [];
            var usable = results
                .Where(r => string.Equals(r.TestCode, code, StringComparison.Ordinal) && units.Contains(r.Unit, StringComparer.Ordinal))
                .ToList();
            return new(usable.LastOrDefault(r => r.Side == BodySide.Left), usable.LastOrDefault(r => r.Side == BodySide.Right));
        }

        /// <summary>The sides with a result, left first.</summary>
        public IEnumerable<(BodySide Side, TestResult Result)> Present()
        {
            if (Left is not null)
            {
                yield return (BodySide.Left, Left);
            }

            if (Right is not null)
            {
                yield return (BodySide.Right, Right);
            }
        }

        /// <summary>
        /// Both sides ordered by value, lower first; null without both sides, when they are equal, or when they were
        /// recorded in different units (N/kg against %BW would be no comparison at all).
        /// </summary>
        public (BodySide Side, TestResult Weaker, TestResult Stronger)? Ordered()
        {
            if (Left is null || Right is null || !string.Equals(Left.Unit, Right.Unit, StringComparison.Ordinal) || Left.Value == Right.Value)
            {
                return null;
            }

            return Left.Value < Right.Value ? (BodySide.Left, Left, Right) : (BodySide.Right, Right, Left);
        }
    }

    /// <summary>
    /// One side that fires a "floor or asymmetry" rule (M3, M6, M7): below the floor on its own and/or the weaker side
    /// of an asymmetry. <paramref name="Stronger"/> is the other side's result when the asymmetry fired.
    /// </summary>
    internal sealed record SideCheck(BodySide Side, TestResult Result, bool BelowFloor, TestResult? Stronger)
    {
        public IEnumerable<TestResult> Inputs => Stronger is null ? [Result] : Side == BodySide.Left ? [Result, Stronger] : [Stronger, Result];
    }

    /// <summary>
    /// Each side below <paramref name="floor"/> gets a finding; an asymmetry adds its reason to the weaker side's
    /// finding (or is the weaker side's only reason), so one side never carries two findings with the same key.
    /// </summary>
    internal static IEnumerable<SideCheck> FloorOrAsymmetry(SidePair pair, decimal floor, Func<decimal, decimal, bool> asymmetric)
    {
        var ordered = pair.Ordered();
        var asymmetry = ordered is { } o && asymmetric(o.Weaker.Value, o.Stronger.Value) ? ordered : null;
        foreach (var (side, result) in pair.Present())
        {
            var stronger = asymmetry is { } a && a.Side == side ? a.Stronger : null;
            var below = result.Value < floor;
            if (below || stronger is not null)
            {
                yield return new SideCheck(side, result, below, stronger);
            }
        }
    }
}
