using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Running;

namespace RunRestore.Programming.Tests;

/// <summary>Screens in the assessment service's words: keys "{RuleId}:{Region}:{side or 'both'}".</summary>
internal static class Screens
{
    public static readonly ScreenFinding HipAbductorsLeft = new("M4:hip_abductors:left", "strength_deficit", "hip_abductors", "left", "M4");
    public static readonly ScreenFinding HipAbductorsRight = new("M4:hip_abductors:right", "strength_deficit", "hip_abductors", "right", "M4");
    public static readonly ScreenFinding SingleLegSquat = new("M1:hip_trunk_control:right", "control_compensation", "hip_trunk_control", "right", "M1");
    public static readonly ScreenFinding Calf = new("M3:calf:both", "strength_deficit", "calf", null, "M3");
    public static readonly ScreenFinding BridgeEndurance = new("M7:posterior_chain:both", "strength_deficit", "posterior_chain", null, "M7");
    public static readonly ScreenFinding Hamstrings = new("M8:hamstrings:left", "mobility_limit", "hamstrings", "left", "M8");
    public static readonly ScreenFinding HamstringStrength = new("K6:hamstrings:both", "strength_deficit", "hamstrings", null, "K6");
    public static readonly ScreenFinding Dorsiflexion = new("M2:ankle_dorsiflexion:right", "mobility_limit", "ankle_dorsiflexion", "right", "M2");
    public static readonly ScreenFinding FootPosture = new("M9:foot:left", "foot_mechanics", "foot", "left", "M9");
    public static readonly ScreenFinding YBalance = new("M5:dynamic_balance:left", "balance", "dynamic_balance", "left", "M5");
    public static readonly ScreenFinding TrunkEndurance = new("M7:trunk:both", "strength_deficit", "trunk", null, "M7");
    public static readonly ScreenFinding LoadSpike = new("L2:training_load:both", "load", "training_load", null, "L2");
    public static readonly ScreenFinding ShortSleep = new("S1:sleep:both", "recovery_wellness", "sleep", null, "S1");

    /// <summary>An anterior-knee runner's first screen: hip, calf, posterior chain, single-leg squat, hamstrings, load.</summary>
    public static readonly ScreenFinding[] AnteriorKnee =
        [HipAbductorsLeft, Calf, BridgeEndurance, SingleLegSquat, Hamstrings, LoadSpike];

    public static ScreenSummary First(params ScreenFinding[] findings) => First("anterior_knee", findings);

    public static ScreenSummary First(string? painSite, params ScreenFinding[] findings) =>
        new(ProgramScenario.Id(9001), ProgramScenario.Day(0), ProgramScenario.Day(0), false, painSite, findings);

    /// <summary>
    /// A re-screen on <paramref name="day"/> of the program (the first screen was on day 0), after three runs in the
    /// days before it at <paramref name="runningPain"/> (1/10 unless given): T6's running evidence.
    /// </summary>
    public static ScreenSummary Again(int day, int? runningPain = null, params ScreenFinding[] findings) =>
        Rescreen(day, Runs(day, runningPain ?? 1, runningPain ?? 1, runningPain ?? 1), findings);

    /// <summary>A re-screen on <paramref name="day"/> with the given running evidence.</summary>
    public static ScreenSummary Rescreen(int day, RunningEvidence running, params ScreenFinding[] findings) =>
        new(ProgramScenario.Id(9001 + day), ProgramScenario.Day(day), ProgramScenario.Day(0), true, "anterior_knee",
            findings, Running: running);

    /// <summary>Runs every second day before <paramref name="day"/>, the latest first, at these running pains.</summary>
    public static RunningEvidence Runs(int day, params int[] pains) =>
        new([.. pains.Select((pain, i) => new RunWithPain(ProgramScenario.Id(7000 + i), ProgramScenario.Day(day - 1 - (2 * i)), pain))],
            ReturnToRunLadderComplete: false);
}
