using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Marten;
using Marten.Patching;
using Microsoft.Extensions.Logging;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.ServiceDefaults.Idempotency;

/// <summary>
/// Safe retries for every write (ARCHITECTURE.md "Idempotency"): a client that sends `idempotency-key` metadata and
/// repeats the call with the same key gets the first call's response, and nothing new is stored. The key is stored by
/// the write itself, in the same transaction as its events (<see cref="EventStore.EventStoreWriter"/>), so two copies of a
/// call racing each other store one effect; the response is added once the first call has it. Keys belong to the
/// clinic (tenant) and the method; the same key with a different request is INVALID_ARGUMENT.
/// </summary>
public sealed partial class IdempotencyInterceptor(RequestIdempotency idempotency, ISessionFactory sessions,
    ILogger<IdempotencyInterceptor> logger) : Interceptor
{
    public const string Header = "idempotency-key";
    public const int MaxKeyLength = 200;
    private static readonly TimeSpan ReplayWait = TimeSpan.FromSeconds(3);

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
        TResponse response;
        try
        {
            response = await continuation(request, context).ConfigureAwait(false);
        }
        catch (RequestAlreadyAcceptedException)
        {
            var first = await LoadAsync(requestId, context.CancellationToken).ConfigureAwait(false);
            return await ReplayAsync<TResponse>(first!, hash, context.CancellationToken).ConfigureAwait(false);
        }

        if (idempotency.Recorded && response is IMessage answer)
        {
            // Not the call's token: the write is committed, so its response must be kept even if the caller's deadline has
            // passed meanwhile — otherwise every retry with this key would be told "not answered yet" for ever.
            using var storing = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await StoreResponseAsync(requestId, answer, storing.Token).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<IdempotentRequest?> LoadAsync(string requestId, CancellationToken ct)
    {
        await using var session = sessions.QuerySession();
        return await session.LoadAsync<IdempotentRequest>(requestId, ct).ConfigureAwait(false);
    }

    private async Task StoreResponseAsync(string requestId, IMessage response, CancellationToken ct)
    {
        try
        {
            await using var session = sessions.OpenSession();
            session.Patch<IdempotentRequest>(requestId).Set(r => r.Response, response.ToByteArray());
            await session.SaveChangesAsync(ct).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The write itself is stored; a retry with this key then waits, and is told to come back (ABORTED).
            LogResponseNotStored(logger, requestId, ex);
        }
    }

    private async Task<TResponse> ReplayAsync<TResponse>(IdempotentRequest seen, string hash, CancellationToken ct)
        where TResponse : class
    {
        if (seen.RequestHash != hash)
        {
            new FieldViolations().Add(Header, "was used before for a different request; use a new key for a new request")
                .ThrowIfAny();
        }

        var deadline = DateTime.UtcNow + ReplayWait;
        while (seen.Response is null && DateTime.UtcNow < deadline)
        {
            // The first call with this key stored its write and has not answered yet.
            await Task.Delay(100, ct).ConfigureAwait(false);
            seen = await LoadAsync(seen.Id, ct).ConfigureAwait(false) ?? seen;
        }

        if (seen.Response is null)
        {
            throw new RequestInProgressException();
        }

        var response = (IMessage)Activator.CreateInstance<TResponse>();
        response.MergeFrom(seen.Response);
        return (TResponse)response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The response to {RequestId} could not be stored for replays")]
    private static partial void LogResponseNotStored(ILogger logger, string requestId, Exception ex);
}

/// <summary>A call with this idempotency key was accepted and has not answered yet: ABORTED, retry shortly.</summary>
public sealed class RequestInProgressException()
    : Exception("A call with this idempotency key was accepted and has not answered yet; retry shortly with the same key.");
