namespace RunRestore.Contracts.Clinics;

/// <summary>
/// What one clinic's RabbitMQ user may do on the vhost (ARCHITECTURE.md, "Clinics on the broker"), as the broker's
/// permission patterns. With these the broker itself refuses (ACCESS_REFUSED) anything outside the clinic's own prefix:
/// <list type="bullet">
/// <item>configure: declare and delete only queues named <c>clinic.&lt;id&gt;.…</c> (never an exchange it does not own,
/// never an internal queue or exchange; the clinic exchanges exist already and are bound, not declared);</item>
/// <item>write: bind its own queues, publish only to <see cref="ClinicRouting.InboundExchange"/>;</item>
/// <item>read: bind to <see cref="ClinicRouting.EventsExchange"/> and consume its own queues — no error queue, no
/// MassTransit exchange or queue;</item>
/// <item>topic permissions: on the events exchange bind only keys starting <c>clinic.&lt;id&gt;.</c> (so neither
/// <c>#</c> nor another clinic's prefix), on the inbound exchange publish only <see cref="ClinicRouting.InboundKey"/>.</item>
/// </list>
/// A topic exchange without a topic permission for the user is unrestricted, so both clinic exchanges get one.
/// </summary>
public sealed record ClinicBrokerRights(string User, string Configure, string Write, string Read,
    IReadOnlyList<TopicRights> Topics)
{
    /// <summary>
    /// The rights of clinic <paramref name="clinic"/>, an id <see cref="ClinicIds.IsValid"/> accepts: no dots and no
    /// regular-expression characters, so it is one routing-key word and safe inside these patterns.
    /// </summary>
    public static ClinicBrokerRights For(string clinic)
    {
        if (!ClinicIds.IsValid(clinic))
        {
            throw new ArgumentException("A clinic id is lower-case letters, digits and '-', 1-63 characters.", nameof(clinic));
        }

        // The id holds no '.' and no regular-expression character, so it goes into the patterns as it is.
        var own = $@"clinic\.{clinic}\.";
        return new(ClinicRouting.UserOf(clinic),
            Configure: $"^{own}.+$",
            Write: $@"^({own}.+|{Escape(ClinicRouting.InboundExchange)})$",
            Read: $@"^({own}.+|{Escape(ClinicRouting.EventsExchange)})$",
            Topics:
            [
                new(ClinicRouting.EventsExchange, Write: "^$", Read: $"^{own}"),
                new(ClinicRouting.InboundExchange, Write: $"^{own}[a-z_]+$", Read: "^$"),
            ]);
    }

    private static string Escape(string name) => name.Replace(".", @"\.", StringComparison.Ordinal);
}

/// <summary>A topic permission: routing keys the user may publish with (write) and bind with (read) on one exchange.</summary>
public sealed record TopicRights(string Exchange, string Write, string Read);
