namespace RunRestore.Intake.Runners;

/// <summary>Sex as the clinic records it; drives age/sex norms downstream (DOMAIN.md M3).</summary>
public enum RunnerSex
{
    Female = 1,
    Male = 2,
    Other = 3,
}

/// <summary>The first event of a runner's stream: a clinic registered them.</summary>
public sealed record RunnerRegistered(Guid RunnerId, string DisplayName, int BirthYear, RunnerSex Sex, DateTimeOffset RegisteredAt);

/// <summary>The runner's profile as their stream tells it (kept as an inline snapshot for reads).</summary>
public sealed record Runner(Guid Id, string DisplayName, int BirthYear, RunnerSex Sex, DateTimeOffset RegisteredAt)
{
    public static Runner Create(RunnerRegistered registered) =>
        new(registered.RunnerId, registered.DisplayName, registered.BirthYear, registered.Sex, registered.RegisteredAt);
}
