using static RunRestore.Programming.Library.Seed;
using BodySites = RunRestore.Contracts.Intake.BodySites;

namespace RunRestore.Programming.Library;

/// <summary>
/// The calf-raise ladder (K3, K5: plantar-flexor capacity) and the Nordic hamstring ladder (K6, contested evidence).
/// </summary>
internal static class CalfAndHamstringLadders
{
    private const string CalfRaise = "calf_raise";
    private const string Nordic = "nordic";

    // Eccentric overload on a painful hamstring is what a clinician would stage by hand, so the engine never
    // picks the Nordic for a hamstring pain site (K6's RR 0.49 is for prevention, and contested).
    private static readonly string[] PainfulHamstring = [BodySites.Hamstring];

    public static readonly Exercise[] All =
    [
        Step(CalfRaise, 0, "double_leg_calf_raise", "Double-leg calf raise", Qualities.Strength, Reps(3, 15),
            [Regions.Calf, Regions.Foot], ["step optional"], ["Full range, slow on the way down"]),
        Step(CalfRaise, 1, "single_leg_calf_raise", "Single-leg calf raise", Qualities.Strength,
            Reps(3, 12, perSide: true), [Regions.Calf, Regions.Foot, Regions.FootAnkleControl], ["wall for balance"],
            ["Rise over the big toe, no rolling out"]),
        Step(CalfRaise, 2, "single_leg_bent_knee_calf_raise", "Single-leg calf raise, bent knee", Qualities.Strength,
            Reps(3, 12, perSide: true), [Regions.Calf], ["wall for balance"], ["Keep the knee bent to load the soleus"]),
        // Loaded eccentrics are the heavy end of the calf ladder (T7 keeps them off the day before a hard run).
        Step(CalfRaise, 3, "eccentric_heel_drop", "Eccentric heel drop", Qualities.Strength,
            Reps(3, 15, perSide: true), [Regions.Calf], ["step", "backpack for load"],
            ["Up on two legs, down slowly on one"], heavy: true),

        Step(Nordic, 0, "nordic_assisted", "Nordic hamstring curl, assisted", Qualities.Strength, Reps(3, 5),
            [Regions.Hamstrings, Regions.PosteriorChain], ["anchor for the heels", "band for assistance"],
            ["Lower as slowly as you can, hips straight"], PainfulHamstring, heavy: true),
        Step(Nordic, 1, "nordic_full", "Nordic hamstring curl", Qualities.Strength, Reps(3, 6),
            [Regions.Hamstrings, Regions.PosteriorChain], ["anchor for the heels"],
            ["Control the whole descent, catch with the hands"], PainfulHamstring, heavy: true),
    ];
}
