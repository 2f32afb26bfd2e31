using System.Globalization;
using RunRestore.Common.V1;
using RunRestore.Contracts;

namespace RunRestore.ServiceDefaults.RunnerDirectory;

/// <summary>
/// A downstream service's own copy of a runner registered at intake (from RunnerRegistered), so it can answer
/// and apply age/sex norms without calling intake. Stored per clinic in the service's schema.
/// </summary>
public sealed record KnownRunner(Guid Id, string DisplayName, int BirthYear, string Sex, DateTimeOffset RegisteredAt)
{
    public RunnerSummary ToProto() => new()
    {
        RunnerId = Id.ToString(),
        DisplayName = DisplayName,
        BirthYear = BirthYear,
        Sex = Sex switch
        {
            RunnerSexes.Female => Common.V1.Sex.Female,
            RunnerSexes.Male => Common.V1.Sex.Male,
            RunnerSexes.Other => Common.V1.Sex.Other,
            _ => Common.V1.Sex.Unspecified,
        },
        RegisteredAt = RegisteredAt.ToString("O", CultureInfo.InvariantCulture),
    };
}
