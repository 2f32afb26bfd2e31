using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RunRestore.Benchmarks;

/// <summary>One line of the results table.</summary>
internal sealed class Row(string id, string figure, string target)
{
    public string Id { get; } = id;
    public string Figure { get; } = figure;
    /// <summary>The figure (in <see cref="Unit"/>), or null when the phase failed.</summary>
    public double? Value { get; set; }
    public string Unit { get; set; } = "";
    /// <summary>How the value is shown in the table (e.g. "p50 4.2 ms / p99 11.0 ms").</summary>
    public string? ValueText { get; set; }
    public double? Baseline { get; set; }
    public string? BaselineText { get; set; }
    /// <summary>Value / baseline.</summary>
    public double? Ratio { get; set; }
    public string Target { get; } = target;
    /// <summary>Null: no target (a reference figure).</summary>
    public bool? Met { get; set; }
    /// <summary>Why a target was missed, or what limits the figure (from measurements of the same run).</summary>
    public string? Note { get; set; }
    public string? Error { get; set; }
    /// <summary>
    /// Why the run failed at this row although it was measured: work was lost or stalled (a send failed, a message was
    /// never consumed, the pipeline stopped progressing). Unlike a missed target, this fails the run.
    /// </summary>
    public string? Failure { get; set; }
    public Dictionary<string, object?> Details { get; } = [];
}

/// <summary>Why the run failed: the phase (as --only names it) and what happened, with the figures.</summary>
internal sealed record RunFailure(string Phase, string Message)
{
    public override string ToString() => $"FAILED {Phase}: {Message}";
}

/// <summary>Collects the rows, prints the markdown table and writes the JSON file.</summary>
internal sealed class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly List<Row> _rows = [];
    private readonly List<RunFailure> _failures = [];

    public Dictionary<string, object?> Machine { get; } = [];
    public Dictionary<string, object?> Diagnostics { get; } = [];
    public IReadOnlyList<Row> Rows => _rows;
    /// <summary>What made the run fail (never a missed target); empty when it passed.</summary>
    public IReadOnlyList<RunFailure> Failures => _failures;

    public Row Add(string id, string figure, string target)
    {
        var row = new Row(id, figure, target);
        _rows.Add(row);
        return row;
    }

    /// <summary>Rows that every run prints; a phase that failed marks its rows with the error instead of a value.</summary>
    public static void Fail(IEnumerable<Row> rows, Exception ex)
    {
        foreach (var row in rows)
        {
            row.Error = $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>The run failed in <paramref name="phase"/>: marks <paramref name="rows"/> FAILED with the reason.</summary>
    public void Failed(string phase, string message, params Row[] rows)
    {
        _failures.Add(new RunFailure(phase, message));
        foreach (var row in rows)
        {
            row.Failure = row.Failure is null ? message : $"{row.Failure}; {message}";
        }
    }

    /// <summary>Adds a failure for every row left with an error that no failure names yet (e.g. a start not measured).</summary>
    public void FailErrorRows()
    {
        foreach (var row in _rows.Where(r => r.Error is not null && r.Failure is null))
        {
            row.Failure = row.Error;
            _failures.Add(new RunFailure(row.Id, $"error: {row.Error}"));
        }
    }

    public string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| # | figure | value | baseline (same run) | ratio | target | met | why missed / what limits it |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|");
        var n = 0;
        foreach (var r in _rows)
        {
            n++;
            var value = r.Error is not null ? "**error**" : r.ValueText ?? Number(r.Value, r.Unit);
            var baseline = r.BaselineText ?? (r.Baseline is { } b ? Number(b, r.Unit) : "—");
            var ratio = r.Ratio is { } q ? Inv($"{q * 100:0.#} %") : "—";
            var met = r.Error is not null ? "error"
                : r.Failure is not null ? "**FAILED**"
                : r.Met switch { true => "yes", false => "**no**", null => "—" };
            var note = r.Error ?? (r.Failure is not null ? $"FAILED: {r.Failure}" + (r.Note is { } rowNote ? $"; {rowNote}" : "") : r.Note ?? "");
            sb.AppendLine(Inv($"| {n} | {Cell(r.Figure)} | {Cell(value)} | {Cell(baseline)} | {ratio} | {Cell(r.Target)} | {met} | {Cell(note)} |"));
        }

        // After the table, one line per failure (deploy/bench.sh prints this file): a failed run says so in words.
        if (_failures.Count > 0)
        {
            sb.AppendLine();
            foreach (var failure in _failures)
            {
                sb.AppendLine(Cell(failure.ToString()));
            }
        }

        return sb.ToString();
    }

    public void WriteJson(string path, object header)
    {
        var doc = new Dictionary<string, object?>
        {
            ["run"] = header,
            ["machine"] = Machine,
            ["rows"] = _rows,
            ["diagnostics"] = Diagnostics,
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(doc, Json));
    }

    public static string Number(double? value, string unit) => value is not { } v
        ? "—"
        : Inv($"{(Math.Abs(v) >= 1000 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("0.##", CultureInfo.InvariantCulture))} {unit}").Trim();

    public static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Cell(string s) => s.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
