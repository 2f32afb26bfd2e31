namespace RunRestore.Contracts;

/// <summary>
/// Where clinics' systems meet the broker (ARCHITECTURE.md, "Clinics on the broker: each sees only its own"): every
/// clinic-facing CloudEvent is routed <c>clinic.&lt;clinic id&gt;.&lt;service&gt;.&lt;event&gt;</c> on
/// <see cref="EventsExchange"/>, so a clinic binds <c>clinic.&lt;its id&gt;.#</c> and sees only its own runners; a
/// clinic publishes inbound messages to <see cref="InboundExchange"/> under its own prefix. Each clinic's system
/// connects as its own RabbitMQ user (<see cref="UserOf"/>), whose permissions (<see cref="Clinics.ClinicBrokerRights"/>) let the
/// broker enforce both.
/// </summary>
public static class ClinicRouting
{
    /// <summary>The topic exchange clinic-facing CloudEvents are published to.</summary>
    public const string EventsExchange = "runrestore.clinic-events";

    /// <summary>The topic exchange clinics publish to (screens), routed <see cref="InboundKey"/>.</summary>
    public const string InboundExchange = "runrestore.clinic-inbound";

    /// <summary>The binding key that takes every clinic's submitted screens (one word for the clinic).</summary>
    public const string InboundScreensBinding = "clinic.*.screen_submitted";

    /// <summary>The prefix of every clinic's RabbitMQ user name: "clinic.&lt;clinic id&gt;".</summary>
    public const string UserPrefix = "clinic.";

    /// <summary>"clinic.&lt;clinic&gt;.": the prefix of every routing key about one clinic.</summary>
    public static string PrefixOf(string clinic) => $"clinic.{clinic}.";

    /// <summary>The routing key of a CloudEvent of type "runrestore.&lt;service&gt;.&lt;event&gt;" for one clinic.</summary>
    public static string EventKey(string clinic, string cloudEventType) =>
        PrefixOf(clinic) + (cloudEventType.StartsWith("runrestore.", StringComparison.Ordinal)
            ? cloudEventType["runrestore.".Length..]
            : cloudEventType);

    /// <summary>The routing key a clinic publishes a screen with: "clinic.&lt;clinic&gt;.screen_submitted".</summary>
    public static string InboundKey(string clinic) => PrefixOf(clinic) + "screen_submitted";

    /// <summary>The RabbitMQ user of a clinic's system: "clinic.&lt;clinic&gt;".</summary>
    public static string UserOf(string clinic) => UserPrefix + clinic;

    /// <summary>
    /// The clinic a broker user is the system of, or null when it is no clinic's user (a service, an operator, anything
    /// else). The user comes from the broker-validated <c>user_id</c> message property.
    /// </summary>
    public static string? ClinicOfUser(string? user) =>
        user is not null && user.StartsWith(UserPrefix, StringComparison.Ordinal) && Clinics.ClinicIds.IsValid(user[UserPrefix.Length..])
            ? user[UserPrefix.Length..]
            : null;
}
