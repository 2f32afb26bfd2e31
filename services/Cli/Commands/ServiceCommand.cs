using RunRestore.Cli.App;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

/// <summary>A command that calls the services: connects with the global settings and writes to standard output.</summary>
public abstract class ServiceCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : GlobalSettings
{
    protected static IAnsiConsole Out => Consoles.Out;

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        using var clients = ServiceClients.Connect(settings);
        return await RunAsync(clients, settings, cancellationToken);
    }

    internal abstract Task<int> RunAsync(ServiceClients clients, TSettings settings, CancellationToken ct);
}

/// <summary>Settings of a command about one runner: the runner id argument.</summary>
public class RunnerSettings : GlobalSettings
{
    [CommandArgument(0, "<runner>")]
    [System.ComponentModel.Description("Runner id (UUID) from `runner register`")]
    public string RunnerId { get; set; } = "";
}

/// <summary>Settings of a command about one assessment.</summary>
public class AssessmentSettings : GlobalSettings
{
    [CommandArgument(0, "<assessment>")]
    [System.ComponentModel.Description("Assessment id (UUID) from `assess start`")]
    public string AssessmentId { get; set; } = "";
}
