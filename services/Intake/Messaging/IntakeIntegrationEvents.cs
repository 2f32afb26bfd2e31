using JasperFx.Events;
using RunRestore.Contracts;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.EventStore;
using Contract = RunRestore.Contracts.Intake;

namespace RunRestore.Intake.Messaging;

/// <summary>Which of intake's events the other services and clinics hear about, and in what shape.</summary>
public sealed class IntakeIntegrationEvents : IIntegrationEventMap
{
    public object? ToIntegrationEvent(IEvent domainEvent) => domainEvent.Data switch
    {
        RunnerRegistered e => new Contract.RunnerRegistered(e.RunnerId, e.DisplayName, e.BirthYear, SexOf(e.Sex), e.RegisteredAt),
        _ => null,
    };

    private static string SexOf(RunnerSex sex) => sex switch
    {
        RunnerSex.Female => RunnerSexes.Female,
        RunnerSex.Male => RunnerSexes.Male,
        _ => RunnerSexes.Other,
    };
}
