using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// Issue 13: the side of the pain against the side of a finding. A finding on the painful side is treated first when
/// T2's cap forces a choice, and every exercise for a one-sided finding says whether it is the painful side.
/// </summary>
internal static class PainSides
{
    /// <summary>0: the finding is on the painful side; 1: no side to compare; 2: the other side.</summary>
    public static int Order(ScreenFinding finding, string? painSide) => Compare(finding, painSide) switch
    {
        true => 0,
        null => 1,
        false => 2,
    };

    public static string Note(ScreenFinding finding, string? painSide) => Compare(finding, painSide) switch
    {
        true => Invariant($" The finding is on the painful ({finding.Side}) side."),
        false => Invariant($" The finding is on the {finding.Side} side and the pain on the {painSide}: it is treated as a ") +
            "possible contributor, not as the painful side.",
        null => "",
    };

    // Null when either side is unknown or the pain is on both sides (or has no side).
    private static bool? Compare(ScreenFinding finding, string? painSide) =>
        finding.Side is "left" or "right" && painSide is "left" or "right" ? finding.Side == painSide : null;
}
