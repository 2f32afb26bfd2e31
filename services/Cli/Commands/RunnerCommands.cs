using System.ComponentModel;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Common.V1;
using RunRestore.Intake.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

public sealed class RunnerRegisterCommand : ServiceCommand<RunnerRegisterCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--name <NAME>", true)]
        [Description("Name shown to the clinic (1-200 characters)")]
        public string Name { get; set; } = "";

        [CommandOption("--birth-year <YEAR>", true)]
        [Description("Year of birth")]
        public int BirthYear { get; set; }

        [CommandOption("--sex <SEX>", true)]
        [Description("female, male or other")]
        public string Sex { get; set; } = "";

        [CommandOption("--time-zone <ZONE>")]
        [Description("IANA time zone, e.g. Europe/Berlin (default UTC): the runner's today is taken there")]
        public string TimeZone { get; set; } = "";
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var sex = EnumWords.Parse<Sex>(settings.Sex, "--sex");
        var response = await clients.Intake.RegisterRunnerAsync(
            new RegisterRunnerRequest
            {
                DisplayName = settings.Name, BirthYear = settings.BirthYear, Sex = sex, TimeZone = settings.TimeZone,
            }, cancellationToken: ct);
        Out.MarkupLine($"[green]registered[/] runner [bold]{Markup.Escape(response.Runner.RunnerId)}[/]");
        Out.Write(RunnerFacts(response.Runner));
        return 0;
    }

    internal static Grid RunnerFacts(RunnerSummary r) => Show.Facts(
        ("runner", $"[bold]{Markup.Escape(r.RunnerId)}[/]"),
        ("name", Show.Text(r.DisplayName)),
        ("born", Show.Number(r.BirthYear)),
        ("sex", Show.Text(EnumWords.Word(r.Sex))),
        ("registered", Show.When(r.RegisteredAt)));
}

public sealed class RunnerShowCommand : ServiceCommand<RunnerSettings>
{
    internal override async Task<int> RunAsync(ServiceClients clients, RunnerSettings settings, CancellationToken ct)
    {
        var response = await clients.Intake.GetRunnerAsync(new GetRunnerRequest { RunnerId = settings.RunnerId }, cancellationToken: ct);
        Out.Write(RunnerRegisterCommand.RunnerFacts(response.Runner));
        var profile = response.Profile ?? new RunnerProfile();
        var goal = profile.Goal is { } g && g.TargetRaceDate.Length > 0
            ? Markup.Escape($"{Show.Number(g.TargetDistanceKm)} km on {g.TargetRaceDate} {g.Description}")
            : Show.None;
        var availability = profile.Availability is { } a && (a.TrainingDays.Count > 0 || a.MinutesPerWeek > 0)
            ? Markup.Escape($"{string.Join(", ", a.TrainingDays.Select(EnumWords.Word))}; {Show.Number(a.MinutesPerWeek)} min a week")
            : Show.None;
        var injuries = profile.InjuryHistory.Count == 0
            ? Show.None
            : string.Join("\n", profile.InjuryHistory.Select(i =>
                Markup.Escape($"{Show.Number(i.Year)} {EnumWords.Word(i.BodySite)} {EnumWords.Word(i.Side)} {i.Description}")));
        Out.Write(Show.Facts(("goal", goal), ("availability", availability), ("injury history", injuries),
            ("stream version", Show.Number(response.Version))));
        return 0;
    }
}
