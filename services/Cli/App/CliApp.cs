using RunRestore.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.App;

/// <summary>The command tree, and the one place that turns failures into a message and an exit code.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        try
        {
            return await app.RunAsync(Hoist(args));
        }
        catch (ServiceCallException ex)
        {
            return Fail(ErrorReports.For(ex));
        }
        catch (Clinics.ClinicProvisioningException ex)
        {
            return Fail(new ErrorReport(ex.Unreachable ? ErrorReports.Unreachable : ErrorReports.Failed, [ex.Message]));
        }
        catch (CliUsageException ex)
        {
            return Fail(new ErrorReport(ErrorReports.BadInput, [ex.Message]));
        }
        catch (CommandAppException ex)
        {
            return Fail(new ErrorReport(ErrorReports.BadInput, [ex.Message, "  see: runrestore --help"]));
        }
        catch (OperationCanceledException)
        {
            return Fail(new ErrorReport(ErrorReports.Failed, ["cancelled"]));
        }
#pragma warning disable CA1031 // the last resort: a message and exit 1, never a stack trace
        catch (Exception ex)
        {
            return Fail(new ErrorReport(ErrorReports.Failed, [$"{ex.GetType().Name}: {ex.Message}"]));
        }
#pragma warning restore CA1031
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName("runrestore");
        config.PropagateExceptions();
        config.UseStrictParsing();
        config.AddExample("demo");
        config.AddExample("runner", "register", "--name", "\"Maya Jensen\"", "--birth-year", "1991", "--sex", "female");
        config.AddExample("run", "import", "<runner>", "runs.csv");
        config.AddExample("load", "show", "<runner>", "--weeks", "8");
        config.AddExample("--intake", "http://127.0.0.1:5101", "runner", "show", "<runner>");
        config.AddCommand<TokenCommand>("token")
            .WithDescription("Print a development token (for grpcurl: -H \"authorization: Bearer $(runrestore token)\")");
        config.AddBranch<GlobalSettings>("runner", runner =>
        {
            runner.SetDescription("Register and read runners (intake)");
            runner.AddCommand<RunnerRegisterCommand>("register").WithDescription("Register a runner with the clinic");
            runner.AddCommand<RunnerShowCommand>("show").WithDescription("Show a runner's profile");
        });
        config.AddBranch<GlobalSettings>("run", run =>
        {
            run.SetDescription("Log and import runs (intake)");
            run.AddCommand<RunLogCommand>("log").WithDescription("Log one run");
            run.AddCommand<RunImportCommand>("import")
                .WithDescription($"Import runs from a CSV file ({Markup.Escape(Input.RunCsv.Columns)}); exit 2 if any row was rejected");
        });
        config.AddBranch<GlobalSettings>("pain", pain =>
        {
            pain.SetDescription("Report pain (intake)");
            pain.AddCommand<PainReportCommand>("report").WithDescription("Report pain: where, how bad, when in a run it starts");
        });
        config.AddBranch<GlobalSettings>("load", load =>
        {
            load.SetDescription("Training load (intake)");
            load.AddCommand<LoadShowCommand>("show").WithDescription("Weekly load table and the active flags, each explained");
        });
        config.AddBranch<GlobalSettings>("assess", assess =>
        {
            assess.SetDescription("Movement screens (assessment)");
            assess.AddCommand<AssessStartCommand>("start").WithDescription("Start an assessment, optionally from a pain report");
            assess.AddCommand<AssessRecordCommand>("record").WithDescription("Record one test result");
            assess.AddCommand<AssessCompleteCommand>("complete").WithDescription("Complete it: findings and ranked regions");
            assess.AddCommand<AssessShowCommand>("show").WithDescription("Show an assessment");
        });
        config.AddBranch<GlobalSettings>("program", program =>
        {
            program.SetDescription("The runner's strength and mobility program (programming)");
            program.AddCommand<ProgramShowCommand>("show").WithDescription("Current program: phase, exercises, dosage, why");
            program.AddCommand<ProgramWeekCommand>("week").WithDescription("A week's plan beside the runner's hard runs");
            program.AddCommand<ProgramHistoryCommand>("history").WithDescription("Every change: what, why, rule, evidence");
        });
        config.AddBranch<GlobalSettings>("session", session =>
        {
            session.SetDescription("Strength sessions (programming)");
            session.AddCommand<SessionRecordCommand>("record").WithDescription("Record a session; prints what it changed");
        });
        config.AddBranch("clinic", clinic =>
        {
            clinic.SetDescription("Clinics' systems on the broker (RabbitMQ management API)");
            clinic.AddCommand<ClinicAddCommand>("add")
                .WithDescription("Provision a clinic's RabbitMQ user, rights and topic rights; print its connection details (again: rotates the password)")
                .WithExample("clinic", "add", "north-physio");
        });
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Play the scripted journey: partner app → intake → assessment → programming");
        config.AddCommand<StatusCommand>("status")
            .WithDescription($"Each service's health and event-pipeline lag (GET /health/ready, no token); {StatusCommand.ExitCodes}")
            .WithExample("status")
            .WithExample("status", "--intake-health", "http://10.0.0.5:5201", "--timeout", "2");
    }

    /// <summary>
    /// Spectre takes a command's options after the command: moves global options written before it
    /// ("runrestore --intake http://… runner show …") to the end, where they mean the same.
    /// </summary>
    internal static string[] Hoist(string[] args)
    {
        var leading = new List<string>();
        var i = 0;
        while (i < args.Length)
        {
            var name = args[i].Split('=', 2)[0];
            if (!GlobalSettings.OptionNames.Contains(name, StringComparer.Ordinal))
            {
                break;
            }

            var takesNext = !args[i].Contains('=', StringComparison.Ordinal) && i + 1 < args.Length;
            leading.AddRange(takesNext ? args[i..(i + 2)] : [args[i]]);
            i += takesNext ? 2 : 1;
        }

        return leading.Count == 0 || i == args.Length ? args : [.. args[i..], .. leading];
    }

    // Plain Console.Error: one message per line, never wrapped into a log at 80 columns.
    private static int Fail(ErrorReport report)
    {
        var colour = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        for (var i = 0; i < report.Lines.Count; i++)
        {
            Console.Error.WriteLine(i > 0 ? report.Lines[i] : (colour ? "\u001b[31merror:\u001b[0m " : "error: ") + report.Lines[i]);
        }

        return report.ExitCode;
    }
}
