using RunRestore.Programming.Library;
using RunRestore.Programming.Rules;

namespace RunRestore.Programming.Programs;

// Marten calls these public Apply methods for the inline snapshot; non-public ones it would silently skip.
public sealed partial record RunnerProgram
{
    public RunnerProgram Apply(ProgramRevised e) => this with
    {
        AssessmentIds = AssessmentIds.Add(e.AssessmentId),
        LatestAssessmentOn = e.AssessedOn,
        PainSite = e.PainSite,
        // An exercise kept across screens keeps its run of good sessions: a re-screen is not a setback (T3).
        Exercises = [.. e.Exercises.Select(p => new ProgramExercise(p.Code, p.FindingKey, p.Dosage,
            ExerciseFor(p.Code)?.GoodSessionsInARow ?? 0, ExerciseFor(p.Code)?.LastGoodOn))],
        OpenFindings = [.. e.OpenFindings],
        SessionsPerWeek = e.SessionsPerWeek,
        TechniqueUnlocked = e.TechniqueUnlocked,
    };

    public RunnerProgram Apply(SessionRecorded e) => this with
    {
        // A session the P2 mark steps back is no good session either: the run of good sessions starts again (T3). T3 v2
        // counts good sessions on different days only: a second one the same day (or the same one sent again) adds none.
        Exercises = Exercises.ConvertAll(x => e.Exercises.FirstOrDefault(r => r.Code == x.Code) is { } result
            ? !RegressNextSession && ProgramRules.IsGood(result, PainCeiling)
                ? x with
                {
                    GoodSessionsInARow = x.LastGoodOn == e.Date ? x.GoodSessionsInARow : x.GoodSessionsInARow + 1,
                    LastGoodOn = e.Date,
                }
                : x with
                {
                    GoodSessionsInARow = 0,
                    LastGoodOn = null,
                    // The swap rule (after T9): a first-step exercise over the ceiling twice is swapped or reported.
                    PainfulOnFirstStep = x.PainfulOnFirstStep +
                        (result.PainDuring > PainCeiling && ExerciseLibrary.Previous(x.Code) is null ? 1 : 0),
                }
            : x),
        Sessions = Sessions.Add(new SessionDay(e.SessionId, e.Date, e.MaxPain)),
        LastSessionDate = LastSessionDate is { } last && last > e.Date ? last : e.Date,
        LastSessionAt = LastSessionAt is { } at && at > e.RecordedAt ? at : e.RecordedAt,
        LastReportedPain = e.MaxPain,
        // The P2 mark is for one session only; a logged session also ends the quiet spell P4 counts.
        RegressNextSession = false,
        EngagementAlerts = [],
    };

    public RunnerProgram Apply(NextMorningPainRecorded e) => this with
    {
        BaselineMorningPain = BaselineMorningPain ?? e.Baseline,
        LastMorningPain = LastMorningPain is { } last && last.Date > e.Date
            ? last
            : new MorningPain(e.Date, e.Pain, e.AboveBaseline),
        // P2 v2: the per-site reports of the last weeks, for the rolling 7-day median; a report for the same morning and
        // site replaces the earlier one.
        MorningPains = (MorningPains ?? []).RemoveAll(m => m.Date == e.Date && m.BodySite == (e.BodySite ?? PainSite))
            .Add(new MorningPain(e.Date, e.Pain, e.AboveBaseline, e.BodySite ?? PainSite, e.Baseline))
            .RemoveAll(m => m.Date < e.Date.AddDays(-14)),
    };

    public RunnerProgram Apply(NextSessionRegressionPlanned e) => this with { RegressNextSession = true };

    public RunnerProgram Apply(ExerciseProgressed e) => Move(e.FromCode, e.ToCode, e.Dosage);

    public RunnerProgram Apply(ExerciseRegressed e) => Move(e.FromCode, e.ToCode, e.Dosage);

    public RunnerProgram Apply(ExerciseSwapped e) => Move(e.FromCode, e.ToCode, e.Dosage);

    // A hold changes nothing: the run of good sessions stays, so the exercise moves up once the reason is gone.
    public RunnerProgram Apply(ExerciseHeld e) => this;

    public RunnerProgram Apply(ProgressionsHeld e) => this with
    {
        HoldProgressionsUntil = HoldProgressionsUntil is { } until && until > e.Until ? until : e.Until,
        // T5 once: the flags this week's reaction answers, so a second flag joins it instead of repeating it.
        LoadHoldFlags = [.. (HoldsProgressionsOn(e.From) ? CurrentLoadHoldFlags : []), .. e.Why.TriggeringIds],
    };

    public RunnerProgram Apply(RunningVolumeAdvised e) => this;

    public RunnerProgram Apply(PhaseAdvanced e) => this with { Phase = e.To, PhaseSince = e.On };

    // T6: technique work belongs to Improve only, so leaving Improve by hand locks it again and drops the drills.
    public RunnerProgram Apply(PhaseOverridden e) => e.To == Phase.Improve
        ? this with { Phase = e.To, PhaseSince = DateOnly.FromDateTime(e.OverriddenAt.DateTime) }
        : this with
        {
            Phase = e.To,
            PhaseSince = DateOnly.FromDateTime(e.OverriddenAt.DateTime),
            TechniqueUnlocked = false,
            Exercises = Exercises.RemoveAll(IsTechnique),
        };

    public RunnerProgram Apply(PainCeilingSet e) => this with { PainCeiling = e.To };

    public RunnerProgram Apply(ClinicianAlertRaised e) => AlertLevels.IsEngagement(e.Level)
        ? this with { EngagementAlerts = EngagementAlerts.Add(e.Level) }
        : this;

    public RunnerProgram Apply(EngagementNudged e) => this with { EngagementAlerts = EngagementAlerts.Add(AlertLevels.Nudge) };

    // R1-R6: technique work is blocked while a red flag is open, so drills leave the program; a re-screen that passes
    // T6 after the flag is cleared opens them again.
    public RunnerProgram Apply(RedFlagRaised e) => this with
    {
        RedFlags = AllRedFlags.Add(new ProgramRedFlag(e.RedFlagId, e.RuleId, e.RuleVersion, e.Severity, e.BodySite, e.Side,
            [.. e.Signs], e.Source, e.RaisedOn, e.Why.Sentence)),
        TechniqueUnlocked = false,
        Exercises = Exercises.RemoveAll(IsTechnique),
    };

    public RunnerProgram Apply(RedFlagCleared e) => this with
    {
        RedFlags = AllRedFlags.ConvertAll(f => f.Id == e.RedFlagId ? f with { ClearedOn = e.ClearedOn } : f),
    };

    // P3 compares a site's next report with the latest one: a report older than the one kept changes nothing.
    public RunnerProgram Apply(PainReportMonitored e) => LastPainAt(e.BodySite) is { } last && last.Date > e.Date
        ? this
        : this with
        {
            SitePains = (SitePains ?? []).RemoveAll(p => p.BodySite == e.BodySite).Add(new SitePain(e.BodySite, e.Date, e.Severity)),
        };

    public RunnerProgram Apply(RunningChangeAdvised e) => this;

    // T6's reasons are history for the clinician; the revision beside it already set TechniqueUnlocked.
    public RunnerProgram Apply(TechniqueStayedLocked e) => this;

    private RunnerProgram Move(string from, string to, Dosage dosage) => this with
    {
        Exercises = Exercises.ConvertAll(x => x.Code == from ? x with { Code = to, Dosage = dosage, GoodSessionsInARow = 0, PainfulOnFirstStep = 0 } : x),
    };
}
