using System.Collections.Concurrent;
using System.Net.Sockets;
using Grpc.Core;

namespace RunRestore.Chaos;

/// <summary>
/// How every client call is made: the clinic's token, an <c>idempotency-key</c> that stays the same across the attempts of
/// one write, a deadline per attempt, and retries with jittered backoff on UNAVAILABLE, ABORTED, DEADLINE_EXCEEDED and
/// broken connections until the write's time budget is spent. A write is acknowledged when an attempt returns OK.
/// </summary>
internal sealed class Calls(TimeSpan attemptDeadline, TimeSpan budget)
{
    public const string IdempotencyHeader = "idempotency-key";

    /// <summary>Failed attempts by status (UNAVAILABLE, ABORTED, ...), for the report.</summary>
    public ConcurrentDictionary<string, int> FailedAttempts { get; } = new();

    /// <summary>Sends <paramref name="command"/> until it is acknowledged, refused for good, or out of time; returns the response or null.</summary>
    public async Task<T?> WriteAsync<T>(Command command, Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken ct,
        Func<RpcException, bool>? alsoRetry = null) where T : class
    {
        if (double.IsNaN(command.SentAt))
        {
            command.SentAt = Clock.Now;
        }

        var headers = new Metadata { command.Clinic.Authorization, { IdempotencyHeader, command.Key.ToString() } };
        var giveUpAt = command.SentAt + budget.TotalSeconds;
        while (true)
        {
            command.Attempts++;
            try
            {
                var response = await call(new CallOptions(headers, DateTime.UtcNow + attemptDeadline, ct));
                command.AcknowledgedAt = Clock.Now;
                return response;
            }
            catch (RpcException ex) when (!ct.IsCancellationRequested)
            {
                command.LastFailure = ex.StatusCode;
                command.Error = $"{ex.StatusCode}: {ex.Status.Detail}";
                FailedAttempts.AddOrUpdate(Describe(ex), 1, (_, n) => n + 1);
                if (!(Retryable(ex) || alsoRetry?.Invoke(ex) == true) || Clock.Now >= giveUpAt)
                {
                    return null;
                }
            }

            await Task.Delay(Backoff(command.Attempts), ct);
        }
    }

    /// <summary>A read after the run: the same retries, no idempotency key.</summary>
    public async Task<T> ReadAsync<T>(Clinic clinic, Func<CallOptions, AsyncUnaryCall<T>> call, CancellationToken ct)
    {
        var headers = new Metadata { clinic.Authorization };
        var giveUpAt = Clock.Now + budget.TotalSeconds;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(new CallOptions(headers, DateTime.UtcNow + attemptDeadline, ct));
            }
            catch (RpcException ex) when (Retryable(ex) && Clock.Now < giveUpAt && !ct.IsCancellationRequested)
            {
                await Task.Delay(Backoff(attempt), ct);
            }
        }
    }

    /// <summary>The status, and whether this client saw the connection break (not a status the service sent).</summary>
    private static string Describe(RpcException ex) => BrokenConnection(ex) ? $"{ex.StatusCode} (connection)" : ex.StatusCode.ToString();

    private static bool BrokenConnection(RpcException ex) =>
        ex.Status.DebugException is HttpRequestException or IOException or SocketException or HttpIOException;

    /// <summary>Transient: the service or what it depends on is down or busy, or the connection broke (a killed process).</summary>
    public static bool Retryable(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.Aborted or StatusCode.DeadlineExceeded => true,
        // grpc-dotnet reports a connection torn down mid-call as INTERNAL/UNKNOWN/CANCELLED with the I/O error inside.
        StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled => BrokenConnection(ex),
        _ => false,
    };

    // 100 ms doubling to 2 s, full jitter, so 8 writers on one runner do not retry in step.
    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, Math.Min(attempt - 1, 5))) * (0.5 + Random.Shared.NextDouble() / 2));
}
