using System.ComponentModel;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Intake.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

public sealed class PainReportCommand : ServiceCommand<PainReportCommand.Settings>
{
    public sealed class Settings : RunnerSettings
    {
        [CommandOption("--site <SITE>", true)]
        [Description("anterior_knee, lateral_knee, medial_shin, achilles, calf, heel_plantar, hamstring, hip, lateral_hip, lower_back, foot or other")]
        public string Site { get; set; } = "";

        [CommandOption("--side <SIDE>", true)]
        [Description("left, right, both or na")]
        public string Side { get; set; } = "";

        [CommandOption("--severity <0-10>", true)]
        [Description("Pain 0-10 (NRS)")]
        public int Severity { get; set; }

        [CommandOption("--phase <PHASE>", true)]
        [Description("during_run, after_run, next_morning or at_rest")]
        public string Phase { get; set; } = "";

        [CommandOption("--date <DATE>")]
        [Description("Runner-local date YYYY-MM-DD (default today)")]
        public string? Date { get; set; }

        [CommandOption("--onset-km <KM>")]
        [Description("Km into the run where it starts")]
        public double? OnsetKm { get; set; }

        [CommandOption("--onset-minutes <MINUTES>")]
        [Description("Minutes into the run where it starts")]
        public double? OnsetMinutes { get; set; }

        [CommandOption("--run <RUN_ID>")]
        [Description("The run it happened in (run id from `run log`)")]
        public string? Run { get; set; }

        [CommandOption("--days <DAYS>")]
        [Description("How many days the pain has been there")]
        public int Days { get; set; }

        [CommandOption("--notes <TEXT>")]
        [Description("Anything else, in the runner's words")]
        public string? Notes { get; set; }
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        if (settings.OnsetKm is not null && settings.OnsetMinutes is not null)
        {
            throw new CliUsageException("give --onset-km or --onset-minutes, not both");
        }

        var request = new ReportPainRequest
        {
            RunnerId = settings.RunnerId,
            Date = Dates.OrToday(settings.Date, "--date"),
            BodySite = EnumWords.Parse<BodySite>(settings.Site, "--site"),
            Side = EnumWords.Parse<Side>(settings.Side, "--side"),
            Severity = settings.Severity,
            Phase = EnumWords.Parse<PainPhase>(settings.Phase, "--phase"),
            LinkedRunId = settings.Run ?? "",
            DurationDays = settings.Days,
            Notes = settings.Notes ?? "",
        };
        if (settings.OnsetKm is { } km)
        {
            request.OnsetKm = km;
        }
        else if (settings.OnsetMinutes is { } minutes)
        {
            request.OnsetMinutes = minutes;
        }

        var response = await clients.Intake.ReportPainAsync(request, cancellationToken: ct);
        Out.MarkupLine($"[green]reported[/] pain [bold]{Markup.Escape(response.PainReportId)}[/]");
        Out.MarkupLine($"[grey]next: runrestore assess start {Markup.Escape(settings.RunnerId)} --reason \"...\" --pain {Markup.Escape(response.PainReportId)}[/]");
        return 0;
    }
}
