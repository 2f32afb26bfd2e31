using Marten;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Runners;

/// <summary>
/// A clinic registers a runner. The id is chosen by the caller's handler; time comes in on the command.
/// <paramref name="TimeZone"/> is an IANA id, blank for UTC (the runner's today, DOMAIN.md "Load" preamble).
/// </summary>
public sealed record RegisterRunner(Guid RunnerId, string DisplayName, int BirthYear, RunnerSex? Sex, DateTimeOffset Now,
    string? TimeZone = null);

public static class RegisteringRunner
{
    public const int MaxNameLength = 200;
    public const int EarliestBirthYear = 1900;

    /// <summary>Validates the command and returns the event that starts the runner's stream.</summary>
    public static RunnerRegistered Decide(RegisterRunner command)
    {
        var violations = new FieldViolations();
        var name = violations.SingleLine(command.DisplayName, "display_name", MaxNameLength, required: true);
        violations.Check(command.BirthYear >= EarliestBirthYear && command.BirthYear <= command.Now.Year, "birth_year",
                $"must be between {EarliestBirthYear} and {command.Now.Year}")
            .Check(command.Sex is not null, "sex", "must be SEX_FEMALE, SEX_MALE or SEX_OTHER");
        var zone = violations.TimeZone(command.TimeZone, "time_zone") ?? RunnerToday.DefaultTimeZone;
        violations.ThrowIfAny();
        return new RunnerRegistered(command.RunnerId, name, command.BirthYear, command.Sex!.Value, command.Now, zone);
    }

    public static async Task<Runner> HandleAsync(IDocumentSession session, RegisterRunner command, CancellationToken ct)
    {
        var registered = Decide(command);
        session.Events.StartStream<Runner>(registered.RunnerId, registered);
        return Runner.Create(registered);
    }
}
