namespace RunRestore.Contracts;

/// <summary>
/// Where clinics' systems meet the broker (ARCHITECTURE.md, "Clinics on the broker: each sees only its own"): every
/// clinic-facing CloudEvent is routed <c>clinic.&lt;clinic id&gt;.&lt;service&gt;.&lt;event&gt;</c> on
/// <see cref="EventsExchange"/>, so a clinic binds <c>clinic.&lt;its id&gt;.#</c> and sees only its own runners.
/// </summary>
public static class ClinicRouting
{
    /// <summary>The topic exchange clinic-facing CloudEvents are published to.</summary>
    public const string EventsExchange = "runrestore.clinic-events";

    /// <summary>"clinic.&lt;clinic&gt;.": the prefix of every routing key about one clinic.</summary>
    public static string PrefixOf(string clinic) => $"clinic.{clinic}.";

    /// <summary>The routing key of a CloudEvent of type "runrestore.&lt;service&gt;.&lt;event&gt;" for one clinic.</summary>
    public static string EventKey(string clinic, string cloudEventType) =>
        PrefixOf(clinic) + (cloudEventType.StartsWith("runrestore.", StringComparison.Ordinal)
            ? cloudEventType["runrestore.".Length..]
            : cloudEventType);
}
