using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>M5: an anterior-reach side difference of more than this many cm is an asymmetry (smaller changes are noise).</summary>
    public const decimal AnteriorReachSideDifferenceCm = 4m;

    /// <summary>M5: a composite reach below this share of limb length is low.</summary>
    public const decimal CompositeReachFloorPercent = 94m;

    /// <summary>M6: fewer seconds than this standing on one leg with eyes closed is a finding.</summary>
    public const decimal BalanceFloorSeconds = 10m;

    /// <summary>M6: the weaker side more than this share below the better side is a finding.</summary>
    public const decimal BalanceSideDifferencePercent = 30m;

    /// <summary>
    /// M5 (evidence X, so every sentence says it is contested). Both parts share the region "dynamic_balance", so an
    /// anterior asymmetry and a low composite on the same side merge into one finding: the key (M5:dynamic_balance:side)
    /// stays unique. The magnitude is the anterior difference in cm when that fired, else the composite in %.
    /// </summary>
    private static IEnumerable<Finding> YBalance(SidePair anterior, SidePair composite)
    {
        var ordered = anterior.Ordered();
        var asymmetric = ordered is { } o && o.Stronger.Value - o.Weaker.Value > AnteriorReachSideDifferenceCm;
        foreach (var side in new[] { BodySide.Left, BodySide.Right })
        {
            var reach = asymmetric && ordered?.Side == side ? ordered : null;
            var low = (side == BodySide.Left ? composite.Left : composite.Right) is { } c && c.Value < CompositeReachFloorPercent ? c : null;
            if (reach is null && low is null)
            {
                continue;
            }

            var labels = new List<string>();
            var reasons = new List<string>();
            var inputs = new List<TestResult>();
            if (reach is { } r)
            {
                var difference = r.Stronger.Value - r.Weaker.Value;
                labels.Add($"anterior reach {Show(difference)} cm less than {Word(Opposite(side))}");
                reasons.Add($"the anterior reach ({Show(r.Weaker.Value)} cm) is {Show(difference)} cm shorter than the {Word(Opposite(side))} (over 4 cm counts as an asymmetry)");
                inputs.AddRange(side == BodySide.Left ? [r.Weaker, r.Stronger] : [r.Stronger, r.Weaker]);
            }

            if (low is not null)
            {
                labels.Add($"composite {Show(low.Value)} %");
                reasons.Add($"the composite reach is {Show(low.Value)} % of limb length (under 94 % counts as low)");
                inputs.Add(low);
            }

            var magnitude = reach is { } m ? m.Stronger.Value - m.Weaker.Value : low!.Value;
            var explanation = $"{Capital(side)} Y-balance: {string.Join(" and ", reasons)}: a dynamic balance finding to check and treat, though these Y-balance thresholds are contested evidence (M5).";
            yield return Make(FindingKinds.Balance, "dynamic_balance", side, magnitude, string.Join("; ", labels), "M5", "X", inputs, explanation);
        }
    }

    /// <summary>M6 (evidence C): under 10 s on a side, or the weaker side more than 30 % below the better one.</summary>
    private static IEnumerable<Finding> SingleLegBalance(SidePair pair) =>
        FloorOrAsymmetry(pair, BalanceFloorSeconds, (weaker, stronger) => ShortfallPercent(weaker, stronger) > BalanceSideDifferencePercent)
            .Select(check => TimedFinding(check, FindingKinds.Balance, "foot_ankle_control", "M6", "single-leg balance with eyes closed",
                "under 10 s", "over 30 %", "a balance and foot-control finding"));

    /// <summary>
    /// M6, M7: the finding of one timed hold (seconds), below its floor and/or the weaker side of an asymmetry;
    /// the magnitude is that side's seconds.
    /// </summary>
    private static Finding TimedFinding(
        SideCheck check, string kind, string region, string ruleId, string test, string floorWords, string differenceWords, string meaning)
    {
        var seconds = check.Result.Value;
        var reasons = new List<string>();
        if (check.BelowFloor)
        {
            reasons.Add($"{floorWords} counts as low");
        }

        if (check.Stronger is { } s)
        {
            reasons.Add($"it is {Show(ShortfallPercent(seconds, s.Value))} % shorter than the {Word(Opposite(check.Side))} ({Show(s.Value)} s; {differenceWords} counts)");
        }

        var label = check.Stronger is { } other ? $"{Show(seconds)} s vs {Show(other.Value)} s" : $"{Show(seconds)} s";
        var explanation = $"{Capital(check.Side)} {test} lasted {Show(seconds)} s — {string.Join(" and ", reasons)}: {meaning} to check and treat ({ruleId}).";
        return Make(kind, region, check.Side, seconds, label, ruleId, "C", check.Inputs, explanation);
    }
}
