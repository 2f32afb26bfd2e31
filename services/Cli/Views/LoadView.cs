using RunRestore.Intake.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunRestore.Cli.Views;

/// <summary>The weekly load table (L1-L6, S1-S2) and the flags, each with its rule, evidence and explanation.</summary>
internal static class LoadView
{
    public static IRenderable Weeks(GetTrainingLoadResponse load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var table = Show.Table("week of", "km", "min", "run load", "gym load", "ACWR", "Δ%", "monotony", "hard share",
            "races", "sleep h", "stress");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var w in load.Weeks)
        {
            table.AddRow(
                Markup.Escape(w.WeekStart),
                Show.Number(w.DistanceKm, "0.0"),
                Show.Number(w.RunMinutes, "0"),
                Show.Number(w.RunLoad, "0"),
                Show.Number(w.GymLoad, "0"),
                w.HasAcwr ? Show.Flagged(Show.Number(w.Acwr, "0.00"), w.Acwr > 1.3 || w.Acwr < 0.8, w.Acwr >= 1.5 ? "red" : "yellow") : Show.None,
                w.HasDistanceChangePercent
                    ? Show.Flagged(Show.Number(w.DistanceChangePercent, "+0;-0;0") + " %", w.DistanceChangePercent > 30, "red")
                    : Show.None,
                w.HasMonotony ? Show.Flagged(Show.Number(w.Monotony, "0.00"), w.Monotony > 2.0) : Show.None,
                w.HasHardShare ? Show.Flagged(Show.Number(w.HardShare * 100, "0") + " %", w.HardShare > 0.4) : Show.None,
                Show.Flagged(Show.Number(w.Races), w.Races >= 2),
                w.HasSleepHoursAverage ? Show.Flagged(Show.Number(w.SleepHoursAverage, "0.0"), w.SleepHoursAverage < 7) : Show.None,
                w.HasStressAverage ? Show.Flagged(Show.Number(w.StressAverage, "0.0"), w.StressAverage >= 4) : Show.None);
        }

        table.Caption($"[grey]as of {Markup.Escape(load.AsOf)} · load = RPE × minutes (L1) · ACWR 7:28 days (L2) · Δ% week over week (L3)[/]");
        return table;
    }

    public static IRenderable Flags(IEnumerable<LoadFlag> flags, string empty = "No flags are active.")
    {
        var list = flags?.ToList() ?? [];
        if (list.Count == 0)
        {
            return new Markup($"[green]{Markup.Escape(empty)}[/]");
        }

        var table = Show.Table("rule", "flag", "severity", "evidence", "explanation");
        table.Columns[4].Width(70);
        foreach (var f in list)
        {
            table.AddRow($"[bold]{Markup.Escape(f.RuleId)}[/]", Show.Text(f.Kind), Show.Severity(f.Severity), Show.Evidence(f.Evidence),
                Show.Text(f.Explanation));
        }

        return table;
    }

    /// <summary>"L3 distance_jump (caution)" for lists of raised or cleared flags.</summary>
    public static string Names(IEnumerable<LoadFlag> flags)
    {
        var names = (flags ?? []).Select(f => $"{f.RuleId} {f.Kind}").ToList();
        return names.Count == 0 ? "—" : string.Join(", ", names);
    }
}
