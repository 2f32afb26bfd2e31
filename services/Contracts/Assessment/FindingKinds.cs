namespace RunRestore.Contracts.Assessment;

/// <summary>The kinds of finding a screen reports (Finding.Kind): the words assessment sends and programming reads.</summary>
public static class FindingKinds
{
    public const string StrengthDeficit = "strength_deficit";
    public const string MobilityLimit = "mobility_limit";
    public const string ControlCompensation = "control_compensation";
    public const string Balance = "balance";
    public const string FootMechanics = "foot_mechanics";
    public const string Load = "load";
    public const string RecoveryWellness = "recovery_wellness";

    /// <summary>K5 (v2): BMI above 27 with heel pain (region body_mass); no exercise treats it.</summary>
    public const string BodyComposition = "body_composition";

    public static readonly IReadOnlyList<string> All =
        [StrengthDeficit, MobilityLimit, ControlCompensation, Balance, FootMechanics, Load, RecoveryWellness, BodyComposition];
}
