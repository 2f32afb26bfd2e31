using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace RunRestore.Benchmarks;

/// <summary>
/// What the same PostgreSQL does with no event store and no service in front: plain Npgsql INSERTs of a run-sized
/// jsonb document into a scratch table (schema bench_raw), one transaction per statement (autocommit, durable).
/// </summary>
internal static class RawBaselines
{
    public const string Schema = "bench_raw";

    public static async Task ResetAsync(BenchContext ctx, CancellationToken ct)
    {
        await using var cmd = ctx.Db.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {Schema};
            DROP TABLE IF EXISTS {Schema}.single_row, {Schema}.multi_row;
            CREATE TABLE {Schema}.single_row (id uuid PRIMARY KEY, runner_id uuid NOT NULL, data jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE {Schema}.multi_row (id uuid PRIMARY KEY, runner_id uuid NOT NULL, data jsonb NOT NULL,
                created_at timestamptz NOT NULL DEFAULT now());
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Single-row INSERT per transaction on <paramref name="connections"/> connections: rows/s.</summary>
    public static async Task<ClosedLoop.Outcome> SingleRowAsync(BenchContext ctx, int connections, TimeSpan warmup,
        TimeSpan measure, CancellationToken ct)
    {
        var opened = new ConcurrentBag<NpgsqlConnection>();
        var outcome = await ClosedLoop.RunAsync(ctx, connections, warmup, measure, async w =>
        {
            var connection = await ctx.Db.OpenConnectionAsync(ct);
            opened.Add(connection);
            var cmd = new NpgsqlCommand($"INSERT INTO {Schema}.single_row (id, runner_id, data) VALUES ($1, $2, $3)", connection);
            var id = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid });
            var runner = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = Guid.NewGuid() });
            var data = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb });
            await cmd.PrepareAsync(ct);
            var rng = new Random(w);
            return async i =>
            {
                id.Value = Guid.CreateVersion7();
                data.Value = RunJson(rng, i);
                await cmd.ExecuteNonQueryAsync(ct);
                return 1;
            };
        }, ct);
        await CloseAsync(opened);
        return outcome;
    }

    /// <summary>One <paramref name="rows"/>-row multi-row INSERT per transaction on <paramref name="connections"/> connections: rows/s.</summary>
    public static async Task<ClosedLoop.Outcome> MultiRowAsync(BenchContext ctx, int connections, int rows, TimeSpan warmup,
        TimeSpan measure, CancellationToken ct)
    {
        var opened = new ConcurrentBag<NpgsqlConnection>();
        var outcome = await ClosedLoop.RunAsync(ctx, connections, warmup, measure, async w =>
        {
            var connection = await ctx.Db.OpenConnectionAsync(ct);
            opened.Add(connection);
            var sql = new StringBuilder($"INSERT INTO {Schema}.multi_row (id, runner_id, data) VALUES ");
            for (var r = 0; r < rows; r++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(r == 0 ? "" : ",")}(${3 * r + 1}, ${3 * r + 2}, ${3 * r + 3})");
            }

            var cmd = new NpgsqlCommand(sql.ToString(), connection);
            var ids = new NpgsqlParameter[rows];
            var data = new NpgsqlParameter[rows];
            var runner = Guid.NewGuid();
            for (var r = 0; r < rows; r++)
            {
                ids[r] = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid });
                cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Uuid, Value = runner });
                data[r] = cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb });
            }

            await cmd.PrepareAsync(ct);
            var rng = new Random(w);
            return async i =>
            {
                for (var r = 0; r < rows; r++)
                {
                    ids[r].Value = Guid.CreateVersion7();
                    data[r].Value = RunJson(rng, i * rows + r);
                }

                await cmd.ExecuteNonQueryAsync(ct);
                return rows;
            };
        }, ct);
        await CloseAsync(opened);
        return outcome;
    }

    private static async Task CloseAsync(IEnumerable<NpgsqlConnection> connections)
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A run as Marten stores the RunLogged event (same fields, similar size: ~330 bytes).</summary>
    private static string RunJson(Random rng, long i)
    {
        var km = Math.Round(5 + rng.NextDouble() * 7, 2);
        var date = new DateOnly(2020, 1, 1).AddDays((int)(i % 2000));
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"runId":"{{Guid.CreateVersion7()}}","date":"{{date:yyyy-MM-dd}}","distanceKm":{{km}},"durationSeconds":{{(int)(km * 330)}},"sessionType":"Easy","rpe":{{rng.Next(3, 7)}},"averageHeartRate":{{130 + rng.Next(0, 30)}},"cadenceSpm":{{165 + rng.Next(0, 15)}},"elevationGainM":null,"surface":"Road","partner":"bench-app","externalId":"{{Guid.NewGuid():N}}","loggedAt":"{{DateTimeOffset.UtcNow:O}}"}""");
    }
}
