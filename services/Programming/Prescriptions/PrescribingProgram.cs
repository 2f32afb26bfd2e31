using Marten;
using MassTransit;
using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Planning;
using RunRestore.Programming.Programs;
using RunRestore.Programming.RedFlags;
using RunRestore.Programming.Rules;
using RunRestore.Programming.Running;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using static System.FormattableString;
using Contract = RunRestore.Contracts.Assessment;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Prescriptions;

/// <summary>
/// A completed screen as the programming service receives it (from AssessmentCompleted). <paramref name="FirstCompletedOn"/>
/// is the runner's first screen, so T6 can tell a re-screen ≥ 6 weeks later. A re-screen's
/// <paramref name="ResolvedFindingKeys"/> no longer justify an exercise; its <paramref name="NotRetestedFindingKeys"/>
/// stay open (untested is not resolved) and keep T6 locked. <paramref name="Running"/> is T6's running evidence: the
/// runs of the 14 days up to the screen with their running pain (none known: no runs).
/// </summary>
public sealed record ScreenSummary(
    Guid AssessmentId,
    DateOnly CompletedOn,
    DateOnly FirstCompletedOn,
    bool IsReassessment,
    string? PainSite,
    IReadOnlyList<ScreenFinding> Findings,
    IReadOnlyList<string>? ResolvedFindingKeys = null,
    IReadOnlyList<string>? NotRetestedFindingKeys = null,
    RunningEvidence? Running = null)
{
    /// <summary>The previous screen's findings re-tested and gone.</summary>
    public IReadOnlyList<string> Resolved => ResolvedFindingKeys ?? [];

    /// <summary>The previous screen's findings this screen did not test: still open.</summary>
    public IReadOnlyList<string> NotRetested => NotRetestedFindingKeys ?? [];
}

/// <summary>
/// A completed screen prescribes the first program or revises the current one (DOMAIN.md T1, T2, T6-T8), once per
/// message: the program's events and the processed MessageId are saved in one transaction.
/// </summary>
public sealed class PrescribingProgram(IDocumentStore store, HardRunCalendar calendar, TimeProvider time)
    : IConsumer<Contract.AssessmentCompleted>
{
    /// <summary>
    /// The first screen prescribes (phase Restore, 4-6 exercises, 3 a week), a later one revises and may open technique
    /// work (T6). A screen the program has already seen, or one older than its latest, changes nothing
    /// (AssessmentCompleted may be delivered twice or late). Open red flags (R1-R6: the program's, or
    /// <paramref name="redFlagsBeforeProgram"/> for a first program) keep exercises for their region out.
    /// </summary>
    public static IReadOnlyList<object> Decide(ScreenSummary screen, RunnerProgram? current,
        IReadOnlyList<DateOnly> hardRunDays, DateTimeOffset now, IReadOnlyList<ProgramRedFlag>? redFlagsBeforeProgram = null)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(hardRunDays);
        var today = Wording.Today(now);
        Check(screen, today);
        if (current is not null &&
            (current.AssessmentIds.Contains(screen.AssessmentId) || screen.CompletedOn < current.LatestAssessmentOn))
        {
            return [];
        }

        return current is null
            ? [FirstProgram(screen, hardRunDays, today, now, new RedFlagHolds(redFlagsBeforeProgram ?? []))]
            : Revising.Revise(screen, current, hardRunDays, today, now);
    }

    /// <summary>
    /// Revises the runner's program, or prescribes the first one with the red flags (R1-R6) and the load flags of the
    /// last week (T5) that came before it, so a program prescribed right after either still holds.
    /// </summary>
    public static async Task HandleAsync(IDocumentSession session, Guid runnerId, ScreenSummary screen,
        IReadOnlyList<DateOnly> hardRunDays, IntakeSignalLog? signals, DateTimeOffset now, CancellationToken ct)
    {
        if (await session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(screen, p, hardRunDays, now), ct)
                .ConfigureAwait(false) is not null)
        {
            return;
        }

        // No program yet. The fetch above expects the stream to be new, so the first program joins that append and
        // a concurrent first prescription still conflicts at save.
        var redFlags = signals?.RedFlagsBeforeProgram ?? [];
        var events = Decide(screen, null, hardRunDays, now, [.. redFlags.Select(f => f.ToProgramRedFlag())]).ToList();
        var program = events.Skip(1).Aggregate(RunnerProgram.Create((ProgramPrescribed)events[0]), (p, e) => p.Then(e));
        foreach (var flag in redFlags)
        {
            var hold = HoldingForRedFlag.Decide(flag, program, now);
            program = hold.Aggregate(program, (p, e) => p.Then(e));
            events.AddRange(hold);
        }

        var weekAgo = Wording.Today(now).AddDays(-7);
        foreach (var flag in (signals?.FlagsBeforeProgram ?? []).Where(f => f.AsOf >= weekAgo))
        {
            var reaction = ReactingToLoadFlag.Decide(new ReactToLoadFlag(flag.RuleId, flag.Kind, flag.Severity), program, now);
            program = reaction.Aggregate(program, (p, e) => p.Then(e));
            events.AddRange(reaction);
        }

        session.Events.Append(runnerId, events);
    }

    public Task Consume(ConsumeContext<Contract.AssessmentCompleted> context)
    {
        var m = context.Message;
        var clinic = context.Headers.Get<string>(EventForwarder.ClinicHeader) ?? "";
        return store.ConsumeOnceAsync(context, time, async session =>
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var monday = WeekPlanner.MondayOf(today);
            HardRuns hardRuns;
            using (ServiceIdentity.ActFor(clinic))
            {
                hardRuns = await calendar.ForWeekAsync(m.RunnerId, monday, context.CancellationToken).ConfigureAwait(false);
            }

            var signals = await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false);
            var runs = await session.LoadAsync<RecentRuns>(m.RunnerId, context.CancellationToken).ConfigureAwait(false);
            var screen = new ScreenSummary(m.AssessmentId, m.CompletedOn, m.FirstCompletedOn, m.IsReassessment,
                m.PainSite, m.Findings.Select(f => new ScreenFinding(f.Key, f.Kind, f.Region, f.Side, f.RuleId)).ToList(),
                m.ResolvedFindingKeys, m.NotRetestedFindingKeys, runs?.Evidence(m.CompletedOn) ?? RunningEvidence.None);
            await HandleAsync(session, m.RunnerId, screen, hardRuns.Dates, signals, now, context.CancellationToken)
                .ConfigureAwait(false);
        });
    }

    private static ProgramPrescribed FirstProgram(ScreenSummary screen, IReadOnlyList<DateOnly> hardRunDays,
        DateOnly today, DateTimeOffset now, RedFlagHolds held)
    {
        var selection = ExerciseSelection.Choose(screen.Findings, screen.PainSite, [], ProgramRules.MaxExercises, held);
        var sessions = ProgramRules.SessionsPerWeekEarly;
        var week = WeekPlanner.Plan(today, hardRunDays, sessions, null);
        var why = ProgramRules.Explain("T8", Invariant($"A first program of {selection.Exercises.Count} exercises ") +
            Invariant($"(T2: 4-6 keeps adherence up), {sessions} sessions a week so the first two weeks hold at ") +
            "least 6 (T8; T1: 2-3 strength sessions a week), starting in Restore with a pain ceiling of " +
            Invariant($"{ProgramRules.DefaultPainCeiling}/10 (P1).") +
            Wording.Unaddressed(selection.Unaddressed) + held.PrescriptionSentence(),
            [screen.AssessmentId.ToString(), .. screen.Findings.Select(f => f.Key), .. held.Ids]);
        return new ProgramPrescribed(screen.AssessmentId, screen.CompletedOn, screen.FirstCompletedOn, today,
            screen.PainSite, selection.Exercises, screen.Findings, sessions, Phase.Restore,
            ProgramRules.DefaultPainCeiling, week, why, now);
    }

    private static void Check(ScreenSummary screen, DateOnly today)
    {
        var problems = new FieldViolations()
            .Check(screen.AssessmentId != Guid.Empty, "assessment_id", "must be given")
            .Check(screen.CompletedOn <= today, "completed_on", "must not be in the future")
            .Check(screen.FirstCompletedOn <= screen.CompletedOn, "first_completed_on", "must not be after completed_on")
            .Check(screen.PainSite is null || !string.IsNullOrWhiteSpace(screen.PainSite), "pain_site", "must not be blank")
            .Check(screen.Resolved.All(k => !string.IsNullOrWhiteSpace(k)), "resolved_finding_keys", "must not be blank")
            .Check(screen.NotRetested.All(k => !string.IsNullOrWhiteSpace(k)), "not_retested_finding_keys", "must not be blank");
        var findings = screen.Findings ?? [];
        problems.Check(screen.Findings is not null, "findings", "must be given (may be empty)");
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            problems
                .Check(!string.IsNullOrWhiteSpace(f.Key), Invariant($"findings[{i}].key"), "must be given")
                .Check(findings.Take(i).All(o => o.Key != f.Key), Invariant($"findings[{i}].key"), "must be unique")
                .Check(FindingKinds.All.Contains(f.Kind), Invariant($"findings[{i}].kind"),
                    "must be one of " + string.Join(", ", FindingKinds.All))
                .Check(!string.IsNullOrWhiteSpace(f.Region), Invariant($"findings[{i}].region"), "must be given")
                .Check(!string.IsNullOrWhiteSpace(f.RuleId), Invariant($"findings[{i}].rule_id"), "must be given");
        }

        problems.ThrowIfAny();
    }
}
