using System.Globalization;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>M4, K1, K6: a limb symmetry index (weaker / stronger × 100) below this counts as weakness.</summary>
    public const decimal LimbSymmetryFloor = 85m;

    /// <summary>M4: a change of hip abduction strength over this share (%) of the previous value is real (MDC, Thorborg 2010).</summary>
    public const decimal HipAbductionMdcPercent = 15m;

    /// <summary>M3: a heel-raise side difference of more than this many reps is a calf capacity deficit.</summary>
    public const decimal HeelRaiseSideDifference = 6m;

    /// <summary>M3: reps below the age/sex norm, or the weaker side of a difference over 6 reps (evidence B).</summary>
    private static IEnumerable<Finding> HeelRaise(SidePair pair, ScreenedRunner runner)
    {
        var norm = HeelRaiseNorm.RepsFor(runner);
        // Under 20 there is no norm: a floor of 0 reps is never undershot, so only the side difference counts.
        foreach (var check in FloorOrAsymmetry(pair, norm ?? 0, (weaker, stronger) => stronger - weaker > HeelRaiseSideDifference))
        {
            var reps = check.Result.Value;
            var other = Word(Opposite(check.Side));
            var fewer = check.Stronger is { } s ? Show(s.Value - reps) : null;
            var label = (check.BelowFloor, fewer) switch
            {
                (true, null) => string.Create(CultureInfo.InvariantCulture, $"{Show(reps)} reps, norm {norm}"),
                (true, _) => string.Create(CultureInfo.InvariantCulture, $"{Show(reps)} reps, norm {norm}, {fewer} fewer than {other}"),
                _ => $"{Show(reps)} vs {Show(check.Stronger!.Value)} reps",
            };
            var reasons = new List<string>();
            if (check.BelowFloor)
            {
                reasons.Add(string.Create(CultureInfo.InvariantCulture, $"below the norm of {norm} for the runner's age and sex"));
            }

            if (fewer is not null)
            {
                reasons.Add($"{fewer} fewer than the {other} ({Show(check.Stronger!.Value)}; a side difference over 6 counts)");
            }

            var noNorm = norm is null ? "; no age norm applies under 20 (M3 has none), so only the side difference counts" : "";
            var explanation = $"{Capital(check.Side)} single-leg heel raise reached {Show(reps)} reps, {string.Join(" and ", reasons)}: a calf capacity deficit to check and treat (M3{noNorm}).";
            yield return Make(FindingKinds.StrengthDeficit, "calf", check.Side, reps, label, "M3", "B", check.Inputs, explanation);
        }
    }

    /// <summary>M4 hip abduction (evidence B).</summary>
    private static IEnumerable<Finding> HipAbduction(SidePair pair) =>
        LimbSymmetry(pair, "hip_abductors", "M4", "B", "hip abduction", string.Empty);

    /// <summary>K1's quadriceps input: the 85 % cut-off is the product's convention (evidence C), not a DOMAIN.md M rule.</summary>
    private static IEnumerable<Finding> Quadriceps(SidePair pair) =>
        LimbSymmetry(pair, "quadriceps", "K1", "C", "quadriceps strength", ", a product convention");

    /// <summary>K6's hamstring input: evidence X, so the sentence says it is contested.</summary>
    private static IEnumerable<Finding> Hamstrings(SidePair pair) =>
        LimbSymmetry(pair, "hamstrings", "K6", "X", "hamstring strength", "; the evidence for hamstring strength is contested");

    private static IEnumerable<Finding> LimbSymmetry(SidePair pair, string region, string ruleId, string evidence, string what, string note)
    {
        // The threshold is decided on the exact index; the stored magnitude is rounded to 1 decimal.
        if (pair.Ordered() is not { } o)
        {
            yield break;
        }

        var lsi = o.Weaker.Value * 100 / o.Stronger.Value;
        if (lsi >= LimbSymmetryFloor)
        {
            yield break;
        }

        var shown = Round(lsi, 1);
        var explanation = $"{Capital(o.Side)} {what} is {Show(shown)} % of the {Word(Opposite(o.Side))} (limb symmetry index; below 85 % counts as weakness{note}).";
        yield return Make(FindingKinds.StrengthDeficit, region, o.Side, shown, $"LSI {Show(shown)} %", ruleId, evidence,
            [pair.Left!, pair.Right!], explanation);
    }
}
