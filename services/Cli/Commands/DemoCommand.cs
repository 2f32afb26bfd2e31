using RunRestore.Auth;
using RunRestore.Cli.App;
using RunRestore.Cli.Demo;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

/// <summary>Plays the scripted journey against the running services (each run registers a new runner).</summary>
public sealed class DemoCommand : AsyncCommand<GlobalSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GlobalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // The partner app may only write and read intake; the clinician has every scope. A token given by hand is used
        // for both.
        var given = Endpoints.Pick(settings.Token, Environment.GetEnvironmentVariable("RUNRESTORE_TOKEN"), "");
        var clinic = Credentials.Clinic(settings);
        using var partner = ServiceClients.Connect(settings,
            given.Length > 0 ? given : Credentials.Mint(clinic, [Scopes.IntakeWrite, Scopes.IntakeRead]));
        using var clinician = ServiceClients.Connect(settings, given.Length > 0 ? given : Credentials.Mint(clinic, Scopes.All));
        await new DemoJourney(partner, clinician, Consoles.Out, clinic).PlayAsync(cancellationToken);
        return 0;
    }
}
