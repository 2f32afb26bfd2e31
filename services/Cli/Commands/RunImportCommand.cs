using System.ComponentModel;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Intake.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

/// <summary>Imports a CSV of runs in batches of at most 1,000 per ImportRuns call, then lists every rejected row.</summary>
public sealed class RunImportCommand : ServiceCommand<RunImportCommand.Settings>
{
    public const int BatchSize = 1000;

    public sealed class Settings : RunnerSettings
    {
        [CommandArgument(1, "<csv>")]
        [Description("CSV file: date,km,minutes,type,rpe[[,partner,external_id]], with or without a header line")]
        public string File { get; set; } = "";
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        if (!File.Exists(settings.File))
        {
            throw new CliUsageException($"{settings.File}: no such file");
        }

        RunCsvResult csv;
        using (var reader = new StreamReader(settings.File))
        {
            csv = RunCsv.Parse(reader);
        }

        var rejected = csv.Problems.Select(p => (p.Line, Source: "csv", p.Reasons)).ToList();
        var totals = (Imported: 0, Duplicates: 0);
        var raised = new List<LoadFlag>();
        var cleared = new List<LoadFlag>();
        var batches = csv.Runs.Chunk(BatchSize).ToList();
        await Out.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"importing {csv.Runs.Count} runs", maxValue: Math.Max(1, csv.Runs.Count));
                foreach (var batch in batches)
                {
                    var request = new ImportRunsRequest { RunnerId = settings.RunnerId };
                    request.Runs.AddRange(batch.Select(r => r.Run));
                    var response = await clients.Intake.ImportRunsAsync(request, cancellationToken: ct);
                    totals = (totals.Imported + response.Imported, totals.Duplicates + response.Duplicates);
                    rejected.AddRange(response.Results.Where(r => r.Outcome == ImportOutcome.Rejected).Select(r =>
                        (batch[r.Index].Line, Source: "intake", (IReadOnlyList<string>)[.. r.Violations.Select(v => $"{v.Field}: {v.Description}")])));
                    raised.AddRange(response.FlagsRaised);
                    cleared.AddRange(response.FlagsCleared);
                    task.Increment(batch.Length);
                    if (!Out.Profile.Capabilities.Interactive)
                    {
                        // Written to a file or a pipe the bar does not animate: one line per batch instead.
                        Out.MarkupLine($"[grey]batch of {batch.Length}: imported {response.Imported}, duplicates " +
                            $"{response.Duplicates}, rejected {response.Rejected}[/]");
                    }
                }

                task.Value = task.MaxValue;
            });

        Out.MarkupLine($"[green]imported {totals.Imported}[/] · [yellow]duplicates {totals.Duplicates}[/] · " +
            $"[{(rejected.Count > 0 ? "red" : "green")}]rejected {rejected.Count}[/] (rows read: {csv.Runs.Count + csv.Problems.Count})");
        if (rejected.Count > 0)
        {
            var table = Show.Table("line", "refused by", "why");
            foreach (var (line, source, reasons) in rejected.OrderBy(r => r.Line))
            {
                table.AddRow(Show.Number(line), source, Markup.Escape(string.Join("\n", reasons)));
            }

            Out.Write(table);
        }

        RunLogCommand.WriteFlagChanges(raised, cleared);
        return rejected.Count > 0 ? ErrorReports.BadInput : 0;
    }
}
