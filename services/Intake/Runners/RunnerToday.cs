using System.Text.RegularExpressions;
using Marten;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Runners;

/// <summary>
/// The runner's today. DOMAIN.md "Load" preamble (rule set v2): flags are evaluated as of the runner's today in their
/// time zone; ARCHITECTURE.md "Time": dates of runs are the runner's local dates. Every "today" intake uses (date
/// checks, the daily flag check, GetTrainingLoad) comes from here, from an IANA zone stored on the runner.
/// </summary>
public static partial class RunnerToday
{
    /// <summary>The zone of a runner registered without one (and of every runner registered before zones existed).</summary>
    public const string DefaultTimeZone = "UTC";

    public const int MaxTimeZoneLength = 64;

    /// <summary>The runner's local date at <paramref name="now"/>; no zone (an older runner) is UTC.</summary>
    public static DateOnly Of(string? timeZone, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZone ?? DefaultTimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
    }

    /// <summary>
    /// The runner's today, for a write that checks its dates before it fetches the stream. An unknown runner gets UTC's
    /// today: the input is checked as usual and the write then answers NOT_FOUND, as before zones.
    /// </summary>
    public static async Task<DateOnly> OfRunnerAsync(this IQuerySession session, Guid runnerId, DateTimeOffset now,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var zone = await session.Query<Runner>().Where(r => r.Id == runnerId).Select(r => r.TimeZone)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return Of(zone, now);
    }

    /// <summary>
    /// An IANA time zone id ("Europe/Berlin"), checked with <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/>; a
    /// Windows id, an unknown name or anything shaped like a path is a violation. Blank is null: the caller's default.
    /// </summary>
    public static string? TimeZone(this FieldViolations violations, string? value, string field)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var id = (value ?? "").Trim();
        if (id.Length == 0)
        {
            return null;
        }

        // The shape first: the lookup reads files named by the id, so no "..", no leading '/' ever reaches it.
        var known = id.Length <= MaxTimeZoneLength && IanaId().IsMatch(id)
            && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
        violations.Check(known, field, $"{FieldChecks.Quote(id)} is not an IANA time zone (e.g. \"Europe/Berlin\")");
        return known ? id : null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")]
    private static partial Regex IanaId();
}
