using RunRestore.Assessment.V1;
using RunRestore.Cli.Input;
using Spectre.Console;
using Spectre.Console.Rendering;
using Screen = RunRestore.Assessment.V1.Assessment;

namespace RunRestore.Cli.Views;

/// <summary>A screen: what it started from, the results, and (once completed) findings and ranked regions.</summary>
internal static class AssessmentView
{
    public static IRenderable Header(Screen a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var pain = a.Pain is { } p && p.PainReportId.Length > 0
            ? Markup.Escape($"{p.BodySite} {p.Side} {p.Severity}/10 {p.Phase}") + Onset(p) + $" [grey]({Markup.Escape(p.PainReportId)})[/]"
            : Show.None;
        var load = Markup.Escape(a.LoadSource) + (a.LoadNote.Length > 0 ? $" [yellow]{Markup.Escape(a.LoadNote)}[/]" : "");
        return Show.Facts(
            ("assessment", $"[bold]{Markup.Escape(a.AssessmentId)}[/]"),
            ("runner", Show.Text(a.RunnerId)),
            ("status", a.Status == AssessmentStatus.Completed ? "[green]completed[/]" : Show.Text(EnumWords.Word(a.Status))),
            ("reason", Show.Text(a.Reason)),
            ("started", Show.When(a.StartedAt)),
            ("completed on", Show.Text(a.CompletedOn)),
            ("pain", pain),
            ("load picture", load),
            ("re-assessment", a.IsReassessment ? "yes" : "no"));
    }

    public static IRenderable LoadFlags(Screen a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.LoadFlags.Count == 0)
        {
            return new Markup("[grey]No load flags were active when the screen started.[/]");
        }

        var table = Show.Table("rule", "flag", "severity", "evidence", "intake's explanation");
        table.Columns[4].Width(70);
        foreach (var f in a.LoadFlags)
        {
            table.AddRow(Show.Text(f.RuleId), Show.Text(f.Kind), Show.Severity(f.Severity), Show.Evidence(f.Evidence), Show.Text(f.Explanation));
        }

        return table;
    }

    public static IRenderable Results(Screen a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Results.Count == 0)
        {
            return new Markup("[grey]No results recorded yet.[/]");
        }

        var table = Show.Table("test", "side", "value", "rating", "notes");
        foreach (var r in a.Results)
        {
            table.AddRow(Show.Text(r.TestCode), Show.Text(EnumWords.Word(r.Side)), Markup.Escape($"{Show.Number(r.Value, "0.##")} {r.Unit}"),
                Show.Text(EnumWords.Word(r.Rating)), Show.Text(r.Notes));
        }

        return table;
    }

    public static IRenderable Findings(IEnumerable<Finding> findings)
    {
        var list = findings.ToList();
        if (list.Count == 0)
        {
            return new Markup("[green]No findings: nothing to check or treat from this screen.[/]");
        }

        var table = Show.Table("finding", "side", "measure", "rule", "evidence", "explanation");
        table.Columns[5].Width(60);
        foreach (var f in list)
        {
            table.AddRow($"[bold]{Markup.Escape(f.Region)}[/]\n[grey]{Markup.Escape(f.Kind)}[/]", Show.Text(f.Side), Show.Text(f.MagnitudeLabel),
                Show.Text(f.RuleId), Show.Evidence(f.Evidence), Show.Text(f.Explanation));
        }

        return table;
    }

    public static IRenderable Regions(IEnumerable<ContributingRegion> regions)
    {
        var list = regions.OrderBy(r => r.Rank).ToList();
        if (list.Count == 0)
        {
            return new Markup("[grey]No contributing regions (no pain site, or nothing in the chain to check).[/]");
        }

        var table = Show.Table("#", "region to check and treat", "rule", "evidence", "why");
        table.Columns[4].Width(70);
        foreach (var r in list)
        {
            table.AddRow(Show.Number(r.Rank), $"[bold]{Markup.Escape(r.Region)}[/]", Show.Text(r.RuleId), Show.Evidence(r.Evidence),
                Show.Text(r.Explanation));
        }

        table.Caption("[grey]treatment targets, not proven causes (DOMAIN.md K1-K8)[/]");
        return table;
    }

    /// <summary>Everything: header, load flags, results and, once completed, findings and regions.</summary>
    public static void Write(IAnsiConsole console, Screen a)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(a);
        console.Write(Header(a));
        console.Write(Show.Heading("Load flags at the start"));
        console.Write(LoadFlags(a));
        console.Write(Show.Heading("Results"));
        console.Write(Results(a));
        if (a.Status == AssessmentStatus.Completed)
        {
            WriteOutcome(console, a.Findings, a.Regions);
        }
    }

    public static void WriteOutcome(IAnsiConsole console, IEnumerable<Finding> findings, IEnumerable<ContributingRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Write(Show.Heading("Findings"));
        console.Write(Findings(findings));
        console.Write(Show.Heading("Regions to check, ranked"));
        console.Write(Regions(regions));
    }

    private static string Onset(PainSnapshot p) =>
        p.HasOnsetKm ? Markup.Escape($", from {Show.Number(p.OnsetKm)} km")
        : p.HasOnsetMinutes ? Markup.Escape($", from {Show.Number(p.OnsetMinutes)} min")
        : "";
}
