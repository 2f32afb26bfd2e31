namespace RunRestore.Contracts;

/// <summary>
/// The version of each DOMAIN.md rule as the code implements it; every finding, flag and program change stores its
/// rule's version with its id, so a clinician reading a decision knows which wording of the rule made it. DOMAIN.md is
/// rule set v2: a rule is at 2 once the code follows its v2 text (new: R1-R6; changed: P1-P3, the load preamble
/// (L2, L3), S1/S2, M4, K5, T8, T9, T3 and T6's paragraph), and stays at 1 while it follows the v1 text — bump an
/// entry in the commit that implements the change, never before.
/// </summary>
public static class RuleSet
{
    /// <summary>The DOMAIN.md rule set these versions come from.</summary>
    public const int DomainVersion = 2;

    private static readonly Dictionary<string, int> Versions = new(StringComparer.Ordinal)
    {
        ["L1"] = 1, ["L2"] = 2, ["L3"] = 2, ["L4"] = 1, ["L5"] = 1, ["L6"] = 1,
        ["S1"] = 2, ["S2"] = 2,
        ["R1"] = 2, ["R2"] = 2, ["R3"] = 2, ["R4"] = 2, ["R5"] = 2, ["R6"] = 2,
        ["P1"] = 2, ["P2"] = 2, ["P3"] = 2, ["P4"] = 1,
        ["M1"] = 1, ["M2"] = 1, ["M3"] = 1, ["M4"] = 2, ["M5"] = 1, ["M6"] = 1, ["M7"] = 1, ["M8"] = 1, ["M9"] = 1,
        ["K1"] = 1, ["K2"] = 1, ["K3"] = 1, ["K4"] = 1, ["K5"] = 2, ["K6"] = 1, ["K7"] = 1, ["K8"] = 1,
        ["T1"] = 1, ["T2"] = 1, ["T3"] = 2, ["T4"] = 1, ["T5"] = 1, ["T6"] = 2, ["T7"] = 1, ["T8"] = 2, ["T9"] = 1,
    };

    /// <summary>All rule ids with their versions.</summary>
    public static IReadOnlyDictionary<string, int> All => Versions;

    /// <summary>The version of <paramref name="ruleId"/>; an id DOMAIN.md does not have is a bug.</summary>
    public static int VersionOf(string ruleId) =>
        Versions.TryGetValue(ruleId, out var version)
            ? version
            : throw new ArgumentException($"DOMAIN.md has no rule {ruleId}.", nameof(ruleId));
}
