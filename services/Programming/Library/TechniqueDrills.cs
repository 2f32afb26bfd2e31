using static RunRestore.Programming.Library.Seed;

namespace RunRestore.Programming.Library;

/// <summary>
/// Running-technique work, prescribed only in Improve after the T6 gate: step rate +5 % then +10 % (Heiderscheit 2011),
/// A-skip then B-skip drills, posture cues. Dosage is minutes of easy running as hold seconds, or drill repetitions.
/// </summary>
internal static class TechniqueDrills
{
    private const string Cadence = "cadence";
    private const string Drills = "running_drills";
    private const string Posture = "posture";

    private static readonly string[] RunningRegions = [Regions.HipTrunkControl, Regions.Quadriceps];

    public static readonly Exercise[] All =
    [
        Step(Cadence, 0, "cadence_plus_5", "Step rate +5 %", Qualities.Technique, Hold(1, 600), RunningRegions,
            ["metronome app"], ["Shorter, quicker steps at the same speed", "Land under the hips"]),
        Step(Cadence, 1, "cadence_plus_10", "Step rate +10 %", Qualities.Technique, Hold(1, 900), RunningRegions,
            ["metronome app"], ["Only once +5 % feels natural", "Keep the pace easy"]),

        Step(Drills, 0, "a_skip", "A-skip drill", Qualities.Technique, Reps(3, 10, perSide: true),
            [Regions.HipTrunkControl, Regions.FootAnkleControl], [], ["Knee up, foot lands under the hip"]),
        Step(Drills, 1, "b_skip", "B-skip drill", Qualities.Technique, Reps(3, 10, perSide: true),
            [Regions.HipTrunkControl, Regions.Hamstrings], [], ["Extend the leg, paw the ground back under the hip"]),

        Step(Posture, 0, "posture_cues", "Running posture cues", Qualities.Technique, Hold(1, 300),
            [Regions.Trunk, Regions.HipTrunkControl], [], ["Run tall", "Slight forward lean from the ankles", "Relaxed arms"]),
    ];
}
