using Spectre.Console;

namespace RunRestore.Cli.App;

/// <summary>Standard output for results (errors go to standard error, see CliApp), so `$(runrestore token)` stays clean.</summary>
internal static class Consoles
{
    /// <summary>Spectre's console; written to a file or a pipe it is 120 columns wide rather than 80, so tables stay readable.</summary>
    public static IAnsiConsole Out
    {
        get
        {
            var console = AnsiConsole.Console;
            if (Console.IsOutputRedirected && Environment.GetEnvironmentVariable("COLUMNS") is null && console.Profile.Width < 120)
            {
                console.Profile.Width = 120;
            }

            return console;
        }
    }
}
