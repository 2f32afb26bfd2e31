using System.Diagnostics;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;
using Spectre.Console;

namespace RunRestore.Cli.Demo;

internal sealed partial class DemoJourney
{
    private async Task RedFlagAsync(CancellationToken ct)
    {
        Step("Pain that wakes her at night: a red flag (DOMAIN.md R1)",
            "IntakeService/ReportPain with the red-flag questions answered: night pain is never treated by the engine.");
        var report = await partner.Intake.ReportPainAsync(new ReportPainRequest
        {
            RunnerId = _runnerId, Date = Dates.Format(_today), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 4,
            Phase = PainPhase.AtRest, DurationDays = 4, Notes = "left knee aches in bed and wakes me up",
            RedFlags = new RedFlagAnswers { NightPain = RedFlagAnswer.Yes, RestPain = RedFlagAnswer.Unsure },
        }, cancellationToken: ct);
        var table = Show.Table("rule", "severity", "region", "signs", "what the runner is told");
        table.Columns[4].Width(50);
        foreach (var flag in report.RedFlags)
        {
            table.AddRow($"[bold]{Markup.Escape(flag.RuleId)}[/] v{flag.RuleVersion} ({Markup.Escape(flag.Evidence)})",
                $"[red]{Markup.Escape(flag.Severity)}[/]", Markup.Escape(flag.BodySite), Markup.Escape(string.Join(", ", flag.Signs)),
                Markup.Escape(flag.RunnerAdvice));
        }

        console.Write(table);
        if (report.RedFlags.Count == 0)
        {
            throw new InvalidOperationException("ReportPain raised no red flag for night pain.");
        }

        Step("Programming holds the program until a clinician looks",
            "RedFlagRaised travels over RabbitMQ to programming: a critical clinician alert, progressions held, technique blocked.");
        var (held, waited) = await UntilAsync(
            () => clinician.Programming.GetCurrentProgramAsync(new GetCurrentProgramRequest { RunnerId = _runnerId },
                cancellationToken: ct).ResponseAsync, p => p.OpenRedFlags.Count > 0, ct);
        console.MarkupLine($"[grey]programming knew of it after {Show.Number(waited.TotalSeconds, "0.0")} s.[/]");
        console.Write(ProgramView.Summary(held));

        Step("The clinician clears it, with a reason",
            "ProgrammingService/ClearRedFlag needs the programming:clinician scope; the reason is stored in the history.");
        var cleared = await clinician.Programming.ClearRedFlagAsync(new ClearRedFlagRequest
        {
            RunnerId = _runnerId, RedFlagId = held.OpenRedFlags[0].RedFlagId,
            Reason = "Examined: no bony tenderness, hop test pain-free; night ache from sleeping position",
        }, cancellationToken: ct);
        console.Write(ProgramView.Changes(cleared.Changes));
        var open = (await clinician.Programming.GetCurrentProgramAsync(new GetCurrentProgramRequest { RunnerId = _runnerId },
            cancellationToken: ct)).OpenRedFlags.Count;
        console.MarkupLine(open == 0
            ? "[green]no red flag open:[/] the program may progress again."
            : $"[yellow]{open} red flag(s) still open.[/]");
    }

    // Polls a read until what another service learned from the bus shows (intake → RabbitMQ → programming).
    private static async Task<(T Result, TimeSpan Waited)> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done,
        CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await read();
            if (done(result))
            {
                return (result, clock.Elapsed);
            }

            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"Programming did not show the red flag within {Patience.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }
}
