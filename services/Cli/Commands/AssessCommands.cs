using System.ComponentModel;
using RunRestore.Assessment.V1;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

public sealed class AssessStartCommand : ServiceCommand<AssessStartCommand.Settings>
{
    public sealed class Settings : RunnerSettings
    {
        [CommandOption("--reason <TEXT>", true)]
        [Description("Why the runner is screened, e.g. \"knee pain from 9 km\"")]
        public string Reason { get; set; } = "";

        [CommandOption("--pain <PAIN_REPORT_ID>")]
        [Description("The pain report (from `pain report`) the screen reasons from")]
        public string? Pain { get; set; }
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var response = await clients.Assessment.StartAssessmentAsync(new StartAssessmentRequest
        {
            RunnerId = settings.RunnerId, Reason = settings.Reason, PainReportId = settings.Pain ?? "",
        }, cancellationToken: ct);
        Out.MarkupLine($"[green]started[/] assessment [bold]{Markup.Escape(response.Assessment.AssessmentId)}[/]");
        Out.Write(AssessmentView.Header(response.Assessment));
        Out.Write(Show.Heading("Load flags at the start"));
        Out.Write(AssessmentView.LoadFlags(response.Assessment));
        return 0;
    }
}

public sealed class AssessRecordCommand : ServiceCommand<AssessRecordCommand.Settings>
{
    public sealed class Settings : AssessmentSettings
    {
        [CommandOption("--test <CODE>", true)]
        [Description("Test code from the catalogue, e.g. hip_abduction_strength, single_leg_squat, knee_to_wall")]
        public string Test { get; set; } = "";

        [CommandOption("--side <SIDE>")]
        [Description("left or right (per-side tests)")]
        public string? Side { get; set; }

        [CommandOption("--value <VALUE>")]
        [Description("The measured value (0 for rated tests)")]
        public double Value { get; set; }

        [CommandOption("--unit <UNIT>")]
        [Description("Unit, e.g. n_per_kg, cm (default: the test's first unit)")]
        public string? Unit { get; set; }

        [CommandOption("--rating <RATING>")]
        [Description("good, fair or poor (rated tests such as single_leg_squat)")]
        public string? Rating { get; set; }

        [CommandOption("--notes <TEXT>")]
        public string? Notes { get; set; }
    }

    internal override async Task<int> RunAsync(ServiceClients clients, Settings settings, CancellationToken ct)
    {
        var request = new RecordTestResultRequest
        {
            AssessmentId = settings.AssessmentId,
            TestCode = settings.Test,
            Value = settings.Value,
            Unit = settings.Unit ?? "",
            Notes = settings.Notes ?? "",
            Side = settings.Side is null ? BodySide.Unspecified : EnumWords.Parse<BodySide>(settings.Side, "--side"),
            Rating = settings.Rating is null ? Rating.Unspecified : EnumWords.Parse<Rating>(settings.Rating, "--rating"),
        };
        var response = await clients.Assessment.RecordTestResultAsync(request, cancellationToken: ct);
        Out.MarkupLine($"[green]recorded[/] {Markup.Escape(settings.Test)} result [bold]{Markup.Escape(response.ResultId)}[/]");
        return 0;
    }
}

public sealed class AssessCompleteCommand : ServiceCommand<AssessmentSettings>
{
    internal override async Task<int> RunAsync(ServiceClients clients, AssessmentSettings settings, CancellationToken ct)
    {
        var response = await clients.Assessment.CompleteAssessmentAsync(
            new CompleteAssessmentRequest { AssessmentId = settings.AssessmentId }, cancellationToken: ct);
        var a = response.Assessment;
        Out.MarkupLine($"[green]completed[/] assessment [bold]{Markup.Escape(a.AssessmentId)}[/] on {Markup.Escape(a.CompletedOn)}");
        AssessmentView.WriteOutcome(Out, a.Findings, a.Regions);
        Out.MarkupLine($"[grey]programming prescribes from it shortly: runrestore program show {Markup.Escape(a.RunnerId)}[/]");
        return 0;
    }
}

public sealed class AssessShowCommand : ServiceCommand<AssessmentSettings>
{
    internal override async Task<int> RunAsync(ServiceClients clients, AssessmentSettings settings, CancellationToken ct)
    {
        var response = await clients.Assessment.GetAssessmentAsync(
            new GetAssessmentRequest { AssessmentId = settings.AssessmentId }, cancellationToken: ct);
        AssessmentView.Write(Out, response.Assessment);
        return 0;
    }
}
