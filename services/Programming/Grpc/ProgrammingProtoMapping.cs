using System.Globalization;
using RunRestore.Programming.Library;
using RunRestore.Programming.LoadFlags;
using RunRestore.Programming.Planning;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Errors;
using RedFlagRules = RunRestore.Contracts.Safety.RedFlagRules;
using Proto = RunRestore.Programming.V1;

namespace RunRestore.Programming.Grpc;

/// <summary>Domain → proto for the programming service.</summary>
internal static class ProgrammingProtoMapping
{
    /// <summary>The program's phase on the wire; a number that is no phase reads as unspecified.</summary>
    public static Proto.Phase ToProto(Phase phase) => phase switch
    {
        Phase.Restore => Proto.Phase.Restore,
        Phase.Maintain => Proto.Phase.Maintain,
        Phase.Improve => Proto.Phase.Improve,
        _ => Proto.Phase.Unspecified,
    };

    /// <summary>A phase a caller named; null for unspecified or a number the proto does not know (the decider
    /// refuses it as "phase: must be restore, maintain or improve").</summary>
    public static Phase? ToDomain(Proto.Phase phase) => phase switch
    {
        Proto.Phase.Restore => Phase.Restore,
        Proto.Phase.Maintain => Phase.Maintain,
        Proto.Phase.Improve => Phase.Improve,
        _ => null,
    };

    public static Proto.Explanation ToProto(Explanation why)
    {
        var proto = new Proto.Explanation { RuleId = why.RuleId, RuleVersion = why.RuleVersion, Evidence = why.Evidence, Sentence = why.Sentence };
        proto.TriggeringIds.AddRange(why.TriggeringIds);
        return proto;
    }

    public static Proto.Dosage ToProto(Dosage dosage)
    {
        var proto = new Proto.Dosage { Sets = dosage.Sets, PerSide = dosage.PerSide };
        if (dosage.Reps is { } reps)
        {
            proto.Reps = reps;
        }

        if (dosage.HoldSeconds is { } hold)
        {
            proto.HoldSeconds = hold;
        }

        return proto;
    }

    public static Proto.ProgramChange ToProto(ProgramChange change, DateTimeOffset at) => new()
    {
        At = at.ToString("O", CultureInfo.InvariantCulture), Type = change.Type, Summary = change.Summary, Why = ToProto(change.Why),
    };

    public static IEnumerable<Proto.ProgramChange> Changes(IEnumerable<object> events, TimeProvider time) =>
        events.Select(ProgramChanges.Describe).OfType<ProgramChange>().Select(c => ToProto(c, time.GetUtcNow()));

    /// <summary>The current program; each exercise's "why" is the latest explanation that put it where it is.</summary>
    public static Proto.GetCurrentProgramResponse ToProto(Guid runnerId, RunnerProgram program, IReadOnlyList<object> events,
        TimeProvider time)
    {
        var whyByCode = new Dictionary<string, Explanation>();
        foreach (var e in events)
        {
            switch (e)
            {
                case ProgramPrescribed p: foreach (var x in p.Exercises) { whyByCode[x.Code] = x.Why; } break;
                case ProgramRevised r: foreach (var x in r.Exercises) { whyByCode[x.Code] = x.Why; } break;
                case ExerciseProgressed p: whyByCode[p.ToCode] = p.Why; break;
                case ExerciseRegressed r: whyByCode[r.ToCode] = r.Why; break;
                case ExerciseSwapped s: whyByCode[s.ToCode] = s.Why; break;
            }
        }

        var assessmentId = events.Select(e => e switch { ProgramPrescribed p => p.AssessmentId, ProgramRevised r => r.AssessmentId, _ => (Guid?)null })
            .LastOrDefault(id => id is not null);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var response = new Proto.GetCurrentProgramResponse
        {
            RunnerId = runnerId.ToString(),
            Phase = ToProto(program.Phase),
            SessionsPerWeek = program.SessionsPerWeek,
            PainCeiling = program.PainCeiling,
            AssessmentId = assessmentId?.ToString() ?? "",
            ProgressionsHeldUntil = program.HoldProgressionsUntil is { } until && until >= today ? FieldChecks.Iso(until) : "",
        };
        response.Exercises.AddRange(program.Exercises.Select(x =>
        {
            var exercise = ExerciseLibrary.Get(x.Code);
            var item = new Proto.ProgramExercise
            {
                Code = x.Code, Name = exercise.Name, Dosage = ToProto(x.Dosage), FindingKey = x.FindingKey,
                Ladder = exercise.Ladder, Step = exercise.Step,
            };
            if (whyByCode.TryGetValue(x.Code, out var why))
            {
                item.Why = ToProto(why);
            }

            return item;
        }));
        // T5 once: a flag that joined the week's reaction replaces its advice with one citing both flags.
        response.Advice.AddRange(events.Select(e => e switch
            {
                RunningVolumeAdvised a => (a.WeekStart, a.Why.Sentence),
                LoadFlagJoinedHold j => (j.WeekStart, j.Advice),
                _ => ((DateOnly WeekStart, string Sentence)?)null,
            }).OfType<(DateOnly WeekStart, string Sentence)>().Where(a => a.WeekStart.AddDays(6) >= today)
            .GroupBy(a => a.WeekStart).Select(g => g.Last().Sentence));
        // S1/S2: which flags hold progressions, for as long as they are active.
        if (program.ActiveWellnessFlags.Count > 0)
        {
            response.Advice.Add(HoldingForWellness.Advice(program.ActiveWellnessFlags));
        }

        // P1: running pain above the ceiling in the last week: change the running.
        response.Advice.AddRange(events.OfType<RunningChangeAdvised>().Where(a => a.Date.AddDays(7) > today)
            .Select(a => a.Why.Sentence).TakeLast(1));
        // R1-R6: while a red flag is open the runner is told to stop the provoking activity and see their clinician.
        response.OpenRedFlags.AddRange(program.OpenRedFlags.Select(ToProto));
        if (program.OpenRedFlags.Count > 0)
        {
            response.Advice.Insert(0, RedFlagRules.RunnerAdvice);
        }

        return response;
    }

    public static Proto.OpenRedFlag ToProto(ProgramRedFlag flag)
    {
        var proto = new Proto.OpenRedFlag
        {
            RedFlagId = flag.Id.ToString(), RuleId = flag.RuleId, RuleVersion = flag.RuleVersion, Severity = flag.Severity,
            BodySite = flag.BodySite, Explanation = flag.Sentence, RaisedOn = FieldChecks.Iso(flag.RaisedOn), Source = flag.Source,
        };
        proto.Signs.AddRange(flag.Signs);
        return proto;
    }

    public static Proto.GetWeekPlanResponse ToProto(WeekPlan plan, HardRuns hardRuns)
    {
        var response = new Proto.GetWeekPlanResponse { WeekStart = FieldChecks.Iso(plan.WeekStart), Note = hardRuns.Note ?? plan.Shortfall ?? "" };
        for (var i = 0; i < 7; i++)
        {
            var date = plan.WeekStart.AddDays(i);
            var strength = plan.StrengthDays.FirstOrDefault(d => d.Date == date);
            var runs = hardRuns.ByDate.GetValueOrDefault(date) ?? [];
            var day = new Proto.PlannedDay
            {
                Date = FieldChecks.Iso(date),
                StrengthSession = strength is not null,
                Reason = strength?.Reason ?? (runs.Count > 0 ? "Hard running day: no heavy strength work (T7)." : "No strength session."),
            };
            day.HardRuns.AddRange(runs);
            response.Days.Add(day);
        }

        return response;
    }

    public static Proto.LibraryExercise ToProto(Exercise e)
    {
        var proto = new Proto.LibraryExercise
        {
            Code = e.Code, Name = e.Name, Quality = e.Quality, Ladder = e.Ladder, Step = e.Step, Dosage = ToProto(e.Dosage),
            Regression = ExerciseLibrary.Previous(e.Code)?.Code ?? "",
            Progression = ExerciseLibrary.Next(e.Code)?.Code ?? "",
        };
        proto.TargetRegions.AddRange(e.TargetRegions);
        proto.Equipment.AddRange(e.Equipment);
        proto.Cues.AddRange(e.Cues);
        proto.Contraindications.AddRange(e.Contraindications);
        return proto;
    }
}
