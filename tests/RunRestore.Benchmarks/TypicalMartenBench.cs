using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;

namespace RunRestore.Benchmarks;

/// <summary>
/// Row 3: the typical Marten command path with intake's own StoreOptions (schema bench_typical), direct to Marten:
/// FetchForWriting&lt;TrainingLog&gt; + append one RunLogged + SaveChanges (the inline TrainingLog snapshot is
/// updated in the same transaction), 8 concurrent writers on distinct runners. No gRPC, auth, validation, dedupe
/// lookup or flag rules: what is left is what Marten costs per event.
/// </summary>
internal static class TypicalMartenBench
{
    public const string Schema = "bench_typical";
    public const int Writers = 8;

    public sealed record Result(ClosedLoop.Outcome Baseline, ClosedLoop.Outcome Outcome, Dictionary<string, object?> WritesPerSave,
        Dictionary<string, object?> Statements);

    public static async Task<Result> RunAsync(BenchContext ctx, Func<Task<ClosedLoop.Outcome>> baseline, CancellationToken ct)
    {
        var runnersPerWriter = ctx.Smoke ? 4 : 40;
        var warmup = TimeSpan.FromSeconds(ctx.Smoke ? 0.5 : 2);
        var measure = TimeSpan.FromSeconds(ctx.Smoke ? 1.5 : 10);
        var intake = await IntakeStore.CreateAsync(ctx, Schema, ct);
        var store = intake.Store;

        var runners = Enumerable.Range(0, Writers * runnersPerWriter).Select(_ => Guid.CreateVersion7()).ToArray();
        await using (var session = store.LightweightSession(BenchContext.Clinic))
        {
            foreach (var id in runners)
            {
                session.Events.StartStream<Runner>(id, new RunnerRegistered(id, "Typical runner", 1980, RunnerSex.Female, DateTimeOffset.UtcNow));
            }

            await session.SaveChangesAsync(ct);
        }

        var raw = await baseline();
        BenchContext.Log($"typical Marten path: {Writers} writers, {warmup.TotalSeconds} s warmup + {measure.TotalSeconds} s");
        var today = BenchContext.Today;
        var before = await PgStats.TakeAsync(ctx.Db, Schema, ct);
        await PgStatements.ResetAsync(ctx.Db, ct);
        var outcome = await ClosedLoop.RunAsync(ctx, Writers, warmup, measure, w =>
        {
            var mine = runners.Skip(w * runnersPerWriter).Take(runnersPerWriter).ToArray();
            var rng = new Random(100 + w);
            return Task.FromResult<Func<long, Task<int>>>(async i =>
            {
                var runner = mine[i % mine.Length];
                var date = today.AddDays((int)Math.Min(0, i / mine.Length - 400));
                var km = Math.Round(5 + (decimal)rng.NextDouble() * 7, 2);
                await using var session = store.LightweightSession(BenchContext.Clinic);
                var stream = await session.Events.FetchForWriting<TrainingLog>(runner, ct);
                stream.AppendOne(new RunLogged(Guid.CreateVersion7(), date, km, (int)(km * 330), SessionType.Easy, rng.Next(3, 7),
                    140, 170, null, Surface.Road, Runs.Partner, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow));
                await session.SaveChangesAsync(ct);
                return 1;
            });
        }, ct);
        var statements = PgStatements.PerOperation(await PgStatements.ReadAsync(ctx.Db, ct), outcome.AllOperations);
        // Closing the store's connections makes their backends publish their counters.
        await intake.DisposeAsync();
        var after = await PgStats.AfterIdleAsync(ctx.Db, Schema, TimeSpan.FromSeconds(0.5), ct);
        return new Result(raw, outcome, PgStats.PerOperation(before, after, outcome.AllOperations), statements);
    }
}
