using RunRestore.Intake.Pain;

namespace RunRestore.Intake.Runners;

/// <summary>Sex as the clinic records it; drives age/sex norms downstream (DOMAIN.md M3).</summary>
public enum RunnerSex
{
    Female = 1,
    Male = 2,
    Other = 3,
}

/// <summary>
/// The first event of a runner's stream: a clinic registered them. <paramref name="TimeZone"/> is the IANA zone their
/// today is taken in (<see cref="RunnerToday"/>); runners registered before zones existed read as UTC.
/// </summary>
public sealed record RunnerRegistered(Guid RunnerId, string DisplayName, int BirthYear, RunnerSex Sex, DateTimeOffset RegisteredAt,
    string TimeZone = RunnerToday.DefaultTimeZone);

/// <summary>The clinic moved the runner to another time zone (IANA id): their today is taken there from now on.</summary>
public sealed record RunnerTimeZoneChanged(string TimeZone, string PreviousTimeZone, DateTimeOffset ChangedAt);

/// <summary>The clinic replaced the runner's goals, availability and injury history.</summary>
public sealed record RunnerProfileUpdated(RunnerProfile Profile, DateTimeOffset UpdatedAt);

/// <summary>A race the runner trains for.</summary>
public sealed record Goal(DateOnly? TargetRaceDate, decimal? TargetDistanceKm, string Description);

/// <summary>When the runner can do strength and mobility work (programming schedules around it).</summary>
public sealed record WeeklyAvailability(IReadOnlyList<DayOfWeek> TrainingDays, int MinutesPerWeek);

/// <summary>An earlier injury (e.g. a previous tendinopathy, DOMAIN.md K3).</summary>
public sealed record PastInjury(BodySite BodySite, Side Side, int Year, string Description);

/// <summary>What the clinic knows about the runner beyond their name.</summary>
public sealed record RunnerProfile(Goal? Goal, WeeklyAvailability? Availability, IReadOnlyList<PastInjury> InjuryHistory)
{
    public static readonly RunnerProfile Empty = new(null, null, []);
}

/// <summary>The runner's profile as their stream tells it (kept as an inline snapshot for reads).</summary>
public sealed record Runner(Guid Id, string DisplayName, int BirthYear, RunnerSex Sex, DateTimeOffset RegisteredAt,
    RunnerProfile Profile, string TimeZone = RunnerToday.DefaultTimeZone)
{
    public static Runner Create(RunnerRegistered registered) => new(registered.RunnerId, registered.DisplayName,
        registered.BirthYear, registered.Sex, registered.RegisteredAt, RunnerProfile.Empty, registered.TimeZone);

    public Runner Apply(RunnerProfileUpdated updated) => this with { Profile = updated.Profile };

    public Runner Apply(RunnerTimeZoneChanged changed) => this with { TimeZone = changed.TimeZone };

    /// <summary>Applies any of the profile's events (for a handler that returns the state after its decision).</summary>
    public Runner Then(object e) => e switch
    {
        RunnerProfileUpdated updated => Apply(updated),
        RunnerTimeZoneChanged moved => Apply(moved),
        _ => this,
    };
}
