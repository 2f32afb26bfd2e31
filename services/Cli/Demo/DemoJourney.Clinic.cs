using RunRestore.Assessment.V1;
using RunRestore.Cli.Views;
using RunRestore.Programming.V1;
using Spectre.Console;

namespace RunRestore.Cli.Demo;

internal sealed partial class DemoJourney
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    // hip_abduction_strength left 1.3 / right 1.8 N/kg (LSI 72 %: M4), single-leg squat left poor (M1),
    // knee-to-wall 9 / 10 cm (1 cm apart: within M2's 1.5 cm, no finding).
    private static readonly (string Test, BodySide Side, double Value, string Unit, Rating Rating)[] Screen =
    [
        ("hip_abduction_strength", BodySide.Left, 1.3, "n_per_kg", Rating.Unspecified),
        ("hip_abduction_strength", BodySide.Right, 1.8, "n_per_kg", Rating.Unspecified),
        ("single_leg_squat", BodySide.Left, 0, "", Rating.Poor),
        ("single_leg_squat", BodySide.Right, 0, "", Rating.Good),
        ("knee_to_wall", BodySide.Left, 9, "cm", Rating.Unspecified),
        ("knee_to_wall", BodySide.Right, 10, "cm", Rating.Unspecified),
    ];

    private async Task AssessAsync(CancellationToken ct)
    {
        Step("A clinician screens the runner",
            "AssessmentService/StartAssessment from the pain report: assessment learns of it from intake's events, so it " +
            "may answer NOT_FOUND for a moment.");
        var (started, tries, waited) = await Eventually.FoundAsync(async () =>
            await clinician.Assessment.StartAssessmentAsync(new StartAssessmentRequest
            {
                RunnerId = _runnerId, Reason = "left knee pain from 9 km", PainReportId = _painReportId,
            }, cancellationToken: ct), Patience, ct);
        _assessmentId = started.Assessment.AssessmentId;
        console.MarkupLine(tries == 1
            ? "[grey]assessment knew the pain report at once.[/]"
            : $"[grey]assessment knew the pain report after {tries} tries ({Show.Number(waited.TotalSeconds, "0.0")} s): intake's event was on its way.[/]");
        console.Write(AssessmentView.Header(started.Assessment));

        var table = Show.Table("test", "side", "value", "rating", "result id");
        foreach (var (test, side, value, unit, rating) in Screen)
        {
            var recorded = await clinician.Assessment.RecordTestResultAsync(new RecordTestResultRequest
            {
                AssessmentId = _assessmentId, TestCode = test, Side = side, Value = value, Unit = unit, Rating = rating,
            }, cancellationToken: ct);
            table.AddRow(Markup.Escape(test), Markup.Escape(Input.EnumWords.Word(side)),
                rating == Rating.Unspecified ? Markup.Escape($"{Show.Number(value)} {unit}") : Show.None,
                Markup.Escape(Input.EnumWords.Word(rating)), $"[grey]{Markup.Escape(recorded.ResultId)}[/]");
        }

        console.Write(table);
        var completed = await clinician.Assessment.CompleteAssessmentAsync(
            new CompleteAssessmentRequest { AssessmentId = _assessmentId }, cancellationToken: ct);
        console.MarkupLine($"[green]completed[/] on {Markup.Escape(completed.Assessment.CompletedOn)}: from the sore spot to what may contribute.");
        AssessmentView.WriteOutcome(console, completed.Assessment.Findings, completed.Assessment.Regions);
    }

    private async Task AwaitProgramAsync(CancellationToken ct)
    {
        Step("Programming prescribes a program",
            "AssessmentCompleted travels over RabbitMQ to programming, which prescribes; ProgrammingService/GetCurrentProgram is polled until it is there.");
        var (program, tries, waited) = await Eventually.FoundAsync(async () =>
            await clinician.Programming.GetCurrentProgramAsync(new GetCurrentProgramRequest { RunnerId = _runnerId },
                cancellationToken: ct), Patience, ct);
        console.MarkupLine($"[grey]prescribed after {Show.Number(waited.TotalSeconds, "0.0")} s ({tries} {(tries == 1 ? "call" : "calls")}).[/]");
        console.Write(ProgramView.Summary(program));
        console.Write(ProgramView.Exercises(program.Exercises));
    }
}
