using Marten;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Intake.Pain;

/// <summary>A pain report as it arrives.</summary>
public sealed record PainDraft(
    string Date,
    Choice<BodySite> BodySite,
    Choice<Side> Side,
    int? Severity,
    Choice<PainPhase> Phase,
    double? OnsetKm,
    double? OnsetMinutes,
    string? LinkedRunId,
    int DurationDays,
    string? Notes,
    IReadOnlyList<(string Sign, Choice<RedFlagAnswer> Answer)>? RedFlags = null);

/// <summary>The stored report and the red flags it raised (R1-R6).</summary>
public sealed record PainReportOutcome(Guid PainReportId, IReadOnlyList<RedFlagRaised> RedFlags);

/// <summary>
/// Pain with when in a run it starts ("the knee aches from the 9 km mark"): the clinic's first clue, and the input of
/// assessment's kinetic-chain reasoning and programming's pain monitoring (DOMAIN.md P1-P3). Every report, whatever its
/// phase (during or after a run, next morning, at rest), is stored and published; red flags (R1-R6) are decided in the
/// same write, so the report and its flags are stored and published together.
/// </summary>
public static class ReportingPain
{
    /// <summary>The run a report links to, as the rule "onset within the run" needs it.</summary>
    public sealed record LinkedRun(Guid RunId, decimal DistanceKm, decimal DurationMinutes);

    /// <summary>The report, then a RedFlagRaised per rule it fires; <paramref name="newId"/> names each flag.</summary>
    public static IReadOnlyList<object> Decide(PainDraft draft, LinkedRun? linkedRun, Guid painReportId, DateTimeOffset now,
        DateOnly today, Func<Guid> newId)
    {
        var violations = new FieldViolations();
        var date = violations.Date(draft.Date, "date", today);
        var site = violations.Required(draft.BodySite, "body_site");
        var side = violations.Required(draft.Side, "side");
        var severity = violations.ZeroToTen(draft.Severity, "severity");
        var phase = violations.Required(draft.Phase, "phase");
        var onsetKm = violations.Finite(draft.OnsetKm, "onset_km", 0, 350, "km");
        var onsetMinutes = violations.Finite(draft.OnsetMinutes, "onset_minutes", 0, 48 * 60, "minutes");
        if (!string.IsNullOrWhiteSpace(draft.LinkedRunId))
        {
            if (linkedRun is null)
            {
                violations.Add("linked_run_id", "is not a run of this runner");
            }
            else
            {
                violations.Check(onsetKm is null || (decimal)onsetKm <= linkedRun.DistanceKm, "onset_km",
                    $"is beyond the linked run's distance ({linkedRun.DistanceKm} km)");
                violations.Check(onsetMinutes is null || (decimal)onsetMinutes <= linkedRun.DurationMinutes,
                    "onset_minutes", $"is beyond the linked run's duration ({linkedRun.DurationMinutes:0.#} min)");
            }
        }

        violations.Check(draft.DurationDays is >= 0 and <= 3650, "duration_days", "must be 0-3650 days");
        var notes = violations.Text(draft.Notes, "notes");
        var answers = Answers(violations, draft.RedFlags ?? []);
        violations.ThrowIfAny();
        var report = new PainReported(painReportId, date!.Value, site!.Value, side!.Value, severity, phase!.Value,
            (decimal?)onsetKm, (decimal?)onsetMinutes, linkedRun?.RunId, draft.DurationDays, notes, now, answers);
        return [report, .. RedFlagTriage.Evaluate(report, newId)];
    }

    // Each question answered no, yes or unsure; not asked is left out; a number the proto does not know is refused.
    private static RedFlagAnswers Answers(FieldViolations violations, IEnumerable<(string Sign, Choice<RedFlagAnswer> Answer)> answers) =>
        new([.. answers.Select(a => violations.Optional(a.Answer, $"red_flags.{a.Sign}") is { } answer ? new SignAnswer(a.Sign, answer) : null)
            .OfType<SignAnswer>()]);

    public static async Task<PainReportOutcome> HandleAsync(IDocumentSession session, Guid runnerId, PainDraft draft,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var linked = await FindRunAsync(session, runnerId, draft.LinkedRunId, ct).ConfigureAwait(false);
        var painReportId = Guid.CreateVersion7(now);
        // Pain is no load: it raises or clears no load flag.
        var decided = await session.DecideAsync<TrainingLog>(runnerId, _ => Decide(draft, linked, painReportId, now, today,
            () => Guid.CreateVersion7(now)), () => NotFoundException.Runner(runnerId), ct).ConfigureAwait(false);
        return new PainReportOutcome(painReportId, [.. decided.Events.OfType<RedFlagRaised>()]);
    }

    // Recent runs are in the write model's snapshot; an older one is looked up in the runner's own stream. An unknown
    // runner finds none here and is NOT_FOUND when the decision fetches the stream.
    private static async Task<LinkedRun?> FindRunAsync(IDocumentSession session, Guid runnerId, string? linkedRunId,
        CancellationToken ct)
    {
        if (!Guid.TryParse(linkedRunId, out var runId)
            || await session.LoadAsync<TrainingLog>(runnerId, ct).ConfigureAwait(false) is not { } log)
        {
            return null;
        }

        if (log.RecentRun(runId) is { } recent)
        {
            return new LinkedRun(runId, recent.DistanceKm, recent.DurationMinutes);
        }

        var events = await session.Events.FetchStreamAsync(runnerId, token: ct).ConfigureAwait(false);
        return events.Select(e => e.Data).OfType<RunLogged>().Where(r => r.RunId == runId)
            .Select(r => new LinkedRun(r.RunId, r.DistanceKm, r.DurationSeconds / 60m)).FirstOrDefault();
    }
}
