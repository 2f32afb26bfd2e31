using System.Diagnostics;
using Grpc.Core;
using RunRestore.Cli.App;

namespace RunRestore.Cli.Demo;

/// <summary>
/// Retries a call while it answers NOT_FOUND: what another service learned from intake's events arrives a moment later
/// (intake → RabbitMQ → consumer), so "not known here (yet)" is expected for a few seconds.
/// </summary>
internal static class Eventually
{
    public static async Task<(T Result, int Tries, TimeSpan Waited)> FoundAsync<T>(Func<Task<T>> call, TimeSpan timeout,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(call);
        var clock = Stopwatch.StartNew();
        for (var tries = 1; ; tries++)
        {
            try
            {
                return (await call(), tries, clock.Elapsed);
            }
            catch (ServiceCallException ex) when (ex.StatusCode == StatusCode.NotFound && clock.Elapsed < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
            }
        }
    }
}
