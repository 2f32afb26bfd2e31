using JasperFx.Events;
using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.EventStore;
using Contract = RunRestore.Contracts.Programming;
using Safety = RunRestore.Contracts.Safety;

namespace RunRestore.Programming.Messaging;

/// <summary>What clinics hear from programming: prescriptions, adaptations, phase changes and alerts, each with why.</summary>
public sealed class ProgrammingIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent domainEvent)
    {
        var runnerId = domainEvent.StreamId;
        return domainEvent.Data switch
        {
            ProgramPrescribed p => Prescribed(runnerId, p.AssessmentId, false, p.Phase, p.SessionsPerWeek, p.PainCeiling, p.Exercises, p.Why),
            ProgramRevised r => Prescribed(runnerId, r.AssessmentId, true, null, r.SessionsPerWeek, null, r.Exercises, r.Why),
            PhaseAdvanced a => new Contract.PhaseAdvanced(runnerId, Phases.Word(a.From), Phases.Word(a.To), false, Why(a.Why)),
            PhaseOverridden o => new Contract.PhaseAdvanced(runnerId, Phases.Word(o.From), Phases.Word(o.To), true, Why(o.Why)),
            ClinicianAlertRaised a => new Contract.ClinicianAlertRaised(runnerId, a.Level, Why(a.Why)),
            RedFlagCleared c => new Safety.RedFlagCleared(runnerId, c.RedFlagId, c.RuleId, c.ClearedBy, c.Reason, c.ClearedOn),
            ExerciseProgressed or ExerciseRegressed or ExerciseSwapped or ExerciseHeld or ProgressionsHeld or RunningVolumeAdvised
                or NextSessionRegressionPlanned or PainCeilingSet or RedFlagRaised or RunningChangeAdvised
                or ProgressionsHeldForWellness or WellnessHoldEnded or LoadFlagJoinedHold or TechniqueStayedLocked when ProgramChanges.Describe(domainEvent.Data) is { } change =>
                new Contract.ProgramAdapted(runnerId, change.Type, change.Summary, Why(change.Why)),
            _ => null,
        };
    }

    private static Contract.ProgramPrescribed Prescribed(Guid runnerId, Guid assessmentId, bool revision, Phase? phase, int sessions,
        int? ceiling, IReadOnlyList<PrescribedExercise> exercises, Explanation why) =>
        new(runnerId, assessmentId, revision, phase is { } p ? Phases.Word(p) : "", sessions, ceiling ?? 0,
            exercises.Select(x => new Contract.ProgramExerciseItem(x.Code, ExerciseLibrary.Find(x.Code)?.Name ?? x.Code, x.Dosage.Sets,
                x.Dosage.Reps, x.Dosage.HoldSeconds, x.Dosage.PerSide, x.FindingKey, Why(x.Why))).ToList(),
            Why(why));

    private static Contract.ProgramExplanation Why(Explanation why) =>
        new(why.RuleId, why.RuleVersion, why.Evidence, why.TriggeringIds, why.Sentence);
}
