using RunRestore.Cli.App;
using RunRestore.Cli.Commands;
using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Common.V1;
using RunRestore.Intake.V1;
using Spectre.Console;

namespace RunRestore.Cli.Demo;

/// <summary>
/// The scripted journey through the public gRPC APIs, printed for a person watching: a partner app registers a runner
/// and syncs seven weeks of runs; the runner reports knee pain; a clinician screens them; programming prescribes and
/// adapts; night pain raises a red flag that holds the program until the clinician clears it. Every run registers a new runner, so it can be played again.
/// </summary>
internal sealed partial class DemoJourney(ServiceClients partner, ServiceClients clinician, IAnsiConsole console, string clinic)
{
    // Programming judges "today" and "not in the future" on the UTC calendar, so the demo dates everything by it.
    private readonly DateOnly _today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private int _step;
    private string _runnerId = "";
    private string _kneeRunId = "";
    private string _painReportId = "";
    private string _assessmentId = "";
    private List<LoadFlag> _raisedOnTheWay = [];

    public async Task PlayAsync(CancellationToken ct)
    {
        console.Write(new Panel(new Markup(
                $"A runner's journey through RunRestore, played against the services at [bold]{Markup.Escape(Host(partner.Endpoints.Intake))}[/] " +
                $"(intake), [bold]{Markup.Escape(Host(partner.Endpoints.Assessment))}[/] (assessment) and " +
                $"[bold]{Markup.Escape(Host(partner.Endpoints.Programming))}[/] (programming) for clinic [bold]{Markup.Escape(clinic)}[/].\n" +
                "Everything below goes through the public gRPC APIs; every finding and change says which rule fired and why."))
            .Header("[bold] RunRestore demo [/]").Border(BoxBorder.Rounded).BorderColor(Color.Green).Expand());
        await RegisterAsync(ct);
        await SyncRunsAsync(ct);
        await ShowLoadAsync(ct);
        await ReportPainAsync(ct);
        await AssessAsync(ct);
        await AwaitProgramAsync(ct);
        await TrainAsync(ct);
        await RedFlagAsync(ct);
        await HistoryAsync(ct);
        TryNext();
    }

    private async Task RegisterAsync(CancellationToken ct)
    {
        Step("A partner app registers a runner",
            "StrideTrack, a running app, calls IntakeService/RegisterRunner with a token scoped intake:write + intake:read.");
        var response = await partner.Intake.RegisterRunnerAsync(new RegisterRunnerRequest
        {
            DisplayName = $"Maya Jensen (demo {_tag})", BirthYear = 1991, Sex = Sex.Female,
        }, cancellationToken: ct);
        _runnerId = response.Runner.RunnerId;
        console.Write(RunnerRegisterCommand.RunnerFacts(response.Runner));
    }

    private async Task SyncRunsAsync(CancellationToken ct)
    {
        Step("Seven weeks of runs arrive through ImportRuns",
            "The app back-fills one week per sync; intake evaluates the load rules (DOMAIN.md L1-L6) after each batch.");
        var table = Show.Table("sync", "days", "what", "runs", "km", "imported", "flags raised", "flags cleared");
        var raised = new List<LoadFlag>();
        var weeks = DemoTraining.Weeks(_today, _tag);
        for (var i = 0; i < weeks.Count; i++)
        {
            var week = weeks[i];
            var request = new ImportRunsRequest { RunnerId = _runnerId };
            request.Runs.AddRange(week.Runs);
            var response = await partner.Intake.ImportRunsAsync(request, cancellationToken: ct);
            if (response.Rejected > 0)
            {
                var why = response.Results.Where(r => r.Outcome == ImportOutcome.Rejected)
                    .SelectMany(r => r.Violations.Select(v => $"runs[{r.Index}].{v.Field}: {v.Description}"));
                throw new InvalidOperationException("intake rejected demo runs: " + string.Join("; ", why));
            }

            _kneeRunId = response.Results[^1].RunId;
            if (i < weeks.Count - 1)
            {
                raised.AddRange(response.FlagsRaised);
            }

            table.AddRow(Show.Number(i + 1), Markup.Escape($"{Dates.Format(week.From)} → {Dates.Format(week.To)}"), Markup.Escape(week.Label),
                Show.Number(week.Runs.Count), Show.Number(week.Km, "0.0"), Show.Number(response.Imported),
                Show.Flagged(LoadView.Names(response.FlagsRaised), response.FlagsRaised.Count > 0),
                Markup.Escape(LoadView.Names(response.FlagsCleared)));
        }

        table.Columns[1].NoWrap();
        console.Write(table);
        _raisedOnTheWay = raised;

        var nights = DemoTraining.Wellness(_today).ToList();
        foreach (var (date, sleep, stress) in nights)
        {
            await partner.Intake.ReportWellnessAsync(new ReportWellnessRequest
            {
                RunnerId = _runnerId, Date = Dates.Format(date), SleepHours = sleep, Stress = stress, Soreness = 3,
            }, cancellationToken: ct);
        }

        console.MarkupLine($"[grey]…and {nights.Count} nights of sleep and stress (ReportWellness): " +
            $"{Show.Number(nights.Average(n => n.Sleep), "0.0")} h a night on average around the half marathon.[/]");
    }

    private async Task ShowLoadAsync(CancellationToken ct)
    {
        Step("What intake makes of the whole week", "IntakeService/GetTrainingLoad: calendar weeks and the flags active now.");
        var load = await partner.Intake.GetTrainingLoadAsync(new GetTrainingLoadRequest { RunnerId = _runnerId, Weeks = 8 },
            cancellationToken: ct);
        console.Write(LoadView.Weeks(load));
        console.MarkupLine("[bold]Active flags[/]");
        console.Write(LoadView.Flags(load.ActiveFlags));
        if (_raisedOnTheWay.Count > 0)
        {
            // The syncs before today's raised these as of their own last day: the +45 % week's L3 among them.
            console.MarkupLine("[bold]Raised by the earlier syncs[/] [grey](each as of that sync's last day)[/]");
            var table = Show.Table("rule", "flag", "as of", "evidence", "explanation");
            table.Columns[4].Width(70);
            foreach (var f in _raisedOnTheWay)
            {
                table.AddRow($"[bold]{Markup.Escape(f.RuleId)}[/]", Show.Text(f.Kind), Show.Text(f.AsOf), Show.Evidence(f.Evidence),
                    Show.Text(f.Explanation));
            }

            console.Write(table);
        }
    }

    private async Task ReportPainAsync(CancellationToken ct)
    {
        Step("Knee pain from the 9 km mark", "The runner reports it in the app: IntakeService/ReportPain, linked to today's 12 km run.");
        var response = await partner.Intake.ReportPainAsync(new ReportPainRequest
        {
            RunnerId = _runnerId, Date = Dates.Format(_today), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 5,
            Phase = PainPhase.DuringRun, OnsetKm = 9, LinkedRunId = _kneeRunId, DurationDays = 3,
            Notes = "front of the left knee, starts to ache at about 9 km",
        }, cancellationToken: ct);
        _painReportId = response.PainReportId;
        console.Write(Show.Facts(
            ("pain report", $"[bold]{Markup.Escape(_painReportId)}[/]"),
            ("where", "anterior_knee, left"),
            ("how bad", "[yellow]5/10[/], during_run, from [bold]9 km[/]"),
            ("run", Markup.Escape($"{_kneeRunId} (12 km easy today)"))));
    }

    private void Step(string title, string how)
    {
        _step++;
        console.WriteLine();
        console.Write(new Rule($"[bold green]{_step}[/] [bold]{Markup.Escape(title)}[/]").LeftJustified().RuleStyle("green"));
        console.MarkupLine($"[grey]{Markup.Escape(how)}[/]");
    }

    private static string Host(Uri address) => address.Authority;
}
