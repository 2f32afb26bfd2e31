using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;

namespace RunRestore.Benchmarks;

/// <summary>
/// Row 7: rebuilding intake's load projection — the TrainingLog inline snapshot (IntakeModule) — over ≥ 1,000,000
/// events with intake's own StoreOptions in a scratch schema (bench_rebuild). Seeding appends through Marten (Quick
/// append, big batches) with a store that has no projections, so the events are exactly what the service writes and
/// no TrainingLog exists before the rebuild. Then a Solo projection daemon (store.BuildProjectionDaemonAsync) runs
/// RebuildProjectionAsync&lt;TrainingLog&gt;: it wipes the snapshots and replays every event.
/// Runners log ~100 entries each over ~10 months; their events interleave in the log the way daily logging does.
/// </summary>
internal static class RebuildBench
{
    public const string Schema = "bench_rebuild";
    public const int EventsPerStream = 100;
    public const int Rounds = 10;
    public const int Tenants = 4;

    public sealed record Result(long Events, int Streams, double SeedSeconds, Dictionary<string, double> SeedCpu,
        double RebuildSeconds, Dictionary<string, double> RebuildCpu, long Snapshots, string Method,
        Dictionary<string, object?> PerEvent, Dictionary<string, object?> Statements);

    public static async Task<Result> RunAsync(BenchContext ctx, CancellationToken ct)
    {
        var events = ctx.Smoke ? 10_000 : 1_000_000;
        var streams = events / EventsPerStream;
        await using (var drop = ctx.Db.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE"))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        var intake = await IntakeStore.CreateAsync(ctx, Schema, ct);
        var seedStore = IntakeStore.AppendOnly(ctx, Schema);

        var ids = Enumerable.Range(0, streams).Select(_ => Guid.CreateVersion7()).ToArray();
        var today = BenchContext.Today;
        var perRound = EventsPerStream / Rounds;
        var chunk = 500; // streams per SaveChanges: 5,000 events
        BenchContext.Log($"rebuild: seeding {events:N0} events ({streams:N0} runners × {EventsPerStream}, {Tenants} clinics)");
        var seedCpu0 = CpuMonitor.Take();
        var seedStart = Clock.Now;
        for (var round = 0; round < Rounds; round++)
        {
            var work = Enumerable.Range(0, Tenants)
                .SelectMany(t => Enumerable.Range(0, streams).Where(s => s % Tenants == t).Chunk(chunk).Select(c => (Tenant: t, Streams: c)))
                .ToArray();
            var r = round;
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct }, async (item, c) =>
            {
                await using var session = seedStore.LightweightSession($"bench-clinic-{item.Tenant}");
                foreach (var s in item.Streams)
                {
                    var first = r * perRound;
                    var batch = Enumerable.Range(first, perRound).Select(k => Event(ids[s], s, k, today)).ToArray();
                    if (r == 0)
                    {
                        session.Events.StartStream<Runner>(ids[s], batch);
                    }
                    else
                    {
                        session.Events.Append(ids[s], batch);
                    }
                }

                await session.SaveChangesAsync(c);
            });
        }

        var seedSeconds = Clock.Seconds(seedStart, Clock.Now);
        var seedCpu = ctx.Cpu.Between(seedCpu0, CpuMonitor.Take());
        var count = await ScalarAsync(ctx, $"SELECT count(*) FROM {Schema}.mt_events", ct);
        BenchContext.Log($"rebuild: seeded {count:N0} events in {seedSeconds:0.0} s; rebuilding TrainingLog");

        // Closing the seeding connections makes their backends publish their counters before the rebuild starts.
        seedStore.Dispose();
        var before = await PgStats.AfterIdleAsync(ctx.Db, Schema, TimeSpan.FromSeconds(0.5), ct);
        await PgStatements.ResetAsync(ctx.Db, ct);
        var rebuildCpu0 = CpuMonitor.Take();
        var start = Clock.Now;
        using (var daemon = await intake.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<TrainingLog>(TimeSpan.FromMinutes(10), ct);
        }

        var seconds = Clock.Seconds(start, Clock.Now);
        var rebuildCpu = ctx.Cpu.Between(rebuildCpu0, CpuMonitor.Take());
        var statements = PgStatements.PerOperation(await PgStatements.ReadAsync(ctx.Db, ct), Math.Max(1, count / 1000));
        await intake.DisposeAsync();
        var after = await PgStats.AfterIdleAsync(ctx.Db, Schema, TimeSpan.FromSeconds(0.5), ct);
        var snapshots = await ScalarAsync(ctx, $"SELECT count(*) FROM {Schema}.mt_doc_traininglog", ct);
        return new Result(count, streams, seedSeconds, seedCpu, seconds, rebuildCpu, snapshots,
            "Solo daemon (IDocumentStore.BuildProjectionDaemonAsync) → RebuildProjectionAsync<TrainingLog>",
            PgStats.PerOperation(before, after, count), statements);
    }

    /// <summary>Event k of runner s: registration first, then a run every ~3 days.</summary>
    private static object Event(Guid id, int s, int k, DateOnly today)
    {
        if (k == 0)
        {
            return new RunnerRegistered(id, $"Rebuild runner {s}", 1970 + s % 35, s % 2 == 0 ? RunnerSex.Female : RunnerSex.Male,
                DateTimeOffset.UtcNow);
        }

        var km = 5 + (s + k) % 8;
        var date = today.AddDays(-310 + 3 * k - s % 7);
        return new RunLogged(Guid.CreateVersion7(), date, km, km * (300 + (s * 7 + k) % 60), k % 7 == 0 ? SessionType.Long : SessionType.Easy,
            3 + (s + k) % 4, 130 + k % 30, 165 + s % 15, null, Surface.Road, Runs.Partner, $"{s}-{k}", DateTimeOffset.UtcNow);
    }

    private static async Task<long> ScalarAsync(BenchContext ctx, string sql, CancellationToken ct)
    {
        await using var cmd = ctx.Db.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
