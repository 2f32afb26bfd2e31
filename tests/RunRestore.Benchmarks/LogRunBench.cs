using RunRestore.Intake.V1;

namespace RunRestore.Benchmarks;

/// <summary>
/// Row 1-2 and 8-10: LogRun over gRPC from 8 concurrent clients (one channel each), each logging runs for its own
/// runners (registered first) as a partner app does (partner + external_id, so the dedupe lookup is on), one run per
/// runner and day. Peak RSS of every service is sampled while it runs.
/// </summary>
internal static class LogRunBench
{
    public const int Clients = 8;

    public sealed record Result(ClosedLoop.Outcome Baseline, ClosedLoop.Outcome Outcome, Dictionary<string, object?> WritesPerRun,
        Dictionary<string, (double PeakMb, double? HwmMb)> Rss, int RssSamples, Dictionary<string, object?> Statements);

    /// <param name="baseline">Measured after the runners are registered and before the load: it also gives intake's
    /// connections the 10 s of quiet PostgreSQL needs to publish the registrations' counters.</param>
    public static async Task<Result> RunAsync(BenchContext ctx, Func<Task<ClosedLoop.Outcome>> baseline, CancellationToken ct)
    {
        var runnersPerClient = ctx.Smoke ? 4 : 40;
        var warmup = TimeSpan.FromSeconds(ctx.Smoke ? 1 : 3);
        var measure = TimeSpan.FromSeconds(ctx.Smoke ? 2 : 15);

        using var setup = BenchContext.Channel(ctx.Options.Intake);
        var runners = await Runs.RegisterAsync(ctx, setup, Clients * runnersPerClient, "LogRun runner", ct);
        BenchContext.Log($"registered {runners.Length} runners; LogRun: {Clients} clients, {warmup.TotalSeconds} s warmup + {measure.TotalSeconds} s");

        var raw = await baseline();
        var channels = Enumerable.Range(0, Clients).Select(_ => BenchContext.Channel(ctx.Options.Intake)).ToArray();
        var today = BenchContext.Today;
        var before = await PgStats.TakeAsync(ctx.Db, "intake", ct);
        await PgStatements.ResetAsync(ctx.Db, ct);
        var rss = new RssSampler(ctx.Options.Pids);
        ClosedLoop.Outcome outcome;
        Dictionary<string, (double PeakMb, double? HwmMb)> peaks;
        try
        {
            outcome = await ClosedLoop.RunAsync(ctx, Clients, warmup, measure, w =>
            {
                var client = new IntakeService.IntakeServiceClient(channels[w]);
                var mine = runners.Skip(w * runnersPerClient).Take(runnersPerClient).ToArray();
                var rng = new Random(w);
                return Task.FromResult<Func<long, Task<int>>>(async i =>
                {
                    var runner = mine[i % mine.Length];
                    // Day by day: pass p of the runner list logs the day 400 - p days ago (never after today).
                    var date = today.AddDays((int)Math.Min(0, i / mine.Length - 400));
                    await client.LogRunAsync(new LogRunRequest { RunnerId = runner, Run = Runs.Easy(date, rng) }, ctx.Call(ct));
                    return 1;
                });
            }, ct);
        }
        finally
        {
            peaks = await rss.StopAsync();
            await rss.DisposeAsync();
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }

        var after = await PgStats.AfterIdleAsync(ctx.Db, "intake", PgStats.Idle(ctx), ct);
        var statements = PgStatements.PerOperation(await PgStatements.ReadAsync(ctx.Db, ct), outcome.AllOperations);
        return new Result(raw, outcome, PgStats.PerOperation(before, after, outcome.AllOperations), peaks, rss.Samples, statements);
    }
}
