using System.Collections.Concurrent;
using Grpc.Core;
using Npgsql;

namespace RunRestore.Benchmarks;

/// <summary>
/// N workers, each doing one operation after the other for warmup + measure; only the measure window counts
/// (operations that completed in it for the rate, operations that started and ended in it for latency).
/// </summary>
internal static class ClosedLoop
{
    public sealed record Outcome(
        double UnitsPerSecond,
        long Units,
        long Operations,
        long AllOperations,
        double Seconds,
        Latencies Latencies,
        long Errors,
        IReadOnlyDictionary<string, int> ErrorKinds,
        Dictionary<string, double> Cpu)
    {
        public Dictionary<string, object?> Details() => new()
        {
            ["unitsPerSecond"] = Math.Round(UnitsPerSecond, 1),
            ["units"] = Units,
            ["operations"] = Operations,
            ["operationsIncludingWarmup"] = AllOperations,
            ["seconds"] = Math.Round(Seconds, 2),
            ["latency"] = Latencies.Summary(),
            ["errors"] = Errors,
            ["errorKinds"] = ErrorKinds,
            ["cpuCores"] = Cpu,
        };

        public string? ErrorNote => Errors == 0 ? null
            : $"{Errors} failed operations ({string.Join(", ", ErrorKinds.Select(k => $"{k.Key} ×{k.Value}"))})";
    }

    /// <param name="createWorker">Sets up worker <c>w</c> (connection, channel) and returns its operation: iteration → units done.</param>
    public static async Task<Outcome> RunAsync(BenchContext ctx, int workers, TimeSpan warmup, TimeSpan measure,
        Func<int, Task<Func<long, Task<int>>>> createWorker, CancellationToken ct)
    {
        var ops = await Task.WhenAll(Enumerable.Range(0, workers).Select(createWorker));
        var start = Clock.Now;
        var from = Clock.After(start, warmup);
        var to = Clock.After(from, measure);
        var latencies = new Latencies();
        long units = 0, operations = 0, all = 0, errors = 0;
        var kinds = new ConcurrentDictionary<string, int>();

        var cpu = Task.Run(async () =>
        {
            await DelayUntilAsync(from, ct);
            var a = CpuMonitor.Take();
            await DelayUntilAsync(to, ct);
            return ctx.Cpu.Between(a, CpuMonitor.Take());
        }, ct);

        await Task.WhenAll(ops.Select(op => Task.Run(async () =>
        {
            for (long i = 0; ; i++)
            {
                var t0 = Clock.Now;
                if (t0 >= to)
                {
                    break;
                }

                try
                {
                    var n = await op(i);
                    var t1 = Clock.Now;
                    Interlocked.Increment(ref all);
                    if (t1 >= from && t1 <= to)
                    {
                        Interlocked.Add(ref units, n);
                        Interlocked.Increment(ref operations);
                        if (t0 >= from)
                        {
                            latencies.Add(Clock.Ms(t0, t1));
                        }
                    }
                }
                catch (Exception ex) when (ex is RpcException or NpgsqlException or InvalidOperationException or TimeoutException
                                               or Marten.Exceptions.MartenCommandException or JasperFx.ConcurrencyException)
                {
                    kinds.AddOrUpdate(Kind(ex), 1, (_, c) => c + 1);
                    if (Interlocked.Increment(ref errors) > 500 && Interlocked.Read(ref all) == 0)
                    {
                        throw;
                    }

                    await Task.Delay(20, ct);
                }
            }
        }, ct)));

        return new Outcome(units / measure.TotalSeconds, units, operations, all, measure.TotalSeconds, latencies, errors, kinds,
            await cpu);
    }

    public static string Kind(Exception ex) => ex is RpcException rpc ? $"gRPC {rpc.StatusCode}" : ex.GetType().Name;

    public static async Task DelayUntilAsync(long timestamp, CancellationToken ct)
    {
        var ms = Clock.Ms(Clock.Now, timestamp);
        if (ms > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(ms), ct);
        }
    }
}

/// <summary>Rows written per operation, from PostgreSQL's per-table counters (pg_stat_user_tables).</summary>
internal static class PgStats
{
    public sealed record Counters(Dictionary<string, (long Ins, long Upd, long Del, long Scans)> Tables, long Commits);

    /// <summary>
    /// PostgreSQL 15 publishes a backend's counters at most once a second while it is busy, and the rest only after
    /// it has been idle for 10 s (PGSTAT_IDLE_INTERVAL) or when it exits. So counters are read either after the
    /// connections that did the work were closed, or after <paramref name="idle"/> of quiet (10.5 s; 0 with --smoke,
    /// where the per-operation row counts are then approximate).
    /// </summary>
    public static async Task<Counters> AfterIdleAsync(NpgsqlDataSource db, string schema, TimeSpan idle, CancellationToken ct)
    {
        if (idle > TimeSpan.Zero)
        {
            await Task.Delay(idle, ct);
        }

        return await TakeAsync(db, schema, ct);
    }

    public static TimeSpan Idle(BenchContext ctx) => TimeSpan.FromSeconds(ctx.Smoke ? 0 : 10.5);

    public static async Task<Counters> TakeAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        var tables = new Dictionary<string, (long, long, long, long)>();
        await using (var cmd = db.CreateCommand("""
            SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(idx_scan, 0) + coalesce(seq_scan, 0)
            FROM pg_stat_user_tables WHERE schemaname = $1
            """))
        {
            cmd.Parameters.AddWithValue(schema);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            }
        }

        await using var commits = db.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return new Counters(tables, (long)(await commits.ExecuteScalarAsync(ct))!);
    }

    /// <summary>
    /// table → inserts, updates, deletes and scans (index + sequential: about one per statement that reads the table)
    /// per operation. PostgreSQL publishes a backend's counters up to ~1 s late, so take the
    /// "after" counters a moment after the load stopped and divide by every operation of the phase (warmup included).
    /// </summary>
    public static Dictionary<string, object?> PerOperation(Counters before, Counters after, long operations)
    {
        var result = new Dictionary<string, object?>();
        if (operations <= 0)
        {
            return result;
        }

        foreach (var (table, (ins, upd, del, scans)) in after.Tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var (i0, u0, d0, s0) = before.Tables.GetValueOrDefault(table);
            if (ins - i0 + upd - u0 + del - d0 + scans - s0 == 0)
            {
                continue;
            }

            result[table] = new Dictionary<string, double>
            {
                ["inserts"] = Math.Round((ins - i0) / (double)operations, 4),
                ["updates"] = Math.Round((upd - u0) / (double)operations, 4),
                ["deletes"] = Math.Round((del - d0) / (double)operations, 4),
                ["scans"] = Math.Round((scans - s0) / (double)operations, 4),
            };
        }

        result["commitsInDatabase"] = Math.Round((after.Commits - before.Commits) / (double)operations, 2);
        return result;
    }

    public static string Describe(Dictionary<string, object?> perOp) => string.Join(", ", perOp
        .Where(p => p.Value is Dictionary<string, double> d && d.Values.Any(v => v >= 0.0005))
        .Select(p =>
        {
            var d = (Dictionary<string, double>)p.Value!;
            var parts = new List<string>();
            if (d["inserts"] > 0)
            {
                parts.Add(Report.Inv($"{d["inserts"]:0.###} ins"));
            }

            if (d["updates"] > 0)
            {
                parts.Add(Report.Inv($"{d["updates"]:0.###} upd"));
            }

            if (d["deletes"] > 0)
            {
                parts.Add(Report.Inv($"{d["deletes"]:0.###} del"));
            }

            if (d["scans"] > 0)
            {
                parts.Add(Report.Inv($"{d["scans"]:0.###} scans"));
            }

            return $"{p.Key} {string.Join("+", parts)}";
        }));
}
