using System.Text.Json;
using Npgsql;

namespace RunRestore.Chaos;

/// <summary>An event as a service stored it (its data as Marten wrote it: PascalCase JSON).</summary>
internal sealed record StoredEvent(Guid Id, Guid StreamId, string Clinic, string Type, JsonElement Data)
{
    public string? Text(params string[] path)
    {
        var e = Data;
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : e.ToString();
    }
}

/// <summary>
/// What the three services stored, read with plain SQL from their schemas (read only): every event, and the documents
/// the consumers keep — each service's copy of the runners, assessment's picture of pain reports, programming's log of
/// running pain, and both services' processed-message ids. Keys are (clinic, id) because clinics are tenants.
/// </summary>
internal sealed class Facts
{
    public List<StoredEvent> Intake { get; } = [];
    public List<StoredEvent> Assessment { get; } = [];
    public List<StoredEvent> Programming { get; } = [];
    public HashSet<(string, Guid)> AssessmentRunners { get; } = [];
    public HashSet<(string, Guid)> ProgrammingRunners { get; } = [];
    public HashSet<(string, Guid)> AssessmentProcessed { get; } = [];
    public HashSet<(string, Guid)> ProgrammingProcessed { get; } = [];
    /// <summary>Pain report ids in assessment's picture, with how often each appears (a dictionary there: at most once).</summary>
    public Dictionary<(string, Guid), int> AssessmentPain { get; } = [];
    /// <summary>Programming's running-pain log: (clinic, runner, date, severity) → entries.</summary>
    public Dictionary<(string, Guid, string, int), int> ProgrammingRunningPain { get; } = [];

    public static async Task<Facts> ReadAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        var facts = new Facts();
        await EventsAsync(db, "intake", facts.Intake, ct);
        await EventsAsync(db, "assessment", facts.Assessment, ct);
        await EventsAsync(db, "programming", facts.Programming, ct);
        await IdsAsync(db, "select tenant_id, id from assessment.mt_doc_knownrunner", facts.AssessmentRunners, ct);
        await IdsAsync(db, "select tenant_id, id from programming.mt_doc_knownrunner", facts.ProgrammingRunners, ct);
        await IdsAsync(db, "select tenant_id, id from assessment.mt_doc_processedmessage", facts.AssessmentProcessed, ct);
        await IdsAsync(db, "select tenant_id, id from programming.mt_doc_processedmessage", facts.ProgrammingProcessed, ct);
        await RowsAsync(db, "select tenant_id, id, p.key from assessment.mt_doc_runnerintakepicture, " +
            "jsonb_each(data -> 'PainReports') as p", r => Count(facts.AssessmentPain, (r.GetString(0), Guid.Parse(r.GetString(2)))), ct);
        await RowsAsync(db, "select tenant_id, id, e ->> 'Date', (e ->> 'Severity')::int from programming.mt_doc_intakesignallog, " +
            "jsonb_array_elements(data -> 'Reports') as e",
            r => Count(facts.ProgrammingRunningPain, (r.GetString(0), r.GetGuid(1), r.GetString(2), r.GetInt32(3))), ct);
        return facts;
    }

    private static void Count<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static Task EventsAsync(NpgsqlDataSource db, string schema, List<StoredEvent> into, CancellationToken ct) =>
        RowsAsync(db, $"select id, stream_id, tenant_id, type, data::text from {schema}.mt_events order by seq_id", r =>
        {
            using var json = JsonDocument.Parse(r.GetString(4));
            into.Add(new StoredEvent(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), json.RootElement.Clone()));
        }, ct);

    private static Task IdsAsync(NpgsqlDataSource db, string sql, HashSet<(string, Guid)> into, CancellationToken ct) =>
        RowsAsync(db, sql, r => into.Add((r.GetString(0), r.GetGuid(1))), ct);

    private static async Task RowsAsync(NpgsqlDataSource db, string sql, Action<NpgsqlDataReader> row, CancellationToken ct)
    {
        await using var command = db.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}
