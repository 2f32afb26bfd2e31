using Marten;
using MassTransit;
using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Planning;
using RunRestore.Programming.Programs;
using RunRestore.Programming.RedFlags;
using RunRestore.Programming.Rules;
using RunRestore.Programming.Running;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using static System.FormattableString;
using Contract = RunRestore.Contracts.Assessment;

namespace RunRestore.Programming.Prescriptions;

/// <summary>
/// A completed screen prescribes the first program or revises the current one (DOMAIN.md T1, T2, T6-T8), once per
/// message: the program's events and the processed MessageId are saved in one transaction.
/// </summary>
public sealed class PrescribingProgram(IDocumentStore store, HardRunCalendar calendar, TimeProvider time)
    : IConsumer<Contract.AssessmentCompleted>
{
    /// <summary>
    /// The first screen prescribes (4-6 exercises; Restore 3 a week, or Maintain 2 a week for a runner with no open pain
    /// and nothing to treat), a later one revises and may open technique
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
        screen.Check(today);
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
    /// Revises the runner's program, or prescribes the first one (<see cref="DecideFirst"/>) with the signals intake sent
    /// before it.
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
        session.Events.Append(runnerId, DecideFirst(screen, hardRunDays, signals, now));
    }

    /// <summary>
    /// The first program with what came before it, so a program prescribed after a flag still holds: the red flags
    /// (R1-R6, never expire), every S1/S2 intake has not cleared (they hold until cleared, however old: issue 13) and
    /// the load flags of the last week (T5).
    /// </summary>
    public static IReadOnlyList<object> DecideFirst(ScreenSummary screen, IReadOnlyList<DateOnly> hardRunDays,
        IntakeSignalLog? signals, DateTimeOffset now)
    {
        var redFlags = signals?.RedFlagsBeforeProgram ?? [];
        var events = Decide(screen, null, hardRunDays, now, [.. redFlags.Select(f => f.ToProgramRedFlag())]).ToList();
        var program = events.Skip(1).Aggregate(RunnerProgram.Create((ProgramPrescribed)events[0]), (p, e) => p.Then(e));
        foreach (var flag in redFlags)
        {
            var hold = HoldingForRedFlag.Decide(flag, program, now);
            program = hold.Aggregate(program, (p, e) => p.Then(e));
            events.AddRange(hold);
        }

        foreach (var flag in signals?.FlagsForNewProgram(Wording.Today(now)) ?? [])
        {
            var reaction = ReactingToLoadFlag.Decide(new ReactToLoadFlag(flag.RuleId, flag.Kind, flag.Severity), program, now);
            program = reaction.Aggregate(program, (p, e) => p.Then(e));
            events.AddRange(reaction);
        }

        return events;
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
                m.ResolvedFindingKeys, m.NotRetestedFindingKeys, runs?.Evidence(m.CompletedOn) ?? RunningEvidence.None,
                RunnerPain.From(signals, m.PainSite));
            await HandleAsync(session, m.RunnerId, screen, hardRuns.Dates, signals, now, context.CancellationToken)
                .ConfigureAwait(false);
        });
    }

    private static ProgramPrescribed FirstProgram(ScreenSummary screen, IReadOnlyList<DateOnly> hardRunDays,
        DateOnly today, DateTimeOffset now, RedFlagHolds held)
    {
        var (phase, maintain) = PhaseProgress.Starting(screen, held);
        var low = StartingLow.For(phase, screen.PainSite, screen.Reported.AtSite);
        var selection = ExerciseSelection.Choose(screen.Findings, screen.PainSite, [], ProgramRules.MaxExercises, held, low: low,
            painSide: screen.Reported.AtSite?.Side);
        var sessions = phase == Phase.Restore ? ProgramRules.SessionsPerWeekEarly : ProgramRules.SessionsPerWeekLater;
        var week = WeekPlanner.Plan(today, hardRunDays, sessions, null);
        var dose = phase == Phase.Restore
            ? Invariant($"{sessions} sessions a week so the first two weeks hold at least 6 (T8; T1: 2-3 strength ") +
                "sessions a week), starting in Restore"
            : Invariant($"{sessions} strength sessions a week (T1: 2-3), starting in Maintain");
        var why = ProgramRules.Explain(phase == Phase.Restore ? "T8" : "T1",
            Invariant($"A first program of {selection.Exercises.Count} exercises (T2: 4-6 keeps adherence up), ") + dose +
            Invariant($" with a pain ceiling of {ProgramRules.DefaultPainCeiling}/10 (P1).") + maintain + (low?.Sentence ?? "") +
            Wording.Unaddressed(selection.Unaddressed) + held.PrescriptionSentence(),
            [screen.AssessmentId.ToString(), .. screen.Findings.Select(f => f.Key), .. held.Ids,
                .. screen.Reported.Open.Select(p => p.PainReportId.ToString())]);
        return new ProgramPrescribed(screen.AssessmentId, screen.CompletedOn, screen.FirstCompletedOn, today,
            screen.PainSite, selection.Exercises, screen.Findings, sessions, phase,
            ProgramRules.DefaultPainCeiling, week, why, now);
    }
}
