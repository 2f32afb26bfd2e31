namespace RunRestore.Programming.Programs;

/// <summary>
/// The clinic's phases (DOMAIN.md method 5): Restore → Maintain → Improve. Technique work may start only in Improve
/// (T6). Numbered from 1 so a proto enum's 0 ("unspecified") never reads as a phase.
/// </summary>
public enum Phase
{
    Restore = 1,
    Maintain = 2,
    Improve = 3,
}

/// <summary>Phase words for explanations and for callers that receive a phase as text.</summary>
public static class Phases
{
    /// <summary>The phase in the clinic's words ("restore", "maintain", "improve").</summary>
    public static string Word(Phase phase) => phase switch
    {
        Phase.Restore => "restore",
        Phase.Maintain => "maintain",
        Phase.Improve => "improve",
        _ => "unknown",
    };

    /// <summary>True for Restore, Maintain and Improve; false for any other number cast to <see cref="Phase"/>.</summary>
    public static bool IsKnown(Phase phase) => phase is Phase.Restore or Phase.Maintain or Phase.Improve;

    /// <summary>Reads "restore", "maintain" or "improve" (any case); null for anything else.</summary>
    public static Phase? Parse(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "RESTORE" => Phase.Restore,
        "MAINTAIN" => Phase.Maintain,
        "IMPROVE" => Phase.Improve,
        _ => null,
    };
}
