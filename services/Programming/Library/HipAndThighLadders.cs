using static RunRestore.Programming.Library.Seed;
using BodySites = RunRestore.Contracts.Intake.BodySites;

namespace RunRestore.Programming.Library;

/// <summary>
/// Bridge, wall bridge, squat, hip-abduction and step ladders (DOMAIN.md "Strength / control"). Loaded squat-pattern
/// work and the hip thrust are heavy lower-body strength for T7; bridges and side-lying work are not.
/// </summary>
internal static class HipAndThighLadders
{
    private const string Bridge = "glute_bridge";
    private const string WallBridge = "wall_bridge";
    private const string Squat = "squat";
    private const string Abduction = "hip_abduction";
    private const string StepLadder = "step";

    private static readonly string[] Mat = ["mat"];

    public static readonly Exercise[] All =
    [
        Step(Bridge, 0, "glute_bridge", "Glute bridge", Qualities.Strength, Reps(3, 12),
            [Regions.PosteriorChain, Regions.HipTrunkControl], Mat, ["Drive through the heels", "Ribs down, no arching"]),
        Step(Bridge, 1, "single_leg_bridge", "Single-leg bridge", Qualities.Strength, Reps(3, 10, perSide: true),
            [Regions.PosteriorChain, Regions.HipTrunkControl, Regions.HipAbductors], Mat, ["Keep the pelvis level"]),
        // Loaded lumbar extension: not the first choice when the pain site is the lower back (K8).
        Step(Bridge, 2, "hip_thrust", "Hip thrust", Qualities.Strength, Reps(3, 8),
            [Regions.PosteriorChain], ["bench", "barbell or dumbbell"], ["Chin tucked, finish with the glutes"],
            [BodySites.LowerBack], heavy: true),

        Step(WallBridge, 0, "wall_bridge", "Wall bridge (hamstring bias)", Qualities.Strength, Reps(3, 10),
            [Regions.Hamstrings, Regions.PosteriorChain], ["mat", "wall"], ["Heels on the wall, knees slightly bent"]),
        Step(WallBridge, 1, "single_leg_wall_bridge", "Single-leg wall bridge", Qualities.Strength,
            Reps(3, 8, perSide: true), [Regions.Hamstrings, Regions.PosteriorChain], ["mat", "wall"],
            ["Press the heel into the wall", "Keep the pelvis level"]),

        Step(Squat, 0, "squat", "Squat", Qualities.Strength, Reps(3, 10),
            [Regions.Quadriceps, Regions.PosteriorChain], ["dumbbells optional"], ["Knees track over the toes"],
            heavy: true),
        Step(Squat, 1, "split_squat", "Split squat", Qualities.Strength, Reps(3, 8, perSide: true),
            [Regions.Quadriceps, Regions.HipTrunkControl], ["dumbbells optional"], ["Front knee over the middle toe"],
            heavy: true),
        Step(Squat, 2, "lunge", "Lunge", Qualities.Strength, Reps(3, 8, perSide: true),
            [Regions.Quadriceps, Regions.HipTrunkControl], ["dumbbells optional"], ["Step long, trunk upright"],
            heavy: true),
        Step(Squat, 3, "reverse_lunge_knee_drive", "Reverse lunge with knee drive", Qualities.Control,
            Reps(3, 8, perSide: true), [Regions.Quadriceps, Regions.HipTrunkControl, Regions.DynamicBalance], [],
            ["Drive the knee up like a running stride", "Hold the top for one second"], heavy: true),
        Step(Squat, 4, "single_leg_box_squat", "Single-leg squat to a box", Qualities.Control,
            Reps(3, 6, perSide: true), [Regions.Quadriceps, Regions.HipTrunkControl, Regions.HipAbductors], ["box"],
            ["No knee valgus, no pelvic drop (M1)"], heavy: true),

        Step(Abduction, 0, "clamshell", "Clamshell", Qualities.Strength, Reps(3, 15, perSide: true),
            [Regions.HipAbductors], ["mat", "mini band optional"], ["Feet together, do not roll back"]),
        Step(Abduction, 1, "side_lying_hip_abduction", "Side-lying hip abduction", Qualities.Strength,
            Reps(3, 12, perSide: true), [Regions.HipAbductors], Mat, ["Lead with the heel, leg slightly behind"]),
        Step(Abduction, 2, "side_plank", "Side plank", Qualities.Strength, Hold(3, 30, perSide: true),
            [Regions.Trunk, Regions.HipAbductors], Mat, ["Straight line from head to feet"]),
        Step(Abduction, 3, "side_plank_hip_abduction", "Side plank with hip abduction", Qualities.Strength,
            Reps(3, 10, perSide: true), [Regions.Trunk, Regions.HipAbductors, Regions.HipTrunkControl], Mat,
            ["Keep the hips stacked while the top leg lifts"]),

        Step(StepLadder, 0, "step_up", "Step-up", Qualities.Strength, Reps(3, 10, perSide: true),
            [Regions.Quadriceps, Regions.HipTrunkControl], ["step or box"], ["Push through the whole foot on the box"]),
        Step(StepLadder, 1, "lateral_step_down", "Lateral step-down", Qualities.Control, Reps(3, 8, perSide: true),
            [Regions.Quadriceps, Regions.HipTrunkControl, Regions.HipAbductors], ["step"],
            ["Lower slowly, knee over the second toe, pelvis level"]),
    ];
}
