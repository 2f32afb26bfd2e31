using System.Globalization;
using RunRestore.Intake.V1;

namespace RunRestore.Cli.Input;

/// <summary>A CSV row that became a run, with its line number in the file (1-based).</summary>
internal sealed record CsvRun(int Line, RunInput Run);

/// <summary>A CSV row that could not be read, with every reason.</summary>
internal sealed record CsvProblem(int Line, IReadOnlyList<string> Reasons);

/// <summary>The runs read from a CSV file and the rows that could not be read.</summary>
internal sealed record RunCsvResult(IReadOnlyList<CsvRun> Runs, IReadOnlyList<CsvProblem> Problems);

/// <summary>
/// Reads runs from CSV: columns date,km,minutes,type,rpe[,partner,external_id]. A first line that names any column
/// ("date", "km", ...) is a header and may order the columns any way; without one the columns are positional. Only what cannot be
/// sent is refused here (unreadable numbers, an unknown type, a malformed date); ranges are intake's to judge.
/// </summary>
internal static class RunCsv
{
    public const string Columns = "date,km,minutes,type,rpe[,partner,external_id]";

    private static readonly string[] Positional = ["date", "km", "minutes", "type", "rpe", "partner", "external_id"];
    private static readonly string[] Required = ["date", "km", "minutes", "type", "rpe"];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["date"] = "date", ["km"] = "km", ["distance_km"] = "km", ["minutes"] = "minutes", ["duration_minutes"] = "minutes",
        ["type"] = "type", ["session_type"] = "type", ["rpe"] = "rpe", ["partner"] = "partner", ["external_id"] = "external_id",
    };

    public static RunCsvResult Parse(string text)
    {
        using var reader = new StringReader(text ?? "");
        return Parse(reader);
    }

    public static RunCsvResult Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var runs = new List<CsvRun>();
        var problems = new List<CsvProblem>();
        string[]? columns = null;
        var line = 0;
        while (reader.ReadLine() is { } raw)
        {
            line++;
            var content = line == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (content.Trim().Length == 0)
            {
                continue;
            }

            var fields = CsvFields.Split(content);
            if (columns is null && fields.Exists(f => Synonyms.ContainsKey(f.Trim())))
            {
                columns = Header(fields, line, problems);
                if (columns is null)
                {
                    return new RunCsvResult([], problems);
                }

                continue;
            }

            columns ??= [];
            var reasons = new List<string>();
            var run = Row(fields, columns.Length > 0 ? columns : Positional, columns.Length > 0, reasons);
            if (run is not null && reasons.Count == 0)
            {
                runs.Add(new CsvRun(line, run));
            }
            else
            {
                problems.Add(new CsvProblem(line, reasons));
            }
        }

        return new RunCsvResult(runs, problems);
    }

    private static string[]? Header(List<string> fields, int line, List<CsvProblem> problems)
    {
        var names = fields.Select(f => f.Trim()).ToArray();
        var reasons = new List<string>();
        var columns = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            if (!Synonyms.TryGetValue(names[i], out var column))
            {
                reasons.Add($"unknown column '{names[i]}' (expected {Columns})");
            }
            else if (columns.Contains(column))
            {
                reasons.Add($"column '{names[i]}' appears twice");
            }
            else
            {
                columns[i] = column;
            }
        }

        reasons.AddRange(Required.Where(r => !columns.Contains(r)).Select(r => $"missing column '{r}'"));
        if (reasons.Count == 0)
        {
            return columns;
        }

        problems.Add(new CsvProblem(line, reasons));
        return null;
    }

    private static RunInput? Row(List<string> fields, string[] columns, bool headed, List<string> reasons)
    {
        if (headed ? fields.Count != columns.Length : fields.Count is < 5 or > 7)
        {
            reasons.Add(headed
                ? $"has {fields.Count} fields, the header has {columns.Length}"
                : $"has {fields.Count} fields, expected 5 to 7 ({Columns})");
            return null;
        }

        var value = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count; i++)
        {
            value[columns[i]] = fields[i].Trim();
        }

        var run = new RunInput
        {
            Partner = value.GetValueOrDefault("partner", ""),
            ExternalId = value.GetValueOrDefault("external_id", ""),
        };
        if (Dates.TryParse(value["date"], out var date))
        {
            run.Date = Dates.Format(date);
        }
        else
        {
            reasons.Add($"date '{value["date"]}' is not a date as YYYY-MM-DD");
        }

        if (Decimal(value["km"], "km", reasons) is { } km)
        {
            run.DistanceKm = km;
        }

        if (Decimal(value["minutes"], "minutes", reasons) is { } minutes)
        {
            if (minutes is < 0 or > 100_000)
            {
                reasons.Add($"minutes '{value["minutes"]}' is out of range");
            }
            else
            {
                run.DurationSeconds = (int)Math.Round(minutes * 60, MidpointRounding.AwayFromZero);
            }
        }

        if (EnumWords.TryParse<SessionType>(value["type"], out var type))
        {
            run.SessionType = type;
        }
        else
        {
            reasons.Add($"type '{value["type"]}' is not one of {string.Join(", ", EnumWords.Words<SessionType>())}");
        }

        if (int.TryParse(value["rpe"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rpe))
        {
            run.Rpe = rpe;
        }
        else
        {
            reasons.Add($"rpe '{value["rpe"]}' is not a whole number");
        }

        return run;
    }

    private static double? Decimal(string text, string column, List<string> reasons)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        reasons.Add($"{column} '{text}' is not a number (use a dot for decimals)");
        return null;
    }
}
