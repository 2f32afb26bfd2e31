using RunRestore.Programming.Library;
using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Running;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// A re-screen reshapes the program: exercises for findings still open keep their ladder step (progress is not lost),
/// new findings get exercises, resolved ones may stay as maintenance. T6 decides whether technique work opens.
/// </summary>
internal static class Revising
{
    /// <summary>Technique drills added when T6 opens: step rate +5 % and the A-skip, each the first of its ladder.</summary>
    private static readonly string[] FirstTechnique = ["cadence_plus_5", "a_skip"];

    public static IReadOnlyList<object> Revise(ScreenSummary screen, RunnerProgram current,
        IReadOnlyList<DateOnly> hardRunDays, DateOnly today, DateTimeOffset now)
    {
        var gate = TechniqueGate.Evaluate(screen, current);
        var events = new List<object>();
        var phase = current.Phase;
        if (gate.AdvanceToImprove)
        {
            events.Add(new PhaseAdvanced(Phase.Maintain, Phase.Improve, today, gate.Why));
            phase = Phase.Improve;
        }

        // With technique open, strength keeps 4 places and drills take 2, so a session stays within T2's 6.
        var strengthPlaces = gate.Open ? ProgramRules.MaxExercises - FirstTechnique.Length : ProgramRules.MaxExercises;
        var previous = current.Exercises.Where(x => !RunnerProgram.IsTechnique(x)).ToList();
        var held = new RedFlagHolds(current.OpenRedFlags);
        var open = OpenFindings(screen, current);
        // Start low in Restore (issue 13): a new exercise starts no higher than its second step while pain is ≥ 4/10.
        var low = StartingLow.For(phase, screen.PainSite, screen.Reported.AtSite);
        var selection = ExerciseSelection.Choose(open, screen.PainSite, previous, strengthPlaces, held, screen.NotRetested, low,
            screen.Reported.AtSite?.Side);
        var exercises = selection.Exercises.ToList();
        if (gate.Open)
        {
            exercises.AddRange(Technique(current, gate.Why));
        }

        // T8/T1: 3 a week while restoring; 2 keeps the strength effect in Maintain and Improve (T1's lower bound).
        var sessions = phase == Phase.Restore ? ProgramRules.SessionsPerWeekEarly : ProgramRules.SessionsPerWeekLater;
        var kept = exercises.Count(e => current.ExerciseFor(e.Code) is not null);
        var why = ProgramRules.Explain("T2", Invariant($"The re-screen of {Wording.Day(screen.CompletedOn)} reshaped ") +
            Invariant($"the program to {exercises.Count} exercises ({kept} kept at their step, ") +
            Invariant($"{exercises.Count - kept} new), {sessions} sessions a week in {Phases.Word(phase)} (T1, T8).") +
            Resolved(screen, current) + (low?.Sentence ?? "") + Wording.Unaddressed(selection.Unaddressed) + held.PrescriptionSentence(),
            [screen.AssessmentId.ToString(), .. open.Select(f => f.Key), .. held.Ids]);
        var week = WeekPlanner.Plan(today, hardRunDays, sessions, null);
        events.Add(new ProgramRevised(screen.AssessmentId, screen.CompletedOn, screen.PainSite, exercises,
            open, sessions, gate.Open, week, why, gate.Why, now));
        if (!gate.Open)
        {
            // T6 (v2): every decision not to unlock technique on a re-screen is stored with its reasons.
            var running = screen.Running ?? RunningEvidence.None;
            events.Add(new TechniqueStayedLocked(screen.AssessmentId, screen.CompletedOn, gate.Reasons, screen.NotRetested,
                running.EasyRuns, running.WorstPain, gate.Why));
        }

        return events;
    }

    /// <summary>
    /// What the re-screen leaves open: its findings minus those it resolved, plus the previous screen's findings it did
    /// not re-test (untested is not resolved, DOMAIN.md after T9).
    /// </summary>
    private static List<ScreenFinding> OpenFindings(ScreenSummary screen, RunnerProgram current) =>
    [
        .. screen.Findings.Where(f => !screen.Resolved.Contains(f.Key)),
        .. current.OpenFindings.Where(f => screen.NotRetested.Contains(f.Key) && !screen.Findings.Any(s => s.Key == f.Key)),
    ];

    // Findings resolved on a re-screen no longer justify an exercise (DOMAIN.md after T9): the revision names them.
    private static string Resolved(ScreenSummary screen, RunnerProgram current) => screen.Resolved.Count == 0
        ? ""
        : " Resolved on the re-screen, so no exercise cites them any more: " + string.Join(", ", screen.Resolved.Select(k =>
            current.OpenFindings.Find(f => f.Key == k) is { } f ? Invariant($"{Wording.Finding(f)} ({k})") : k)) + ".";

    // Drills already under way keep their step (a runner at +10 % stays there); otherwise each ladder starts at step 1.
    private static IEnumerable<PrescribedExercise> Technique(RunnerProgram current, Explanation gate)
    {
        foreach (var code in FirstTechnique)
        {
            var ladder = ExerciseLibrary.Get(code).Ladder;
            var underWay = current.Exercises.Find(x => ExerciseLibrary.Get(x.Code).Ladder == ladder);
            var exercise = ExerciseLibrary.Get(underWay?.Code ?? code);
            yield return new PrescribedExercise(exercise.Code, "T6:technique", underWay?.Dosage ?? exercise.Dosage,
                ProgramRules.Explain("T6", Invariant($"{exercise.Name}: technique work opened by the re-screen (T6, ") +
                    "Heiderscheit 2011 for step rate).",
                    gate.TriggeringIds));
        }
    }
}
