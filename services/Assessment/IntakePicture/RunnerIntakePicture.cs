using System.Collections.Immutable;
using RunRestore.Assessment.Screening;

namespace RunRestore.Assessment.IntakePicture;

/// <summary>A pain report as intake published it (intake's words for site, side and phase).</summary>
public sealed record PainReportCopy(Guid PainReportId, DateOnly Date, string BodySite, string Side, int Severity, string Phase,
    decimal? OnsetKm, decimal? OnsetMinutes);

/// <summary>
/// The assessment service's own copy of what intake said about a runner (open load flags, pain reports), built from
/// intake's events. Screens read pain reports from it, and fall back to its flags when intake does not answer.
/// </summary>
public sealed record RunnerIntakePicture(
    Guid Id,
    ImmutableDictionary<string, LoadFlagSnapshot> OpenFlags,
    ImmutableDictionary<Guid, PainReportCopy> PainReports,
    ImmutableHashSet<Guid> ResolvedPain)
{
    public static RunnerIntakePicture Empty(Guid runnerId) => new(runnerId, ImmutableDictionary<string, LoadFlagSnapshot>.Empty,
        ImmutableDictionary<Guid, PainReportCopy>.Empty, []);
}
