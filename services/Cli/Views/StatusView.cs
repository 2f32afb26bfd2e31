using RunRestore.Cli.Health;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunRestore.Cli.Views;

/// <summary>`runrestore status`: per service its overall state, each check with its description, and the pipeline's lag.</summary>
internal static class StatusView
{
    public static IEnumerable<IRenderable> Services(IEnumerable<ServiceHealth> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var list = services.ToList();
        foreach (var s in list)
        {
            foreach (var part in Service(s))
            {
                yield return part;
            }
        }

        var worst = list.Select(s => s.State).DefaultIfEmpty(HealthState.Healthy).Max();
        yield return new Markup($"overall: {State(worst)} [grey](exit {StatusExitCodes.For(list)})[/]" + Environment.NewLine);
    }

    public static IEnumerable<IRenderable> Service(ServiceHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var title = $"[bold]{Markup.Escape(health.Service)}[/]: {State(health.State)}";
        if (health.State == HealthState.Unreachable || health.Reason is not null)
        {
            title += $" [grey]({Markup.Escape(health.Reason ?? "")})[/]";
        }

        yield return new Rule(title).LeftJustified().RuleStyle("grey");
        var facts = new List<(string, string)> { ("url", Markup.Escape(health.Url.ToString())) };
        if (health.HttpStatus is { } code)
        {
            facts.Add(("http", Show.Number(code)));
        }

        if (health.ReportedService is { } reported && !string.Equals(reported, health.Service, StringComparison.OrdinalIgnoreCase))
        {
            facts.Add(("answers as", $"[yellow]{Markup.Escape(reported)}[/] [grey](is the address right?)[/]"));
        }

        yield return Show.Facts([.. facts]);
        if (health.Checks.Count > 0)
        {
            var checks = Show.Table("check", "status", "description", "took");
            checks.Columns[2].Width(70);
            checks.Columns[3].RightAligned();
            foreach (var c in health.Checks)
            {
                checks.AddRow(Markup.Escape(c.Name), Status(c.Status), Show.Text(c.Description),
                    c.DurationMs is { } ms ? Show.Number(ms, "0.0") + " ms" : Show.None);
            }

            yield return checks;
        }

        if (health.Pipeline is { } pipeline)
        {
            var lag = Show.Table("progression", "position", "events behind", "seconds behind");
            foreach (var column in lag.Columns.Skip(1))
            {
                column.RightAligned();
            }

            foreach (var p in pipeline.Progressions)
            {
                lag.AddRow(Markup.Escape(p.Name),
                    p.Position is { } pos ? Show.Number(pos) : Show.None,
                    p.EventsBehind is { } events ? Show.Flagged(Show.Number(events), events > 0) : Show.None,
                    p.SecondsBehind is { } seconds ? Show.Flagged(Show.Number(seconds, "0.0"), seconds > 0) : Show.None);
            }

            lag.Caption("[grey]event pipeline" +
                (pipeline.NewestSequence is { } newest ? $" · newest event sequence {Show.Number(newest)}" : "") + "[/]");
            yield return pipeline.Progressions.Count > 0 ? lag : new Markup("[grey]event pipeline: no progressions reported[/]");
        }
    }

    public static string State(HealthState state) => state switch
    {
        HealthState.Healthy => "[green]Healthy[/]",
        HealthState.Degraded => "[yellow]Degraded[/]",
        HealthState.Unhealthy => "[red]Unhealthy[/]",
        _ => "[red]unreachable[/]",
    };

    private static string Status(string status) => ServiceHealth.ParseState(status) is { } state ? State(state) : Show.Text(status);
}
