using System.ComponentModel;
using RunRestore.Cli.App;
using RunRestore.Cli.Views;
using RunRestore.Intake.V1;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

public sealed class LoadShowCommand : ServiceCommand<LoadShowCommand.Settings>
{
    public sealed class Settings : RunnerSettings
    {
        [CommandOption("--weeks <N>")]
        [Description("Calendar weeks to show, 1-104 (default 6)")]
        public int Weeks { get; set; }
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var load = await clients.Intake.GetTrainingLoadAsync(
            new GetTrainingLoadRequest { RunnerId = settings.RunnerId, Weeks = settings.Weeks }, cancellationToken: ct);
        Out.Write(LoadView.Weeks(load));
        Out.Write(Show.Heading("Active flags"));
        Out.Write(LoadView.Flags(load.ActiveFlags));
        return 0;
    }
}
