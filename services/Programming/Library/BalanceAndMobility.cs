using static RunRestore.Programming.Library.Seed;
using BodySites = RunRestore.Contracts.Intake.BodySites;

namespace RunRestore.Programming.Library;

/// <summary>
/// The single-leg balance ladder (M5, M6: dynamic balance and foot control) and the mobility singles (M2 dorsiflexion,
/// M8 hamstring flexibility, foam rolling). Mobility work has no ladder in DOMAIN.md, so each is its own one-step ladder.
/// </summary>
internal static class BalanceAndMobility
{
    private const string Balance = "single_leg_balance";

    public static readonly Exercise[] All =
    [
        Step(Balance, 0, "single_leg_balance", "Single-leg balance", Qualities.Balance, Hold(3, 30, perSide: true),
            [Regions.DynamicBalance, Regions.FootAnkleControl, Regions.Foot], [], ["Tall posture, soft knee"]),
        Step(Balance, 1, "single_leg_balance_eyes_closed", "Single-leg balance, eyes closed", Qualities.Balance,
            Hold(3, 20, perSide: true), [Regions.DynamicBalance, Regions.FootAnkleControl, Regions.Foot], [],
            ["Near a wall; stop when the foot moves"]),
        Step(Balance, 2, "single_leg_balance_unstable", "Single-leg balance on an unstable surface", Qualities.Balance,
            Hold(3, 30, perSide: true), [Regions.FootAnkleControl, Regions.Foot, Regions.DynamicBalance],
            ["cushion or balance pad"], ["Keep the arch lifted"]),
        Step(Balance, 3, "single_leg_balance_reach", "Single-leg balance with reach (Y-balance drill)",
            Qualities.Balance, Reps(3, 8, perSide: true), [Regions.DynamicBalance, Regions.HipTrunkControl],
            ["tape marks on the floor"], ["Reach forward, inward and outward without touching down"]),

        // K6: stretching a painful hamstring is not prescribed; hamstring strength takes its place.
        Single("hamstring_stretch", "Hamstring stretch", Hold(3, 30, perSide: true), [Regions.Hamstrings], ["mat"],
            ["Hinge at the hip, back long"], [BodySites.Hamstring]),
        Single("foam_roll_quads", "Foam roller, quadriceps", Hold(2, 60, perSide: true), [Regions.Quadriceps],
            ["foam roller"], ["Slow passes, pause on tender spots"]),
        Single("foam_roll_calf", "Foam roller, calf", Hold(2, 60, perSide: true),
            [Regions.Calf, Regions.AnkleDorsiflexion], ["foam roller"], ["Cross the other leg on top for more pressure"]),
        Single("foam_roll_itb", "Foam roller, ITB and lateral thigh", Hold(2, 60, perSide: true), [Regions.HipAbductors],
            ["foam roller"], ["Roll the lateral thigh and hip, not over the knee"]),
        Single("foam_roll_thoracic", "Foam roller, thoracic spine", Hold(2, 60), [Regions.Trunk], ["foam roller"],
            ["Hands behind the head, extend over the roller"]),
        Single("knee_to_wall", "Knee-to-wall ankle mobilisation", Reps(3, 10, perSide: true),
            [Regions.AnkleDorsiflexion], ["wall", "tape measure"], ["Heel down, knee over the second toe (M2)"]),
        Single("hip_flexor_stretch", "Hip-flexor stretch", Hold(3, 30, perSide: true),
            [Regions.HipTrunkControl, Regions.Trunk], ["mat"], ["Tuck the pelvis, squeeze the glute of the back leg"]),
    ];
}
