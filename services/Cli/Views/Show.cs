using System.Globalization;
using Spectre.Console;

namespace RunRestore.Cli.Views;

/// <summary>Small formatting pieces the views share: invariant numbers, escaped text, evidence levels.</summary>
internal static class Show
{
    public const string None = "[grey]—[/]";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Server text, escaped for Spectre markup; "—" when empty.</summary>
    public static string Text(string? text) => string.IsNullOrEmpty(text) ? None : Markup.Escape(text);

    /// <summary>A value in a colour when <paramref name="alert"/> holds.</summary>
    public static string Flagged(string text, bool alert, string colour = "yellow") =>
        alert ? $"[{colour}]{Markup.Escape(text)}[/]" : Markup.Escape(text);

    /// <summary>"B" → "B", "X" → "X (contested)": DOMAIN.md's evidence levels.</summary>
    public static string Evidence(string? level) => level switch
    {
        "X" => "[yellow]X[/] [grey](contested)[/]",
        null or "" => None,
        _ => Markup.Escape(level),
    };

    public static string Severity(string? severity) => severity switch
    {
        "high" or "critical" => $"[red]{Markup.Escape(severity)}[/]",
        "caution" or "low" => $"[yellow]{Markup.Escape(severity)}[/]",
        _ => Text(severity),
    };

    /// <summary>A heading rule in the output.</summary>
    public static Rule Heading(string title) => new Rule($"[bold]{Markup.Escape(title)}[/]").LeftJustified().RuleStyle("grey");

    /// <summary>A two-column key/value grid.</summary>
    public static Grid Facts(params (string Key, string Value)[] facts)
    {
        var grid = new Grid().AddColumn(new GridColumn().PadRight(2).NoWrap()).AddColumn();
        foreach (var (key, value) in facts)
        {
            grid.AddRow($"[grey]{Markup.Escape(key)}[/]", value);
        }

        return grid;
    }

    /// <summary>An RFC 3339 timestamp as local "yyyy-MM-dd HH:mm", or the text as given.</summary>
    public static string When(string? rfc3339) =>
        DateTimeOffset.TryParse(rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            : Text(rfc3339);

    /// <summary>A table with rounded borders and the given column headers.</summary>
    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn($"[bold]{Markup.Escape(column)}[/]"));
        }

        return table;
    }
}
