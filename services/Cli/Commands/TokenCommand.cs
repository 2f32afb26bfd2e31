using System.ComponentModel;
using RunRestore.Cli.App;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

/// <summary>Prints a development token, alone on the line, for grpcurl and scripts.</summary>
public sealed class TokenCommand : Command<TokenCommand.Settings>
{
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--scope <SCOPE>")]
        [Description("Scope to grant (repeat it); default every scope: intake:write intake:read assessment:write assessment:read programming:write programming:read programming:clinician")]
        public string[] Scopes { get; set; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scopes = settings.Scopes.Length == 0 ? [.. RunRestore.Auth.Scopes.All] : settings.Scopes;
        var unknown = scopes.Where(s => !RunRestore.Auth.Scopes.All.Contains(s, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"--scope: {string.Join(", ", unknown.Select(u => $"'{u}'"))} is not one of " +
                string.Join(", ", RunRestore.Auth.Scopes.All));
        }

        // Plain Console: Spectre would wrap the long token at the terminal's width.
        Console.Out.WriteLine(Credentials.Mint(Credentials.Clinic(settings), scopes));
        return 0;
    }
}
