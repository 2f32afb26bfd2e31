using System.Collections.Immutable;
using RunRestore.Programming.Library;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Programming.Programs;

/// <summary>
/// The write model of a runner's program stream (a Marten inline snapshot): what the deciders need to progress,
/// regress, hold and alert. Everything is a public constructor parameter with immutable collections, so
/// System.Text.Json round-trips it. Marten sets <see cref="Id"/> to the stream id (the runner id).
/// </summary>
public sealed partial record RunnerProgram(
    ImmutableList<Guid> AssessmentIds,
    DateOnly FirstAssessmentOn,
    DateOnly LatestAssessmentOn,
    DateOnly StartedOn,
    DateTimeOffset StartedAt,
    string? PainSite,
    Phase Phase,
    DateOnly PhaseSince,
    ImmutableList<ProgramExercise> Exercises,
    ImmutableList<ScreenFinding> OpenFindings,
    int SessionsPerWeek,
    int PainCeiling,
    bool TechniqueUnlocked,
    int? BaselineMorningPain,
    MorningPain? LastMorningPain,
    bool RegressNextSession,
    DateOnly? HoldProgressionsUntil,
    ImmutableList<SessionDay> Sessions,
    DateOnly? LastSessionDate,
    DateTimeOffset? LastSessionAt,
    int? LastReportedPain,
    ImmutableList<string> EngagementAlerts,
    ImmutableList<ProgramRedFlag>? RedFlags = null,
    ImmutableList<SitePain>? SitePains = null,
    ImmutableList<WellnessFlag>? WellnessFlags = null,
    ImmutableList<string>? LoadHoldFlags = null,
    ImmutableList<MorningPain>? MorningPains = null)
{
    /// <summary>The google.rpc.PreconditionFailure type of what a program's state refuses (FAILED_PRECONDITION), so a
    /// client can tell it from bad input (INVALID_ARGUMENT).</summary>
    public const string StateRule = "program_state";

    /// <summary>The runner id (the stream id); Marten fills it in, the events do not carry it.</summary>
    public Guid Id { get; init; }

    /// <summary>What a command or read for a runner without a program gets (NOT_FOUND).</summary>
    public static NotFoundException Missing(Guid runnerId) =>
        new($"Runner {runnerId} has no program yet: a program starts from a completed assessment.");

    public static RunnerProgram Create(ProgramPrescribed e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new RunnerProgram(
            [e.AssessmentId], e.FirstAssessmentOn, e.AssessedOn, e.StartsOn, e.PrescribedAt, e.PainSite, e.Phase,
            e.StartsOn, [.. e.Exercises.Select(p => new ProgramExercise(p.Code, p.FindingKey, p.Dosage, 0))],
            [.. e.OpenFindings], e.SessionsPerWeek, e.PainCeiling, TechniqueUnlocked: false, BaselineMorningPain: null,
            LastMorningPain: null, RegressNextSession: false, HoldProgressionsUntil: null, Sessions: [],
            LastSessionDate: null, LastSessionAt: null, LastReportedPain: null, EngagementAlerts: []);
    }

    /// <summary>Applies any of the stream's events (for deciders that look at the state after their own events).</summary>
    // Not called Evolve: Marten's source generator would take a method of that name for the whole projection.
    public RunnerProgram Then(object e) => e switch
    {
        ProgramRevised revised => Apply(revised),
        SessionRecorded session => Apply(session),
        NextMorningPainRecorded morning => Apply(morning),
        NextSessionRegressionPlanned planned => Apply(planned),
        ExerciseProgressed progressed => Apply(progressed),
        ExerciseRegressed regressed => Apply(regressed),
        ExerciseSwapped swapped => Apply(swapped),
        ExerciseHeld held => Apply(held),
        ProgressionsHeld hold => Apply(hold),
        RunningVolumeAdvised advised => Apply(advised),
        PhaseAdvanced advanced => Apply(advanced),
        PhaseOverridden overridden => Apply(overridden),
        PainCeilingSet ceiling => Apply(ceiling),
        ClinicianAlertRaised alert => Apply(alert),
        EngagementNudged nudge => Apply(nudge),
        RedFlagRaised raised => Apply(raised),
        RedFlagCleared cleared => Apply(cleared),
        PainReportMonitored monitored => Apply(monitored),
        RunningChangeAdvised advised => Apply(advised),
        ProgressionsHeldForWellness wellness => Apply(wellness),
        WellnessHoldEnded ended => Apply(ended),
        LoadFlagJoinedHold joined => Apply(joined),
        TechniqueStayedLocked locked => Apply(locked),
        _ => this,
    };

    /// <summary>The program's exercise with this code (its current step), or null.</summary>
    public ProgramExercise? ExerciseFor(string code) => Exercises.Find(x => x.Code == code);

    /// <summary>Whether T5 holds strength progressions on <paramref name="date"/>.</summary>
    public bool HoldsProgressionsOn(DateOnly date) => HoldProgressionsUntil is { } until && date < until;

    /// <summary>Every red flag the program has heard of, open or cleared (snapshots from before rule set v2 have none).</summary>
    public ImmutableList<ProgramRedFlag> AllRedFlags => RedFlags ?? [];

    /// <summary>The red flags no clinician has cleared yet: while any is open the program holds (R1-R6).</summary>
    public IReadOnlyList<ProgramRedFlag> OpenRedFlags => AllRedFlags.FindAll(f => f.IsOpen);

    /// <summary>The last pain reported for <paramref name="bodySite"/> (P3), or null for a first report.</summary>
    public SitePain? LastPainAt(string bodySite) => SitePains?.Find(p => p.BodySite == bodySite);

    /// <summary>Since when the runner has been quiet (P4): the last session logged, or the prescription.</summary>
    public DateTimeOffset QuietSince() => LastSessionAt ?? StartedAt;

    /// <summary>Whether the exercise's ladder is running technique (T6 keeps it for Improve).</summary>
    public static bool IsTechnique(ProgramExercise exercise) =>
        exercise is not null && ExerciseLibrary.Get(exercise.Code).Quality == Qualities.Technique;
}

/// <summary>
/// An exercise as the program holds it now: its current ladder step, the finding it addresses and how many sessions
/// in a row went well (T3 progresses at 2). <paramref name="LastGoodOn"/> is the day of the last good session counted:
/// T3 (v2) counts sessions on different days only.
/// </summary>
public sealed record ProgramExercise(string Code, string FindingKey, Dosage Dosage, int GoodSessionsInARow, DateOnly? LastGoodOn = null,
    int PainfulOnFirstStep = 0)
{
    /// <summary>The library entry for the current step.</summary>
    public Exercise Exercise() => ExerciseLibrary.Get(Code);
}

/// <summary>A logged session as the rules need it: when, and the worst pain during it (P3, Restore → Maintain).</summary>
public sealed record SessionDay(Guid SessionId, DateOnly Date, int MaxPain);

/// <summary>
/// A next-morning report (P2) and whether it was "up" against its site's baseline; <paramref name="BodySite"/> and
/// <paramref name="Baseline"/> are null for reports from before P2 v2.
/// </summary>
public sealed record MorningPain(DateOnly Date, int Pain, bool AboveBaseline, string? BodySite = null, int? Baseline = null);
