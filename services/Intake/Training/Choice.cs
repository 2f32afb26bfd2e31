namespace RunRestore.Intake.Training;

/// <summary>
/// An enum field of a command as it arrived: the domain value it names, or none — then <see cref="Unknown"/> is what
/// was sent instead (null when nothing was). The gRPC mapping makes them; the deciders refuse the ones without a value.
/// </summary>
public readonly record struct Choice<TEnum>(TEnum? Value, string? Unknown) where TEnum : struct, Enum
{
    public bool IsGiven => Value is not null || Unknown is not null;
}

public static class Choice
{
    public static Choice<TEnum> Of<TEnum>(TEnum value) where TEnum : struct, Enum => new(value, null);

    public static Choice<TEnum> NotGiven<TEnum>() where TEnum : struct, Enum => default;

    public static Choice<TEnum> Unknown<TEnum>(string sent) where TEnum : struct, Enum => new(null, sent);
}
