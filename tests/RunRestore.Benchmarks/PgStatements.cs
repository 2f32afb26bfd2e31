using System.Text.RegularExpressions;
using Npgsql;

namespace RunRestore.Benchmarks;

/// <summary>
/// What PostgreSQL executed during a phase, per operation, from pg_stat_statements — when the server preloads it
/// (deploy/bench.sh turns it on for the server it starts itself; otherwise this stays off and the rows say so).
/// </summary>
internal static partial class PgStatements
{
    public sealed record Statement(string Query, long Calls, double TotalMs);

    /// <summary>Clears the statistics (server-wide: only ever on the benchmark's own server); false when unavailable.</summary>
    public static async Task<bool> ResetAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        try
        {
            await using var cmd = db.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();");
            await cmd.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    public static async Task<List<Statement>> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var result = new List<Statement>();
        try
        {
            await using var cmd = db.CreateCommand("""
                SELECT query, calls, total_exec_time FROM pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_statements%'
                  AND query NOT LIKE '%pg_sleep%' -- the HotCold daemons' leader lock waits: time asleep, not work
                ORDER BY total_exec_time DESC
                """);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(new Statement(Short(reader.GetString(0)), reader.GetInt64(1), reader.GetDouble(2)));
            }
        }
        catch (PostgresException)
        {
        }

        return result;
    }

    /// <summary>Statements and execution time per operation, and the five statements that took the most time.</summary>
    public static Dictionary<string, object?> PerOperation(List<Statement> statements, long operations)
    {
        if (statements.Count == 0 || operations <= 0)
        {
            return new() { ["available"] = false };
        }

        return new()
        {
            ["available"] = true,
            ["statementsPerOperation"] = Math.Round(statements.Sum(s => s.Calls) / (double)operations, 2),
            ["executionMsPerOperation"] = Math.Round(statements.Sum(s => s.TotalMs) / operations, 3),
            ["top"] = statements.Take(5).Select(s => new Dictionary<string, object?>
            {
                ["query"] = s.Query,
                ["callsPerOperation"] = Math.Round(s.Calls / (double)operations, 3),
                ["msPerOperation"] = Math.Round(s.TotalMs / operations, 4),
                ["msPerCall"] = Math.Round(s.TotalMs / Math.Max(1, s.Calls), 3),
            }).ToList(),
        };
    }

    public static string Describe(Dictionary<string, object?> perOp, string what)
    {
        if (perOp.GetValueOrDefault("available") is not true)
        {
            return "";
        }

        var top = (List<Dictionary<string, object?>>)perOp["top"]!;
        return Report.Inv($"PostgreSQL per {what}: {perOp["statementsPerOperation"]} statements, {perOp["executionMsPerOperation"]:0.###} ms executing (most: ") +
            string.Join(", ", top.Take(3).Select(t => Report.Inv($"{t["query"]} {t["msPerOperation"]:0.###} ms"))) + ")";
    }

    /// <summary>"select intake.mt_quick_append_events(…)" → "mt_quick_append_events()": enough to tell statements apart.</summary>
    private static string Short(string query)
    {
        var q = Spaces().Replace(query, " ").Trim();
        // The async daemon's two reads of the event table.
        if (q.Contains("first_after", StringComparison.Ordinal) || q.Contains("gap_edge", StringComparison.Ordinal))
        {
            return "daemon high-water query (mt_events)";
        }

        if (q.Contains("mt_events as d inner join", StringComparison.OrdinalIgnoreCase))
        {
            return "daemon event page (mt_events join mt_streams)";
        }

        if (FunctionCall().Match(q) is { Success: true } f)
        {
            return $"{f.Groups[1].Value}()";
        }

        if (Verb().Match(q) is { Success: true } v)
        {
            var verb = v.Groups[1].Success ? "SELECT" : v.Groups[2].Success ? "INSERT" : v.Groups[3].Success ? "UPDATE" : "DELETE";
            return $"{verb} {v.Groups[5].Value}";
        }

        return q.Length > 60 ? q[..60] + "…" : q;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^select [\w""]+\.(mt_\w+)\(", RegexOptions.IgnoreCase)]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"^(?:(select)\b.*?\bfrom\s+|(insert into)\s+|(update)\s+|(delete from)\s+)(?:[\w""]+\.)?([\w""]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();
}
