using System.ComponentModel;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Intake.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

public sealed class RunLogCommand : ServiceCommand<RunLogCommand.Settings>
{
    public sealed class Settings : RunnerSettings
    {
        [CommandOption("--date <DATE>")]
        [Description("Runner-local date YYYY-MM-DD (default today)")]
        public string? Date { get; set; }

        [CommandOption("--km <KM>", true)]
        [Description("Distance in km")]
        public double Km { get; set; }

        [CommandOption("--minutes <MINUTES>", true)]
        [Description("Duration in minutes (decimals allowed)")]
        public double Minutes { get; set; }

        [CommandOption("--type <TYPE>", true)]
        [Description("easy, long, tempo, interval, race or recovery")]
        public string Type { get; set; } = "";

        [CommandOption("--rpe <RPE>", true)]
        [Description("Effort 0-10")]
        public int Rpe { get; set; }

        [CommandOption("--partner <PARTNER>")]
        [Description("Partner app that sent the run; with --external-id the log is idempotent")]
        public string? Partner { get; set; }

        [CommandOption("--external-id <ID>")]
        [Description("The partner's id for the activity")]
        public string? ExternalId { get; set; }
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var run = new RunInput
        {
            Date = Dates.OrToday(settings.Date, "--date"),
            DistanceKm = settings.Km,
            DurationSeconds = (int)Math.Round(settings.Minutes * 60, MidpointRounding.AwayFromZero),
            SessionType = EnumWords.Parse<SessionType>(settings.Type, "--type"),
            Rpe = settings.Rpe,
            Partner = settings.Partner ?? "",
            ExternalId = settings.ExternalId ?? "",
        };
        var response = await clients.Intake.LogRunAsync(new LogRunRequest { RunnerId = settings.RunnerId, Run = run }, cancellationToken: ct);
        Out.MarkupLine(response.Duplicate
            ? $"[yellow]duplicate[/]: already logged as run [bold]{Markup.Escape(response.RunId)}[/]; nothing stored"
            : $"[green]logged[/] run [bold]{Markup.Escape(response.RunId)}[/]");
        WriteFlagChanges(response.FlagsRaised, response.FlagsCleared);
        return 0;
    }

    internal static void WriteFlagChanges(IReadOnlyCollection<LoadFlag> raised, IReadOnlyCollection<LoadFlag> cleared)
    {
        if (raised.Count > 0)
        {
            Out.MarkupLine("[yellow]flags raised:[/]");
            Out.Write(LoadView.Flags(raised));
        }

        if (cleared.Count > 0)
        {
            Out.MarkupLine($"[green]flags cleared:[/] {Markup.Escape(LoadView.Names(cleared))}");
        }
    }
}
