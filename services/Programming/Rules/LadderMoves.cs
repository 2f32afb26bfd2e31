using RunRestore.Programming.Library;
using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Sessions;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// Moves each exercise of a session on its ladder. Regress first (T4: pain above the P1 ceiling, abandoned, or
/// next-morning pain up per P2), because pain outranks progress; then progress after two good sessions (T3) unless
/// T5 or S1/S2 hold progressions or P2's next-morning response is not back at baseline.
/// </summary>
internal static class LadderMoves
{
    public static IEnumerable<object> After(SessionRecorded session, RunnerProgram before, RunnerProgram after)
    {
        foreach (var result in session.Exercises)
        {
            var ids = new[] { session.SessionId.ToString(), result.Code };
            var name = Wording.Name(result.Code);
            if (result.Abandoned)
            {
                yield return Regress(result.Code, session.Date, ids,
                    Invariant($"The {name} was abandoned on {Wording.Day(session.Date)}"));
            }
            else if (result.PainDuring > before.PainCeiling)
            {
                var cause = Invariant($"Pain {result.PainDuring}/10 during the {name} was above the ceiling of ") +
                    Invariant($"{before.PainCeiling}/10 (P1)");
                if (after.ExerciseFor(result.Code) is { PainfulOnFirstStep: FirstStepSwap.PainfulSessions } stuck)
                {
                    foreach (var move in FirstStepSwap.For(stuck, after, session.Date, session.RecordedAt, ids, cause))
                    {
                        yield return move;
                    }
                }
                else
                {
                    yield return Regress(result.Code, session.Date, ids, cause);
                }
            }
            else if (before.RegressNextSession
                && ((before.MorningPains ?? []).LastOrDefault(m => m.AboveBaseline) ?? before.LastMorningPain) is { } morning)
            {
                yield return Regress(result.Code, session.Date, [.. ids, "next_morning:" + Wording.Day(morning.Date)],
                    Invariant($"Next-morning pain of {morning.Pain}/10 on {Wording.Day(morning.Date)} was up on the ") +
                        Invariant($"baseline of {morning.Baseline ?? before.BaselineMorningPain}/10 (P2)"));
            }
            else if (after.ExerciseFor(result.Code) is { GoodSessionsInARow: >= ProgramRules.GoodSessionsToProgress })
            {
                if (Progress(result.Code, session.Date, after, ids) is { } move)
                {
                    yield return move;
                }
            }
        }
    }

    private static object Regress(string code, DateOnly on, string[] ids, string cause)
    {
        var name = Wording.Name(code);
        if (ExerciseLibrary.Previous(code) is not { } previous)
        {
            return new ExerciseHeld(code, on, ProgramRules.Explain("T4", Invariant(
                $"{cause}; the {name} is already on the first step of its ladder, so it stays there (T4)") +
                ": ease the dosage or review it.", ids));
        }

        var back = Wording.Name(previous.Code);
        return new ExerciseRegressed(code, previous.Code, previous.Dosage, on,
            ProgramRules.Explain("T4", Invariant($"{cause}, so the {name} steps back to the {back} (T4)."), ids));
    }

    private static object? Progress(string code, DateOnly on, RunnerProgram after, string[] ids)
    {
        if (ExerciseLibrary.Next(code) is not { } next)
        {
            return null; // the top of its ladder: nothing to progress to, and saying so every session is noise
        }

        var name = Wording.Name(code);
        var good = Invariant($"Two sessions in a row on different days at pain ≤ {after.PainCeiling}/10 and RPE ≤ {ProgramRules.TargetRpe}");
        var redFlags = new RedFlagHolds(after.OpenRedFlags);
        if (redFlags.Any)
        {
            return new ExerciseHeld(code, on, ProgramRules.Explain(redFlags.RuleId,
                Invariant($"{good}, but {redFlags.Describe()} holds progressions until a clinician clears it, so the ") +
                    Invariant($"{name} stays."), [.. ids, .. redFlags.Ids]));
        }

        if (after.ActiveWellnessFlags is { Count: > 0 } wellness)
        {
            // S1/S2 (v2): held like T5, for as long as intake flags sleep or stress, naming the flag.
            return new ExerciseHeld(code, on, ProgramRules.Explain(wellness[0].RuleId,
                Invariant($"{good}, but while {LoadFlagWords.What(wellness.Select(HoldingForWellness.Id))} strength ") +
                    Invariant($"progressions are held, so the {name} stays."), [.. ids, .. wellness.Select(HoldingForWellness.Id)]));
        }

        if (after.HoldsProgressionsOn(on) && after.HoldProgressionsUntil is { } until)
        {
            var lastHeld = until.AddDays(-1);
            return new ExerciseHeld(code, on, ProgramRules.Explain("T5",
                Invariant($"{good}, but strength progressions are held until {Wording.Day(lastHeld)} after a load flag ") +
                    Invariant($"(T5), so the {name} stays."), ids));
        }

        // P2 v2: only the report for the morning after the previous session, at the program's site, speaks for it.
        if (MorningBaseline.ForLatestSessionBefore(after, on) is not { AboveBaseline: false } morning)
        {
            var previous = MorningBaseline.LatestSessionBefore(after, on) ?? on;
            var why = MorningBaseline.ForLatestSessionBefore(after, on) is { } up
                ? Invariant($"next-morning pain was {up.Pain}/10, up on a baseline of {up.Baseline}/10")
                : Invariant($"no next-morning report for the morning after the session on {Wording.Day(previous)}") +
                    (after.PainSite is { } site ? " at the " + Wording.Words(site) : "");
            return new ExerciseHeld(code, on, ProgramRules.Explain("P2",
                Invariant($"{good}, but {why}; ") + Invariant($"T3 needs the morning after the previous session at baseline (P2), so the {name} stays."),
                ids));
        }

        if (ExerciseLibrary.IsContraindicated(next, after.PainSite))
        {
            return new ExerciseHeld(code, on, ProgramRules.Explain("T3",
                Invariant($"{good}, but the next step ({next.Name}) does not suit {Wording.Words(after.PainSite!)} ") +
                    Invariant($"pain, so the {name} stays; a clinician may choose another way on."), ids));
        }

        return new ExerciseProgressed(code, next.Code, next.Dosage, on, ProgramRules.Explain("T3",
            Invariant($"{good}, with next-morning pain at baseline (P2): the {name} moves up to the ") +
                Invariant($"{Wording.Name(next.Code)} (T3)."),
            [.. ids, "next_morning:" + Wording.Day(morning.Date)]));
    }
}
