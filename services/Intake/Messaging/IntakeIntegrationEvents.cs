using System.Text.RegularExpressions;
using JasperFx.Events;
using RunRestore.Contracts;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.EventStore;
using Contract = RunRestore.Contracts.Intake;

namespace RunRestore.Intake.Messaging;

/// <summary>Which of intake's events the other services and clinics hear about, and in what shape.</summary>
public sealed partial class IntakeIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent domainEvent)
    {
        var runnerId = domainEvent.StreamId;
        return domainEvent.Data switch
        {
            RunnerRegistered e => new Contract.RunnerRegistered(e.RunnerId, e.DisplayName, e.BirthYear, SexOf(e.Sex), e.RegisteredAt),
            RunLogged e => new Contract.RunLogged(runnerId, e.RunId, e.Date, e.DistanceKm, e.DurationSeconds,
                Word(e.SessionType), e.Rpe, e.AverageHeartRate, e.CadenceSpm, e.Surface is { } s ? Word(s) : null,
                e.Partner, e.ExternalId),
            GymSessionLogged e => new Contract.GymSessionLogged(runnerId, e.SessionId, e.Date, e.DurationMinutes, e.Rpe, e.Focus),
            PainReported e => new Contract.PainReported(runnerId, e.PainReportId, e.Date, Word(e.BodySite), Word(e.Side),
                e.Severity, Word(e.Phase), e.OnsetKm, e.OnsetMinutes, e.LinkedRunId, e.DurationDays, e.Notes),
            PainResolved e => new Contract.PainResolved(runnerId, e.PainReportId, e.Date),
            WellnessReported e => new Contract.WellnessReported(runnerId, e.WellnessReportId, e.Date, e.SleepHours,
                e.Stress, e.Soreness, e.Illness),
            LoadFlagRaised e => new Contract.LoadFlagRaised(runnerId, e.Flag.RuleId, e.Flag.RuleVersion, e.Flag.Kind,
                e.Flag.Severity, e.Flag.Evidence.ToString(), e.Flag.Numbers, e.Flag.Explanation, e.Flag.TriggeringEventIds,
                e.AsOf),
            LoadFlagCleared e => new Contract.LoadFlagCleared(runnerId, e.RuleId, e.Kind, e.Explanation, e.AsOf),
            _ => null,
        };
    }

    /// <summary>"AnteriorKnee" → "anterior_knee": the contracts' enum words.</summary>
    private static string Word<T>(T value) where T : struct, Enum =>
        UpperCase().Replace(value.ToString(), "_$1").TrimStart('_').ToLowerInvariant();

    private static string SexOf(RunnerSex sex) => sex switch
    {
        RunnerSex.Female => RunnerSexes.Female,
        RunnerSex.Male => RunnerSexes.Male,
        _ => RunnerSexes.Other,
    };

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();
}
