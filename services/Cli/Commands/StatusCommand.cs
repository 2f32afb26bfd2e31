using System.ComponentModel;
using System.Globalization;
using RunRestore.Cli.App;
using RunRestore.Cli.Health;
using RunRestore.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

/// <summary>
/// Each service's readiness (GET /health/ready): overall state, each check with its description, and how far each
/// event-pipeline progression is behind. Needs no token. Exit 0 all Healthy, 1 any Degraded, 2 any Unhealthy or
/// unreachable.
/// </summary>
public sealed class StatusCommand : AsyncCommand<StatusCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--intake-health <URL>")]
        [Description("Intake's health address (env RUNRESTORE_INTAKE_HEALTH, default http://127.0.0.1:5201; /health/ready is appended to a bare address)")]
        public string? IntakeHealth { get; set; }

        [CommandOption("--assessment-health <URL>")]
        [Description("Assessment's health address (env RUNRESTORE_ASSESSMENT_HEALTH, default http://127.0.0.1:5202)")]
        public string? AssessmentHealth { get; set; }

        [CommandOption("--programming-health <URL>")]
        [Description("Programming's health address (env RUNRESTORE_PROGRAMMING_HEALTH, default http://127.0.0.1:5203)")]
        public string? ProgrammingHealth { get; set; }

        [CommandOption("--timeout <SECONDS>")]
        [Description("Seconds to wait for each service (default 5)")]
        public double? TimeoutSeconds { get; set; }

        public override ValidationResult Validate() => TimeoutSeconds is null or (> 0 and <= 300)
            ? ValidationResult.Success()
            : ValidationResult.Error("--timeout must be above 0 and at most 300 seconds");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoints = HealthEndpoints.From(settings.IntakeHealth, settings.AssessmentHealth, settings.ProgrammingHealth);
        return await RunAsync(endpoints, TimeSpan.FromSeconds(settings.TimeoutSeconds ?? 5), Consoles.Out, cancellationToken);
    }

    /// <summary>Checks every service, writes the tables to <paramref name="console"/> and returns the exit code.</summary>
    internal static async Task<int> RunAsync(HealthEndpoints endpoints, TimeSpan timeout, IAnsiConsole console, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(console);
        var services = await HealthProbe.CheckAllAsync(endpoints, timeout, ct);
        foreach (var part in StatusView.Services(services))
        {
            console.Write(part);
        }

        return StatusExitCodes.For(services);
    }

    /// <summary>The exit codes, for --help.</summary>
    internal static string ExitCodes => string.Format(CultureInfo.InvariantCulture,
        "exit {0} all Healthy, {1} any Degraded, {2} any Unhealthy or unreachable",
        StatusExitCodes.AllHealthy, StatusExitCodes.Degraded, StatusExitCodes.Unhealthy);
}
