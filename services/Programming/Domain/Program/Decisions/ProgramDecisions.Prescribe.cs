using static System.FormattableString;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Domain.Program.Decisions;

/// <summary>
/// The program's deciders: pure functions from a command and the current state to the events to append. They throw
/// <see cref="ProgramRuleViolationException"/> for input the rules refuse and return no events when nothing changes.
/// </summary>
public static partial class ProgramDecisions
{
    /// <summary>
    /// A completed screen: the first one prescribes (phase Restore, 4-6 exercises, 3 a week), a later one revises and
    /// may open technique work (T6). A screen the program has already seen, or one older than its latest, changes
    /// nothing (AssessmentCompleted may be delivered twice or late).
    /// </summary>
    public static IReadOnlyList<object> Prescribe(ScreenSummary screen, RunnerProgram? current,
        IReadOnlyList<DateOnly> hardRunDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(hardRunDays);
        var today = Wording.Today(now);
        CheckScreen(screen, today);
        if (current is not null &&
            (current.AssessmentIds.Contains(screen.AssessmentId) || screen.CompletedOn < current.LatestAssessmentOn))
        {
            return [];
        }

        return current is null
            ? [FirstProgram(screen, hardRunDays, today, now)]
            : Revising.Revise(screen, current, hardRunDays, today, now);
    }

    private static ProgramPrescribed FirstProgram(ScreenSummary screen, IReadOnlyList<DateOnly> hardRunDays,
        DateOnly today, DateTimeOffset now)
    {
        var selection = ExerciseSelection.Choose(screen.Findings, screen.PainSite, [], ProgramRules.MaxExercises);
        var sessions = ProgramRules.SessionsPerWeekEarly;
        var week = WeekPlanner.Plan(today, hardRunDays, sessions, null);
        var why = ProgramRules.Explain("T8", Invariant($"A first program of {selection.Exercises.Count} exercises ") +
            Invariant($"(T2: 4-6 keeps adherence up), {sessions} sessions a week so the first two weeks hold at ") +
            "least 6 (T8; T1: 2-3 strength sessions a week), starting in Restore with a pain ceiling of " +
            Invariant($"{ProgramRules.DefaultPainCeiling}/10 (P1).") +
            Unaddressed(selection.Unaddressed), [screen.AssessmentId.ToString(), .. screen.Findings.Select(f => f.Key)]);
        return new ProgramPrescribed(screen.AssessmentId, screen.CompletedOn, screen.FirstCompletedOn, today,
            screen.PainSite, selection.Exercises, screen.Findings, sessions, Phase.Restore,
            ProgramRules.DefaultPainCeiling, week, why, now);
    }

    /// <summary>A sentence naming findings that found no place, or nothing.</summary>
    internal static string Unaddressed(IReadOnlyList<ScreenFinding> findings) => findings.Count == 0
        ? ""
        : Invariant($" Not yet addressed (T2 caps a session at {ProgramRules.MaxExercises} exercises, or nothing ") +
            Invariant($"suits the pain site): {string.Join(", ", findings.Select(Wording.Finding))}.");

    private static void CheckScreen(ScreenSummary screen, DateOnly today)
    {
        var problems = new FieldProblems()
            .Check(screen.AssessmentId != Guid.Empty, "assessment_id", "must be given")
            .Check(screen.CompletedOn <= today, "completed_on", "must not be in the future")
            .Check(screen.FirstCompletedOn <= screen.CompletedOn, "first_completed_on", "must not be after completed_on")
            .Check(screen.PainSite is null || !string.IsNullOrWhiteSpace(screen.PainSite), "pain_site", "must not be blank")
            .Check(screen.RecentRunningPain is null or (>= 0 and <= 10), "recent_running_pain", "must be between 0 and 10");
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
