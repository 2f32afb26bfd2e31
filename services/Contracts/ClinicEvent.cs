namespace RunRestore.Contracts;

/// <summary>
/// Marks the integration events clinics' own systems receive, besides the services: each is also published as a
/// CloudEvents 1.0 JSON message to the "runrestore.clinic-events" topic exchange, routed by clinic and type
/// (<see cref="ClinicRouting"/>, docs/asyncapi.yaml).
/// </summary>
public interface IClinicEvent
{
    /// <summary>The runner the event is about (the CloudEvents subject).</summary>
    Guid RunnerId { get; }
}
