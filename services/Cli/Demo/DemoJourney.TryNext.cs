using Spectre.Console;

namespace RunRestore.Cli.Demo;

internal sealed partial class DemoJourney
{
    /// <summary>Commands to go on from here with the demo runner: the CLI's and raw gRPC with grpcurl.</summary>
    private void TryNext()
    {
        Step("What to try next", $"The demo runner is {_runnerId}; its assessment {_assessmentId}.");
        var cli = Path.Combine(AppContext.BaseDirectory, "runrestore.dll");
        var intake = Host(partner.Endpoints.Intake);
        var assessment = Host(partner.Endpoints.Assessment);
        var programming = Host(partner.Endpoints.Programming);
        var runner = $"'{{\"runner_id\":\"{_runnerId}\"}}'";
        string[] lines =
        [
            $"# with the CLI (alias runrestore='dotnet {cli}')",
            $"runrestore runner show {_runnerId}",
            $"runrestore load show {_runnerId} --weeks 8",
            $"runrestore run log {_runnerId} --km 6 --minutes 38 --type easy --rpe 4",
            $"runrestore assess show {_assessmentId}",
            $"runrestore program show {_runnerId}",
            $"runrestore program week {_runnerId}",
            $"runrestore program history {_runnerId}",
            $"runrestore session record {_runnerId} --exercise <code>:3:12:5:2   # codes: runrestore program show",
            "",
            "# raw gRPC (reflection is on: grpcurl -plaintext " + intake + " list)",
            $"grpcurl -plaintext -H \"authorization: Bearer $(runrestore token)\" -d {runner} {intake} runrestore.intake.v1.IntakeService/GetTrainingLoad",
            $"grpcurl -plaintext -H \"authorization: Bearer $(runrestore token)\" -d {runner} {assessment} runrestore.assessment.v1.AssessmentService/GetLatestFindings",
            $"grpcurl -plaintext -H \"authorization: Bearer $(runrestore token)\" -d {runner} {programming} runrestore.programming.v1.ProgrammingService/GetCurrentProgram",
        ];
        // Plain lines, not Spectre text: long commands must not be wrapped into lines that no longer paste.
        console.WriteLine();
        foreach (var line in lines)
        {
            Console.Out.WriteLine(line.Length == 0 ? "" : (line.StartsWith('#') ? line : "  " + line));
        }

        Console.Out.Flush();
    }
}
