using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Marten;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.ServiceDefaults.Idempotency;

/// <summary>
/// Safe retries for every write (ARCHITECTURE.md "Idempotency"): a client that sends `idempotency-key` metadata and
/// repeats the call with the same key gets the first call's response, and nothing new is stored. The key is stored by
/// the write itself, with its response, in the same transaction as its events (<see cref="EventStore.EventStoreWriter"/>),
/// so two copies of a call racing each other store one effect, and a retry after a crash right after the commit still
/// gets the first response. Keys belong to the clinic (tenant) and the method; the same key with a different request is
/// INVALID_ARGUMENT.
/// </summary>
public sealed class IdempotencyInterceptor(RequestIdempotency idempotency, ISessionFactory sessions) : Interceptor
{
    public const string Header = "idempotency-key";
    public const int MaxKeyLength = 200;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var key = context.RequestHeaders.GetValue(Header);
        if (key is null || request is not IMessage message)
        {
            return await continuation(request, context).ConfigureAwait(false);
        }

        new FieldViolations()
            .Check(key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~'), Header,
                $"must be 1-{MaxKeyLength} printable ASCII characters without spaces (a UUID is a good key)")
            .ThrowIfAny();
        var requestId = $"{context.Method}:{key}";
        var hash = Convert.ToHexString(SHA256.HashData([.. Encoding.UTF8.GetBytes(context.Method), .. message.ToByteArray()]));
        idempotency.Begin(requestId, hash);

        // No look-up here: the write looks for the key inside its own transaction, behind the stream's lock, and
        // throws RequestAlreadyAcceptedException when it finds it (one round trip fewer per keyed write).
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (RequestAlreadyAcceptedException)
        {
            var first = await LoadAsync(requestId, context.CancellationToken).ConfigureAwait(false);
            return Replay<TResponse>(first!, hash);
        }
    }

    private async Task<IdempotentRequest?> LoadAsync(string requestId, CancellationToken ct)
    {
        await using var session = sessions.QuerySession();
        return await session.LoadAsync<IdempotentRequest>(requestId, ct).ConfigureAwait(false);
    }

    private static TResponse Replay<TResponse>(IdempotentRequest seen, string hash)
        where TResponse : class
    {
        if (seen.RequestHash != hash)
        {
            new FieldViolations().Add(Header, "was used before for a different request; use a new key for a new request")
                .ThrowIfAny();
        }

        if (seen.Response is null)
        {
            // Only rows stored before responses were stored with the write have none: the write is there, its answer
            // is not, and retrying will not bring it back.
            throw new AlreadyExistsException(
                $"A call with this {Header} was accepted at {seen.AcceptedAt:O}; its response was not kept. Read the result back.");
        }

        var response = (IMessage)Activator.CreateInstance<TResponse>();
        response.MergeFrom(seen.Response);
        return (TResponse)response;
    }
}
