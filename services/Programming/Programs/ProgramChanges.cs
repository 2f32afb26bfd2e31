using System.Globalization;
using RunRestore.Programming.Library;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Programming.Programs;

/// <summary>A change of the program in words, with why: what GetProgramHistory and write responses show.</summary>
public sealed record ProgramChange(string Type, string Summary, Explanation Why);

/// <summary>Describes each of the program stream's events; nothing changes silently, so every event has a line here.</summary>
public static class ProgramChanges
{
    public static ProgramChange? Describe(object e) => e switch
    {
        ProgramPrescribed p => new("program_prescribed", $"Program prescribed in {Phases.Word(p.Phase)}: {Names(p.Exercises)}; "
            + $"{p.SessionsPerWeek} sessions a week, pain ceiling {p.PainCeiling}/10.", p.Why),
        ProgramRevised r => new("program_revised", $"Program revised after a re-screen: {Names(r.Exercises)}. {r.TechniqueGate.Sentence}", r.Why),
        SessionRecorded s => new("session_recorded", string.Create(CultureInfo.InvariantCulture,
            $"Session on {FieldChecks.Iso(s.Date)}: {s.Exercises.Count} exercises, highest pain {s.MaxPain}/10."),
            ProgramRules.Explain("T3", "Sessions are the history the program adapts from.", s.SessionId.ToString())),
        NextMorningPainRecorded m => new("next_morning_pain_recorded",
            $"Next-morning pain {m.Pain}/10 on {FieldChecks.Iso(m.Date)} (baseline {m.Baseline}).", m.Why),
        NextSessionRegressionPlanned r => new("next_session_regression_planned",
            $"Morning pain {r.Pain}/10 is above the baseline {r.Baseline}: the next session steps down.", r.Why),
        ExerciseProgressed p => new("exercise_progressed", $"{Name(p.FromCode)} → {Name(p.ToCode)} on {FieldChecks.Iso(p.On)}.", p.Why),
        ExerciseRegressed r => new("exercise_regressed", $"{Name(r.FromCode)} → {Name(r.ToCode)} on {FieldChecks.Iso(r.On)}.", r.Why),
        ExerciseSwapped s => new("exercise_swapped", $"{Name(s.FromCode)} swapped for {Name(s.ToCode)} on {FieldChecks.Iso(s.On)}.", s.Why),
        ExerciseHeld h => new("exercise_held", $"{Name(h.Code)} held on {FieldChecks.Iso(h.On)}.", h.Why),
        ProgressionsHeld h => new("progressions_held", $"Progressions held from {FieldChecks.Iso(h.From)} until {FieldChecks.Iso(h.Until)}.", h.Why),
        RunningVolumeAdvised a => new("running_volume_advised",
            $"Cut next week's running volume by {a.CutFromPercent}-{a.CutToPercent} % (week of {FieldChecks.Iso(a.WeekStart)}).", a.Why),
        PhaseAdvanced p => new("phase_advanced", $"Phase {Phases.Word(p.From)} → {Phases.Word(p.To)} on {FieldChecks.Iso(p.On)}.", p.Why),
        PhaseOverridden o => new("phase_overridden",
            $"{o.Clinician} moved the runner from {Phases.Word(o.From)} to {Phases.Word(o.To)}: {o.Reason}", o.Why),
        PainCeilingSet c => new("pain_ceiling_set", $"Pain ceiling {c.From}/10 → {c.To}/10: {c.Reason}", c.Why),
        ClinicianAlertRaised a => new("clinician_alert_raised", $"Clinician alert ({a.Level}).", a.Why),
        EngagementNudged n => new("engagement_nudged", "Reminder sent: no session logged for over 49 hours.", n.Why),
        PainReportMonitored p => new("pain_report_monitored", $"Pain {p.Severity}/10 at the {Wording.Words(p.BodySite)} "
            + $"({Wording.Words(p.Phase)}) on {FieldChecks.Iso(p.Date)}.", p.Why),
        RunningChangeAdvised a => new("running_change_advised", $"Running pain {a.Pain}/10 on {FieldChecks.Iso(a.Date)} is above "
            + $"the ceiling of {a.Ceiling}/10: run shorter, easier, or cross-train.", a.Why),
        RedFlagRaised r => new("red_flag_raised", $"Red flag {r.RuleId} v{r.RuleVersion} ({r.Severity}) at the "
            + $"{Wording.Words(r.BodySite)}: the program holds until a clinician clears it.", r.Why),
        RedFlagCleared c => new("red_flag_cleared", $"Red flag {c.RuleId} cleared by {c.ClearedBy}: {c.Reason}", c.Why),
        ProgressionsHeldForWellness w => new("progressions_held", $"Progressions held from {FieldChecks.Iso(w.From)} while "
            + $"{w.RuleId} ({Wording.Words(w.Kind)}, {w.Severity}) is active.", w.Why),
        WellnessHoldEnded w => new("progressions_resumed", $"{w.RuleId} ({Wording.Words(w.Kind)}) cleared on "
            + $"{FieldChecks.Iso(w.On)}: its hold on progressions ended.", w.Why),
        LoadFlagJoinedHold j => new("load_flag_joined_hold", $"{j.FlagId} fired in the same week: the running advice and hold "
            + "already recorded cover it.", j.Why),
        TechniqueStayedLocked t => new("technique_stayed_locked", $"Technique work stays locked after the re-screen of "
            + $"{FieldChecks.Iso(t.AssessedOn)}: {string.Join("; ", t.Reasons)}.", t.Why),
        _ => null,
    };

    private static string Names(IEnumerable<PrescribedExercise> exercises) => string.Join(", ", exercises.Select(e => Name(e.Code)));

    private static string Name(string code) => ExerciseLibrary.Find(code)?.Name ?? code;
}
