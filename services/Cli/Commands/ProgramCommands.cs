using System.ComponentModel;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Programming.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

public sealed class ProgramShowCommand : ServiceCommand<RunnerSettings>
{
    internal override async Task<int> RunAsync(ServiceClients clients, RunnerSettings settings, CancellationToken ct)
    {
        var program = await clients.Programming.GetCurrentProgramAsync(
            new GetCurrentProgramRequest { RunnerId = settings.RunnerId }, cancellationToken: ct);
        Out.Write(ProgramView.Summary(program));
        Out.Write(ProgramView.Exercises(program.Exercises));
        return 0;
    }
}

public sealed class ProgramWeekCommand : ServiceCommand<ProgramWeekCommand.Settings>
{
    public sealed class Settings : RunnerSettings
    {
        [CommandOption("--week-of <DATE>")]
        [Description("Any date in the week, YYYY-MM-DD (default this week)")]
        public string? WeekOf { get; set; }
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var weekOf = settings.WeekOf is null ? "" : Dates.OrToday(settings.WeekOf, "--week-of");
        var week = await clients.Programming.GetWeekPlanAsync(
            new GetWeekPlanRequest { RunnerId = settings.RunnerId, WeekOf = weekOf }, cancellationToken: ct);
        Out.MarkupLine($"week of [bold]{Markup.Escape(week.WeekStart)}[/]");
        Out.Write(ProgramView.Week(week));
        return 0;
    }
}

public sealed class ProgramHistoryCommand : ServiceCommand<RunnerSettings>
{
    internal override async Task<int> RunAsync(ServiceClients clients, RunnerSettings settings, CancellationToken ct)
    {
        var history = await clients.Programming.GetProgramHistoryAsync(
            new GetProgramHistoryRequest { RunnerId = settings.RunnerId }, cancellationToken: ct);
        Out.Write(ProgramView.Changes(history.Changes, withTime: true));
        return 0;
    }
}

public sealed class SessionRecordCommand : ServiceCommand<SessionRecordCommand.Settings>
{
    public sealed class Settings : RunnerSettings
    {
        [CommandOption("--date <DATE>")]
        [Description("Date of the session, YYYY-MM-DD, not in the future (default today)")]
        public string? Date { get; set; }

        [CommandOption("--exercise <SPEC>", true)]
        [Description("code:sets:reps:rpe:pain[[:abandoned]] (repeat it; reps may be a hold like 30s), e.g. glute_bridge:3:12:5:2")]
        public string[] Exercises { get; set; } = [];
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var request = new RecordSessionRequest { RunnerId = settings.RunnerId, Date = Dates.OrToday(settings.Date, "--date") };
        request.Exercises.AddRange(settings.Exercises.Select(ExerciseSpecs.Parse));
        var response = await clients.Programming.RecordSessionAsync(request, cancellationToken: ct);
        Out.MarkupLine($"[green]recorded[/] session [bold]{Markup.Escape(response.SessionId)}[/]");
        Out.Write(ProgramView.Changes(response.Changes));
        return 0;
    }
}
