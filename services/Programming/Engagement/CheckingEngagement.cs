using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.Engagement;

public static class CheckingEngagement
{
    public static readonly TimeSpan NudgeAfter = TimeSpan.FromHours(49);
    public static readonly TimeSpan EngagementAlertAfter = TimeSpan.FromDays(14);
    public static readonly TimeSpan InactiveAfter = TimeSpan.FromDays(21);

    /// <summary>
    /// P4, run on a schedule: no session logged for more than 49 h → nudge the runner; more than 14 days → engagement
    /// alert to the clinician; 21 days → inactive. Each fires once per quiet spell (a logged session starts a new one);
    /// a late check raises only the most severe clinician level that applies.
    /// </summary>
    public static IReadOnlyList<object> Decide(RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(program);
        var since = program.QuietSince();
        var quiet = now - since;
        var raised = program.EngagementAlerts;
        var what = program.LastSessionAt is null ? "since the program started" : "since the last session was logged";
        var sinceDay = Wording.Day(DateOnly.FromDateTime(since.DateTime));
        var days = Invariant($"{quiet.TotalDays:0.#} days ({quiet.TotalHours:0} h) {what} on {sinceDay}");
        var ids = new[] { "quiet_since:" + since.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        var events = new List<object>();
        if (quiet > NudgeAfter && !raised.Contains(AlertLevels.Nudge))
        {
            events.Add(new EngagementNudged(since, ProgramRules.Explain("P4",
                Invariant($"No session logged for {days}: ") + "more than 49 h, so the runner gets a nudge (P4).",
                ids), now));
        }

        var level = quiet >= InactiveAfter ? AlertLevels.Inactive
            : quiet > EngagementAlertAfter ? AlertLevels.Engagement
            : null;
        if (level is not null && !raised.Contains(level) && !raised.Contains(AlertLevels.Inactive))
        {
            var sentence = level == AlertLevels.Inactive
                ? Invariant($"No session logged for {days}: 21 days or more, so the runner counts as inactive (P4).")
                : Invariant($"No session logged for {days}: ") +
                    "more than 14 days, so the clinician should get in touch (P4).";
            events.Add(new ClinicianAlertRaised(level, ProgramRules.Explain("P4", sentence, ids), now));
        }

        return events;
    }

    /// <summary>Checks one runner's program as of <paramref name="now"/>; null when there is none.</summary>
    public static Task<Decided<RunnerProgram>?> HandleAsync(IDocumentSession session, Guid runnerId, DateTimeOffset now,
        CancellationToken ct) =>
        session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(p, now), ct);
}
