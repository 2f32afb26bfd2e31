using System.Globalization;
using RunRestore.Contracts;
using RunRestore.Contracts.Intake;

namespace RunRestore.Assessment.Screening;

/// <summary>
/// The movement-screen rules of DOMAIN.md (M1-M9, the K1/K6 strength inputs) and the kinetic-chain ranking (K1-K8)
/// as pure functions: no clock, no I/O. Findings are impairments to check and treat, never a diagnosis.
/// </summary>
public static partial class ScreeningRules
{
    /// <summary>
    /// The findings of one screen, in catalogue order (M1-M4, quadriceps, hamstrings, M5-M9; left before right),
    /// then one finding per load or wellness flag in the order given. Per test and side the last result in
    /// <paramref name="results"/> counts (a retest replaces the first attempt); results of unknown tests, without a
    /// side or in a unit the test does not list are ignored, as no threshold applies to them.
    /// </summary>
    public static IReadOnlyList<Finding> Findings(
        IReadOnlyList<TestResult> results, ScreenedRunner runner, IReadOnlyList<LoadFlagSnapshot> loadFlags)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(loadFlags);
        SidePair Pair(string code) => SidePair.Of(results, code);
        return
        [
            .. SingleLegSquat(Pair(TestCodes.SingleLegSquat)),
            .. KneeToWall(Pair(TestCodes.KneeToWall)),
            .. HeelRaise(Pair(TestCodes.SingleLegHeelRaise), runner),
            .. HipAbduction(Pair(TestCodes.HipAbductionStrength)),
            .. Quadriceps(Pair(TestCodes.QuadricepsStrength)),
            .. Hamstrings(Pair(TestCodes.HamstringStrength)),
            .. YBalance(Pair(TestCodes.YBalanceAnterior), Pair(TestCodes.YBalanceComposite)),
            .. SingleLegBalance(Pair(TestCodes.SingleLegBalanceEyesClosed)),
            .. BridgeEndurance(Pair(TestCodes.SingleLegBridgeEndurance)),
            .. SidePlankEndurance(Pair(TestCodes.SidePlankEndurance)),
            .. KneeExtension(Pair(TestCodes.ActiveKneeExtensionDeficit)),
            .. FootPosture(Pair(TestCodes.FootPostureIndex), Pair(TestCodes.NavicularDrop)),
            .. loadFlags.Select(LoadFinding).OfType<Finding>(),
        ];
    }

    private static Finding Make(
        string kind, string region, BodySide? side, decimal? magnitude, string label, string ruleId, string evidence,
        IEnumerable<TestResult> inputs, string explanation) =>
        new(kind, region, side, magnitude, label, ruleId, RuleSet.VersionOf(ruleId), evidence,
            [.. inputs.Select(r => r.ResultId.ToString("D", CultureInfo.InvariantCulture))], explanation);

    /// <summary>
    /// Half-up rounding for shown numbers, so a clinician recomputing by hand gets the same figure (banker's
    /// rounding, .NET's default, would show 84.45 as 84.4).
    /// </summary>
    internal static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Numbers in explanations are invariant: the sentence is stored and read back on any server.</summary>
    /// <remarks>Rounded half-up to as many decimals as <paramref name="format"/> shows ("0.#" → 1, "0.00" → 2).</remarks>
    internal static string Show(decimal value, string format = "0.#")
    {
        var point = format.IndexOf('.', StringComparison.Ordinal);
        return Round(value, point < 0 ? 0 : format.Length - point - 1).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>A side in the pain report's words (<see cref="BodySides"/>), as findings, events and the proto write it.</summary>
    internal static string Word(BodySide side) => side == BodySide.Left ? BodySides.Left : BodySides.Right;

    /// <summary>The side of a finding or result; null when it is not per side.</summary>
    internal static string? Word(BodySide? side) => side is { } known ? Word(known) : null;

    internal static string Capital(BodySide side) => side == BodySide.Left ? "Left" : "Right";

    internal static BodySide Opposite(BodySide side) => side == BodySide.Left ? BodySide.Right : BodySide.Left;

    /// <summary>The weaker side's shortfall as a share of the better side (M6 "> 30 %", M7 "> 15 %").</summary>
    internal static decimal ShortfallPercent(decimal weaker, decimal stronger) => (stronger - weaker) * 100 / stronger;
}
