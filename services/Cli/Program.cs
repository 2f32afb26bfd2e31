using RunRestore.Cli.App;

return await CliApp.RunAsync(args).ConfigureAwait(false);
