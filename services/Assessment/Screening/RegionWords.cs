namespace RunRestore.Assessment.Screening;

/// <summary>
/// How a region reads in a clinician's sentence: as a finding ("Hip abductor weakness") and as something to check
/// ("hip abductor strength"). Region words are the contracts' (AssessmentEvents.cs).
/// </summary>
internal static class RegionWords
{
    private static readonly Dictionary<string, (string Finding, string Check)> Words = new(StringComparer.Ordinal)
    {
        ["quadriceps"] = ("Quadriceps weakness", "quadriceps strength"),
        ["hip_abductors"] = ("Hip abductor weakness", "hip abductor strength"),
        ["hip_trunk_control"] = ("Poor hip and trunk control", "hip and trunk control (single-leg squat)"),
        ["foot"] = ("Foot mechanics", "foot posture (Foot Posture Index, navicular drop)"),
        ["calf"] = ("Calf capacity deficit", "calf strength and endurance (single-leg heel raise)"),
        ["ankle_dorsiflexion"] = ("Limited ankle dorsiflexion", "ankle dorsiflexion (knee-to-wall)"),
        ["hamstrings"] = ("Hamstring weakness or tightness", "hamstring strength and flexibility"),
        ["posterior_chain"] = ("Low posterior-chain endurance", "posterior-chain endurance (single-leg bridge)"),
        ["trunk"] = ("Low trunk endurance", "trunk endurance (side plank)"),
        ["foot_ankle_control"] = ("Poor single-leg balance", "single-leg balance (foot and ankle control)"),
        ["dynamic_balance"] = ("Reduced dynamic balance", "dynamic balance (Y-balance)"),
        ["training_load"] = ("Training load", "training load (weekly distance and load changes)"),
        ["running_intensity"] = ("Runs too intense", "running intensity"),
        ["race_calendar"] = ("Too many competitions", "the race calendar"),
        ["training_monotony"] = ("Training monotony", "training monotony"),
        ["sleep"] = ("Short sleep", "sleep"),
        ["stress"] = ("High stress", "life stress (work, sleep, worries)"),
        ["body_mass"] = ("Body mass", "body mass (BMI from height and weight)"),
    };

    public static string AsFinding(string region) =>
        Words.TryGetValue(region, out var words) ? words.Finding : Capitalise(region.Replace('_', ' '));

    public static string AsCheck(string region) =>
        Words.TryGetValue(region, out var words) ? words.Check : region.Replace('_', ' ');

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
