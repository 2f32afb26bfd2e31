using System.ComponentModel;
using Spectre.Console.Cli;

namespace RunRestore.Cli.App;

/// <summary>
/// Where the services are and who is calling: options every command takes, each with an environment variable and a
/// local default, so a developer on the machine that ran deploy/run.sh needs none of them.
/// </summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("--intake <URL>")]
    [Description("Intake's gRPC address (env RUNRESTORE_INTAKE, default http://127.0.0.1:5101)")]
    public string? Intake { get; set; }

    [CommandOption("--assessment <URL>")]
    [Description("Assessment's gRPC address (env RUNRESTORE_ASSESSMENT, default http://127.0.0.1:5102)")]
    public string? Assessment { get; set; }

    [CommandOption("--programming <URL>")]
    [Description("Programming's gRPC address (env RUNRESTORE_PROGRAMMING, default http://127.0.0.1:5103)")]
    public string? Programming { get; set; }

    [CommandOption("--token <JWT>")]
    [Description("Bearer token (env RUNRESTORE_TOKEN); without one a development token is minted for --clinic")]
    public string? Token { get; set; }

    [CommandOption("--clinic <CLINIC>")]
    [Description("Clinic of the minted development token (env RUNRESTORE_CLINIC, default demo-clinic)")]
    public string? Clinic { get; set; }

    /// <summary>The option names above, for moving them from before the command to after it.</summary>
    internal static readonly IReadOnlyList<string> OptionNames = ["--intake", "--assessment", "--programming", "--token", "--clinic"];
}
