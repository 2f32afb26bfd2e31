using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Npgsql;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>Recognises a write that lost a race: another writer appended to the stream, or took a unique id first.</summary>
public static class WriteConflicts
{
    public static bool IsConflict(Exception ex) => ex switch
    {
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException
            or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => true,
        // Two appends to one stream racing past Marten's own check: pk_mt_events_stream_and_version (23505).
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        // The pessimistic fallback waited too long for the stream's lock.
        PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } => true,
        MartenCommandException or NpgsqlException when ex.InnerException is { } inner => IsConflict(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => IsConflict(aggregate.InnerExceptions[0]),
        _ => false,
    };
}
