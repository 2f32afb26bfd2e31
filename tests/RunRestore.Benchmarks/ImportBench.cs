using Grpc.Core;
using RunRestore.Intake.V1;

namespace RunRestore.Benchmarks;

/// <summary>
/// Row 4: partner back-fill. 4 concurrent importers, each sending ImportRuns batches of 1,000 valid runs with
/// partner ids for runners of its own: every runner's history is 2,000 runs over ~8 years (one run every 1-2 days,
/// oldest batch first), as a running app uploads it when a runner connects.
/// </summary>
internal static class ImportBench
{
    public const int Importers = 4;
    public const int BatchSize = 1000;

    public sealed record Result(ClosedLoop.Outcome Baseline, double RunsPerSecond, long Runs, double Seconds, Latencies BatchLatencies, long Errors,
        string? ErrorNote, Dictionary<string, double> Cpu, Dictionary<string, object?> WritesPerRun, Dictionary<string, object?> Statements);

    public static async Task<Result> RunAsync(BenchContext ctx, Func<Task<ClosedLoop.Outcome>> baseline, CancellationToken ct)
    {
        var runnersPerImporter = ctx.Smoke ? 1 : 5;
        var batchesPerRunner = ctx.Smoke ? 1 : 2;
        using var setup = BenchContext.Channel(ctx.Options.Intake);
        var runners = await Runs.RegisterAsync(ctx, setup, Importers * (runnersPerImporter + 1), "Import runner", ct);
        var channels = Enumerable.Range(0, Importers).Select(_ => BenchContext.Channel(ctx.Options.Intake)).ToArray();
        try
        {
            var raw = await baseline();
            var before = await PgStats.TakeAsync(ctx.Db, "intake", ct);
            await PgStatements.ResetAsync(ctx.Db, ct);
            // Warmup (not counted): one small batch per importer on a runner of its own.
            await Task.WhenAll(Enumerable.Range(0, Importers).Select(w =>
                ImportAsync(ctx, channels[w], runners[Importers * runnersPerImporter + w], History(new Random(w), 200, 1)[0], ct)));

            BenchContext.Log($"ImportRuns: {Importers} importers × {runnersPerImporter} runners × {batchesPerRunner} batches of {BatchSize}");
            var histories = Enumerable.Range(0, Importers * runnersPerImporter)
                .Select(r => History(new Random(1000 + r), BatchSize * batchesPerRunner, batchesPerRunner)).ToArray();
            var latencies = new Latencies();
            long imported = 0, errors = 0;
            var errorKinds = new List<string>();
            var cpuBefore = CpuMonitor.Take();
            var start = Clock.Now;
            await Task.WhenAll(Enumerable.Range(0, Importers).Select(w => Task.Run(async () =>
            {
                for (var r = 0; r < runnersPerImporter; r++)
                {
                    var index = w * runnersPerImporter + r;
                    foreach (var batch in histories[index])
                    {
                        var t0 = Clock.Now;
                        try
                        {
                            var response = await ImportAsync(ctx, channels[w], runners[index], batch, ct);
                            latencies.Add(Clock.Ms(t0, Clock.Now));
                            Interlocked.Add(ref imported, response.Imported);
                            if (response.Imported != batch.Count)
                            {
                                Interlocked.Add(ref errors, batch.Count - response.Imported);
                                lock (errorKinds)
                                {
                                    errorKinds.Add($"{response.Rejected} rejected, {response.Duplicates} duplicates");
                                }
                            }
                        }
                        catch (RpcException ex)
                        {
                            Interlocked.Add(ref errors, batch.Count);
                            lock (errorKinds)
                            {
                                errorKinds.Add($"gRPC {ex.StatusCode}: {ex.Status.Detail}");
                            }
                        }
                    }
                }
            }, ct)));
            var end = Clock.Now;
            var cpu = ctx.Cpu.Between(cpuBefore, CpuMonitor.Take());
            var after = await PgStats.AfterIdleAsync(ctx.Db, "intake", PgStats.Idle(ctx), ct);
            var statements = PgStatements.PerOperation(await PgStatements.ReadAsync(ctx.Db, ct), imported + Importers * 200);
            var seconds = Clock.Seconds(start, end);
            return new Result(raw, imported / seconds, imported, seconds, latencies, errors,
                errors == 0 ? null : $"{errors} runs not imported ({string.Join("; ", errorKinds.Distinct().Take(3))})",
                cpu, PgStats.PerOperation(before, after, imported + Importers * 200), statements);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static async Task<ImportRunsResponse> ImportAsync(BenchContext ctx, Grpc.Net.Client.GrpcChannel channel, string runner,
        List<RunInput> runs, CancellationToken ct)
    {
        var request = new ImportRunsRequest { RunnerId = runner };
        request.Runs.AddRange(runs);
        return await new IntakeService.IntakeServiceClient(channel).ImportRunsAsync(request, ctx.Call(ct, 120));
    }

    /// <summary><paramref name="count"/> runs ending yesterday, one every 1-2 days, split into <paramref name="batches"/> oldest first.</summary>
    private static List<List<RunInput>> History(Random rng, int count, int batches)
    {
        var days = new int[count];
        var day = 0;
        for (var i = count - 1; i >= 0; i--)
        {
            day += 1 + rng.Next(0, 2);
            days[i] = day;
        }

        var yesterday = BenchContext.Today.AddDays(-1);
        var runs = days.Select(d => Runs.Easy(yesterday.AddDays(1 - d), rng)).ToList();
        var size = count / batches;
        return [.. Enumerable.Range(0, batches).Select(b => runs.Skip(b * size).Take(size).ToList())];
    }
}
