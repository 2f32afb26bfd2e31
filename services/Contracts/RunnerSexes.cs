namespace RunRestore.Contracts;

/// <summary>The values integration events use for a runner's sex.</summary>
public static class RunnerSexes
{
    public const string Female = "female";
    public const string Male = "male";
    public const string Other = "other";
}
