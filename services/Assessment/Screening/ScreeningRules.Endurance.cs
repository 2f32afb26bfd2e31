using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>M7: fewer seconds than this in a bridge or side-plank hold is low endurance.</summary>
    public const decimal EnduranceFloorSeconds = 30m;

    /// <summary>M7: the weaker side more than this share below the better side is a finding.</summary>
    public const decimal EnduranceSideDifferencePercent = 15m;

    /// <summary>
    /// M7 single-leg bridge (evidence C). DOMAIN.md calls it an endurance finding; its kind is "strength_deficit"
    /// (the contracts have no endurance kind, and the treatment is the same progressive strength work, T1).
    /// </summary>
    private static IEnumerable<Finding> BridgeEndurance(SidePair pair) =>
        Endurance(pair, "posterior_chain", "single-leg bridge hold", "a posterior-chain endurance deficit");

    /// <summary>M7 side plank (evidence C): the same rule as the bridge, for the trunk.</summary>
    private static IEnumerable<Finding> SidePlankEndurance(SidePair pair) =>
        Endurance(pair, "trunk", "side plank hold", "a trunk endurance deficit");

    /// <summary>M7's "side difference > 15 %" is read like M6's: as a share of the better side.</summary>
    private static IEnumerable<Finding> Endurance(SidePair pair, string region, string test, string meaning) =>
        FloorOrAsymmetry(pair, EnduranceFloorSeconds, (weaker, stronger) => ShortfallPercent(weaker, stronger) > EnduranceSideDifferencePercent)
            .Select(check => TimedFinding(check, FindingKinds.StrengthDeficit, region, "M7", test, "under 30 s", "over 15 %", meaning));
}
