using RunRestore.Cli.Input;
using RunRestore.Programming.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunRestore.Cli.Views;

/// <summary>The program, a week's plan, and program changes — each with the rule and evidence behind it.</summary>
internal static class ProgramView
{
    public static IRenderable Summary(GetCurrentProgramResponse p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Show.Facts(
            ("runner", Show.Text(p.RunnerId)),
            ("phase", $"[bold]{Markup.Escape(EnumWords.Word(p.Phase))}[/]"),
            ("sessions a week", Show.Number(p.SessionsPerWeek)),
            ("pain ceiling", Show.Number(p.PainCeiling) + "/10 (P1)"),
            ("from assessment", Show.Text(p.AssessmentId)),
            ("progressions held until", Show.Text(p.ProgressionsHeldUntil)),
            ("advice", p.Advice.Count == 0 ? Show.None : string.Join("\n", p.Advice.Select(a => "• " + Markup.Escape(a)))),
            ("open red flags", p.OpenRedFlags.Count == 0
                ? Show.None
                : string.Join("\n", p.OpenRedFlags.Select(f =>
                    $"[red]{Markup.Escape(f.RuleId)} {Markup.Escape(f.Severity)}[/] {Markup.Escape(f.BodySite)}: {Markup.Escape(f.Explanation)}"))));
    }

    public static IRenderable Exercises(IEnumerable<ProgramExercise> exercises)
    {
        var table = Show.Table("exercise", "dosage", "ladder step", "addresses", "why (rule, evidence)");
        table.Columns[4].Width(60);
        foreach (var x in exercises)
        {
            table.AddRow($"[bold]{Markup.Escape(x.Name)}[/]\n[grey]{Markup.Escape(x.Code)}[/]", Markup.Escape(Dosage(x.Dosage)),
                Markup.Escape($"{x.Ladder} #{x.Step + 1}"), Show.Text(x.FindingKey), Why(x.Why));
        }

        return table;
    }

    public static IRenderable Week(GetWeekPlanResponse week)
    {
        ArgumentNullException.ThrowIfNull(week);
        var table = Show.Table("date", "day", "strength", "hard runs", "why");
        table.Columns[4].Width(60);
        foreach (var d in week.Days)
        {
            var day = Dates.TryParse(d.Date, out var date) ? date.DayOfWeek.ToString()[..3] : "";
            table.AddRow(Markup.Escape(d.Date), day, d.StrengthSession ? "[green]session[/]" : "[grey]rest[/]",
                d.HardRuns.Count == 0 ? Show.None : Markup.Escape(string.Join(", ", d.HardRuns)), Show.Text(d.Reason));
        }

        if (week.Note.Length > 0)
        {
            table.Caption($"[yellow]{Markup.Escape(week.Note)}[/]");
        }

        return table;
    }

    public static IRenderable Changes(IEnumerable<ProgramChange> changes, bool withTime = false)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return new Markup("[grey]No changes.[/]");
        }

        var table = withTime ? Show.Table("when", "what", "summary", "rule", "evidence", "why") : Show.Table("what", "summary", "rule", "evidence", "why");
        table.Columns[^1].Width(55);
        table.Columns[withTime ? 1 : 0].NoWrap();
        foreach (var c in list)
        {
            var cells = new List<string>
            {
                Type(c.Type), Show.Text(c.Summary), Show.Text(c.Why?.RuleId), Show.Evidence(c.Why?.Evidence), Show.Text(c.Why?.Sentence),
            };
            if (withTime)
            {
                cells.Insert(0, Show.When(c.At));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    /// <summary>"3 × 12 per side", "3 × 30 s".</summary>
    public static string Dosage(Dosage? d)
    {
        if (d is null)
        {
            return "—";
        }

        var amount = d.HasReps ? $"{Show.Number(d.Sets)} × {Show.Number(d.Reps)}"
            : d.HasHoldSeconds ? $"{Show.Number(d.Sets)} × {Show.Number(d.HoldSeconds)} s"
            : $"{Show.Number(d.Sets)} sets";
        return d.PerSide ? amount + " per side" : amount;
    }

    private static string Why(Explanation? why) => why is null
        ? Show.None
        : $"[bold]{Markup.Escape(why.RuleId)}[/] {Show.Evidence(why.Evidence)}: {Markup.Escape(why.Sentence)}";

    private static string Type(string type) => type switch
    {
        var t when t.Contains("regress", StringComparison.Ordinal) || t.Contains("alert", StringComparison.Ordinal) => $"[red]{Markup.Escape(t)}[/]",
        var t when t.Contains("progress", StringComparison.Ordinal) && !t.Contains("held", StringComparison.Ordinal) => $"[green]{Markup.Escape(t)}[/]",
        _ => Show.Text(type),
    };
}
