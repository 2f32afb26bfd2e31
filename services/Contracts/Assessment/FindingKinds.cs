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

    public static readonly IReadOnlyList<string> All =
        [StrengthDeficit, MobilityLimit, ControlCompensation, Balance, FootMechanics, Load, RecoveryWellness];
}
