using Google.Protobuf;

namespace RunRestore.ServiceDefaults.Idempotency;

/// <summary>
/// The idempotency key of the current gRPC call, if the client sent one (`idempotency-key` metadata). Scoped: one per
/// request.
/// </summary>
public sealed class RequestIdempotency
{
    /// <summary>The stored request's id ("method:key"), or null when the call carries no key.</summary>
    public string? RequestId { get; private set; }

    /// <summary>SHA-256 of the method and request message, so a key reused for another request is refused.</summary>
    public string? RequestHash { get; private set; }

    public void Begin(string requestId, string requestHash)
    {
        RequestId = requestId;
        RequestHash = requestHash;
    }

    /// <summary>The document a write stores with its events and response, or null when the call carries no key.</summary>
    public IdempotentRequest? TakeRecord(DateTimeOffset now, IMessage response) =>
        RequestId is null
            ? null
            : new IdempotentRequest { Id = RequestId, RequestHash = RequestHash!, AcceptedAt = now, Response = response.ToByteArray() };
}

/// <summary>
/// A write request accepted under an idempotency key, with the response the client got: stored in the same transaction
/// as the write's events (so a concurrent duplicate fails on the id and is retried as a replay, and a crash right after
/// the commit loses nothing a retry needs).
/// </summary>
public sealed class IdempotentRequest
{
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public DateTimeOffset AcceptedAt { get; set; }

    /// <summary>The protobuf bytes of the first response (null only in rows stored before responses were stored with the write).</summary>
    public byte[]? Response { get; set; }
}

/// <summary>Thrown by a write when its idempotency key is already stored: the interceptor replays the first response.</summary>
public sealed class RequestAlreadyAcceptedException(string requestId)
    : Exception($"The request {requestId} was accepted before.")
{
    public string RequestId { get; } = requestId;
}
