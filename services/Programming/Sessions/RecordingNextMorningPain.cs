using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.Sessions;

/// <summary>
/// Pain the morning after (0-10) on the runner's local <paramref name="Date"/> (P2) at <paramref name="BodySite"/>
/// (intake's reports name it; null: the program's pain site).
/// </summary>
public sealed record RecordNextMorningPain(DateOnly Date, int Pain, string? BodySite = null);

public static class RecordingNextMorningPain
{
    /// <summary>
    /// P2's 24-hour response (rule set v2): pain the morning after, against the median of the site's next-morning reports
    /// of the 7 days before. +1 is noise; ≥ +2 is "up" and, for the morning after the latest session, plans a step back
    /// for the next session (T4). Stable or falling lets progressions go on (T3). With no report for the site in those 7
    /// days, this one is the baseline.
    /// </summary>
    public static IReadOnlyList<object> Decide(RecordNextMorningPain command, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(program);
        var (date, pain, _) = command;
        new FieldViolations()
            .Check(pain is >= 0 and <= 10, "pain", "must be between 0 and 10")
            // Runner-local date against UTC's today: like intake, accept up to one day ahead.
            .Check(date <= Wording.Today(now).AddDays(1), "date", "must not be more than 1 day in the future")
            .ThrowIfAny();
        new FieldViolations()
            .Check(date >= program.StartedOn, "date", "must not be before the program started on " + Wording.Day(program.StartedOn))
            .ThrowIfAnyPrecondition(RunnerProgram.StateRule);

        var site = MorningBaseline.SiteOf(command.BodySite, program);
        var at = site is null ? "" : " at the " + Wording.Words(site);
        var before = MorningBaseline.Of(program, site, date);
        var baseline = before?.Baseline ?? pain;
        var up = pain - baseline >= MorningBaseline.Up;
        var afterSession = MorningBaseline.IsMorningAfterLatestSession(program, date);
        var id = "next_morning:" + Wording.Day(date);
        var against = before is { } b
            ? Invariant($"Next-morning pain{at} {pain}/10 against a baseline of {baseline}/10 (the median of {b.Reports} ") +
                Invariant($"report(s) for the site in the {MorningBaseline.Days} days before)")
            : Invariant($"Next-morning pain{at} {pain}/10: no report for the site in the {MorningBaseline.Days} days before, ") +
                "so it is the baseline";
        var verdict = up
            ? afterSession ? " is up (≥ +2) (P2)." : " is up (≥ +2), but it is not the morning after the latest session, so it plans no step back (P2)."
            : pain > baseline ? ": +1 is noise, stable (P2)." : ": stable or falling, so progressions may go on (P2, T3).";
        var recorded = new NextMorningPainRecorded(date, pain, baseline, up, ProgramRules.Explain("P2", against + verdict, id), now,
            site);
        if (!up || !afterSession)
        {
            return [recorded];
        }

        return [recorded, new NextSessionRegressionPlanned(date, pain, baseline, ProgramRules.Explain("T4",
            Invariant($"Next-morning pain{at} {pain}/10 on {Wording.Day(date)} was up on the baseline of {baseline}/10 ") +
                "(≥ +2), so every exercise of the next session steps back one step (P2, T4).",
            id))];
    }

    /// <summary>From the gRPC write: a runner without a program is NOT_FOUND.</summary>
    public static Task<Decided<RunnerProgram>> HandleAsync(IDocumentSession session, Guid runnerId,
        RecordNextMorningPain command, TimeProvider time, CancellationToken ct) =>
        session.DecideAsync<RunnerProgram>(runnerId, p => Decide(command, p, time.GetUtcNow()),
            () => RunnerProgram.Missing(runnerId), ct);
}
