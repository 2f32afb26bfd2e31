using JasperFx.Events;
using RunRestore.Contracts;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.EventStore;
using Contract = RunRestore.Contracts.Intake;
using Safety = RunRestore.Contracts.Safety;

namespace RunRestore.Intake.Messaging;

/// <summary>Which of intake's events the other services and clinics hear about, and in what shape.</summary>
public sealed class IntakeIntegrationEvents : IIntegrationEventMap
{
    /// <summary>Contracts.Safety.RedFlagRaised.Source of the red flags a pain report raises.</summary>
    public const string PainReportSource = "pain_report";

    public object? ToIntegrationEvent(IEvent domainEvent)
    {
        var runnerId = domainEvent.StreamId;
        return domainEvent.Data switch
        {
            RunnerRegistered e => new Contract.RunnerRegistered(e.RunnerId, e.DisplayName, e.BirthYear, SexOf(e.Sex), e.RegisteredAt,
                e.TimeZone),
            RunLogged e => new Contract.RunLogged(runnerId, e.RunId, e.Date, e.DistanceKm, e.DurationSeconds,
                Word(e.SessionType), e.Rpe, e.AverageHeartRate, e.CadenceSpm, e.Surface is { } s ? Word(s) : null,
                e.Partner, e.ExternalId),
            GymSessionLogged e => new Contract.GymSessionLogged(runnerId, e.SessionId, e.Date, e.DurationMinutes, e.Rpe, e.Focus),
            PainReported e => new Contract.PainReported(runnerId, e.PainReportId, e.Date, Word(e.BodySite), Word(e.Side),
                e.Severity, Word(e.Phase), e.OnsetKm, e.OnsetMinutes, e.LinkedRunId, e.DurationDays, e.Notes),
            // R1-R6 from a pain report: to programming (holds the region) and to clinics (critical alert).
            RedFlagRaised e => new Safety.RedFlagRaised(runnerId, e.RedFlagId, e.RuleId, e.RuleVersion, e.Severity, e.Evidence,
                Word(e.BodySite), Word(e.Side), e.Signs, e.Explanation, e.RunnerAdvice, PainReportSource, [e.PainReportId], e.Date),
            PainResolved e => new Contract.PainResolved(runnerId, e.PainReportId, e.Date),
            WellnessReported e => new Contract.WellnessReported(runnerId, e.WellnessReportId, e.Date, e.SleepHours,
                e.Stress, e.Soreness, e.Illness),
            LoadFlagRaised e => Raised(runnerId, e.Flag, e.AsOf),
            // A change of severity within an episode goes out as the flag raised again with its new severity (programming's
            // T5 reacts to "high"; DOMAIN.md "Load", rule set v2).
            LoadFlagSeverityChanged e => Raised(runnerId, e.Flag, e.AsOf),
            LoadFlagCleared e => new Contract.LoadFlagCleared(runnerId, e.RuleId, e.Kind, e.Explanation, e.AsOf),
            _ => null,
        };
    }

    private static Contract.LoadFlagRaised Raised(Guid runnerId, LoadFlag flag, DateOnly asOf) =>
        new(runnerId, flag.RuleId, flag.RuleVersion, flag.Kind, flag.Severity, flag.Evidence.ToString(), flag.Numbers,
            flag.Explanation, flag.TriggeringEventIds, asOf);

    // Each word is spelled out, so renaming a domain enum member cannot change what goes on the wire; the words of
    // the pain report are the Contracts' constants. IntakeWordTests checks that every member has one.
    internal static string Word(SessionType type) => type switch
    {
        SessionType.Easy => "easy",
        SessionType.Long => "long",
        SessionType.Tempo => "tempo",
        SessionType.Interval => "interval",
        SessionType.Race => "race",
        SessionType.Recovery => "recovery",
        _ => throw Unmapped(type),
    };

    internal static string Word(Surface surface) => surface switch
    {
        Surface.Road => "road",
        Surface.Trail => "trail",
        Surface.Track => "track",
        Surface.Treadmill => "treadmill",
        Surface.Grass => "grass",
        Surface.Mixed => "mixed",
        _ => throw Unmapped(surface),
    };

    internal static string Word(BodySite site) => site switch
    {
        BodySite.AnteriorKnee => Contract.BodySites.AnteriorKnee,
        BodySite.LateralKnee => Contract.BodySites.LateralKnee,
        BodySite.MedialShin => Contract.BodySites.MedialShin,
        BodySite.Achilles => Contract.BodySites.Achilles,
        BodySite.Calf => Contract.BodySites.Calf,
        BodySite.HeelPlantar => Contract.BodySites.HeelPlantar,
        BodySite.Hamstring => Contract.BodySites.Hamstring,
        BodySite.Hip => Contract.BodySites.Hip,
        BodySite.LateralHip => Contract.BodySites.LateralHip,
        BodySite.LowerBack => Contract.BodySites.LowerBack,
        BodySite.Foot => Contract.BodySites.Foot,
        BodySite.Other => Contract.BodySites.Other,
        BodySite.Groin => Contract.BodySites.Groin,
        BodySite.AnteriorShin => Contract.BodySites.AnteriorShin,
        BodySite.Midfoot => Contract.BodySites.Midfoot,
        BodySite.OuterFoot => Contract.BodySites.OuterFoot,
        _ => throw Unmapped(site),
    };

    internal static string Word(Side side) => side switch
    {
        Side.Left => Contract.BodySides.Left,
        Side.Right => Contract.BodySides.Right,
        Side.Both => Contract.BodySides.Both,
        Side.NotApplicable => Contract.BodySides.NotApplicable,
        _ => throw Unmapped(side),
    };

    internal static string Word(PainPhase phase) => phase switch
    {
        PainPhase.DuringRun => Contract.PainPhases.DuringRun,
        PainPhase.AfterRun => Contract.PainPhases.AfterRun,
        PainPhase.NextMorning => Contract.PainPhases.NextMorning,
        PainPhase.AtRest => Contract.PainPhases.AtRest,
        _ => throw Unmapped(phase),
    };

    internal static string SexOf(RunnerSex sex) => sex switch
    {
        RunnerSex.Female => RunnerSexes.Female,
        RunnerSex.Male => RunnerSexes.Male,
        _ => RunnerSexes.Other,
    };

    private static ArgumentOutOfRangeException Unmapped<T>(T value) where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).Name} has no contract word for this value.");
}
