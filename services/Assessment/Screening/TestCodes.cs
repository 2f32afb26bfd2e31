namespace RunRestore.Assessment.Screening;

/// <summary>
/// The catalogue's test codes (snake_case, as stored with every result), so the rules and the catalogue cannot
/// drift apart on a spelling.
/// </summary>
public static class TestCodes
{
    public const string SingleLegSquat = "single_leg_squat";
    public const string KneeToWall = "knee_to_wall";
    public const string SingleLegHeelRaise = "single_leg_heel_raise";
    public const string HipAbductionStrength = "hip_abduction_strength";
    public const string QuadricepsStrength = "quadriceps_strength";
    public const string HamstringStrength = "hamstring_strength";
    public const string YBalanceAnterior = "y_balance_anterior";
    public const string YBalanceComposite = "y_balance_composite";
    public const string SingleLegBalanceEyesClosed = "single_leg_balance_eyes_closed";
    public const string SingleLegBridgeEndurance = "single_leg_bridge_endurance";
    public const string SidePlankEndurance = "side_plank_endurance";
    public const string ActiveKneeExtensionDeficit = "active_knee_extension_deficit";
    public const string FootPostureIndex = "foot_posture_index";
    public const string NavicularDrop = "navicular_drop";

    // DOMAIN.md R2 red-flag checks: answered no (0), yes (1) or unsure (2) per side; unsure counts as present.
    public const string SingleLegHopPain = "single_leg_hop_pain";
    public const string BonyTenderness = "bony_tenderness";
}
