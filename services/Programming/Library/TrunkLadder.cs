using static RunRestore.Programming.Library.Seed;

namespace RunRestore.Programming.Library;

/// <summary>
/// The trunk-endurance ladder for M7's trunk finding (bridge / side-plank endurance: trunk) and K8's trunk region: the
/// side plank sits on the hip-abduction ladder, so a runner treated there for M4 still needs trunk work of its own.
/// Holds build endurance, which is what M7 measures.
/// </summary>
internal static class TrunkLadder
{
    private const string Trunk = "trunk_endurance";

    public static readonly Exercise[] All =
    [
        Step(Trunk, 0, "dead_bug", "Dead bug", Qualities.Strength, Reps(3, 10, perSide: true), [Regions.Trunk], ["mat"],
            ["Lower back stays on the floor", "Breathe out as the arm and leg reach"]),
        Step(Trunk, 1, "front_plank", "Front plank", Qualities.Strength, Hold(3, 30), [Regions.Trunk], ["mat"],
            ["Straight line from head to heels", "Ribs down, glutes on"]),
        Step(Trunk, 2, "plank_leg_lift", "Front plank with leg lift", Qualities.Strength, Reps(3, 8, perSide: true),
            [Regions.Trunk, Regions.PosteriorChain], ["mat"], ["Hips stay level while one leg lifts"]),
    ];
}
