using RunRestore.Cli.Input;
using RunRestore.Cli.Views;
using RunRestore.Programming.V1;
using Spectre.Console;

namespace RunRestore.Cli.Demo;

internal sealed partial class DemoJourney
{
    /// <summary>
    /// Two good sessions (pain ≤ the ceiling of 3, RPE ≤ 7) with the next morning at baseline progress every exercise
    /// that has a next step (T3, P2); a session at pain 6 steps them back (T4) and alerts the clinician (P3).
    /// </summary>
    private async Task TrainAsync(CancellationToken ct)
    {
        Step("The runner trains: progress, then a setback",
            "ProgrammingService/RecordSession after each session and RecordNextMorningPain the morning after (P2).");
        console.MarkupLine($"[grey]Programming starts the program today by its own clock and refuses dates before that or in the future, " +
            $"so the coming days' sessions are all dated {Dates.Format(_today)} here.[/]");
        await SessionAsync("Session 1", pain: 2, rpe: 5,
            "every exercise at pain 2/10, RPE 5: within the ceiling of 3/10 (P1) — one good session of the two T3 needs", ct);
        await MorningAsync(3, "The next morning: 3/10 — the first report is the baseline (P2)", ct);
        await SessionAsync("Session 2", pain: 2, rpe: 6,
            "pain 2/10 again, RPE 6: two good sessions in a row with the morning at baseline → T3 moves exercises up their ladders", ct);
        await MorningAsync(2, "The next morning: 2/10 — below the baseline, so progressions may go on", ct);
        await SessionAsync("Session 3", pain: 6, rpe: 7,
            "the knee flares: pain 6/10 is above the ceiling (P1) → T4 steps back, and P3 tells the clinician", ct);

        var program = await clinician.Programming.GetCurrentProgramAsync(new GetCurrentProgramRequest { RunnerId = _runnerId },
            cancellationToken: ct);
        console.MarkupLine("[bold]The program now[/]");
        console.Write(ProgramView.Exercises(program.Exercises));
    }

    private async Task SessionAsync(string title, int pain, int rpe, string what, CancellationToken ct)
    {
        var program = await clinician.Programming.GetCurrentProgramAsync(new GetCurrentProgramRequest { RunnerId = _runnerId },
            cancellationToken: ct);
        var request = new RecordSessionRequest { RunnerId = _runnerId, Date = Dates.Format(_today) };
        request.Exercises.AddRange(program.Exercises.Select(x => new ExerciseDone
        {
            Code = x.Code,
            Completed = true,
            Sets = x.Dosage?.Sets ?? 0,
            Reps = x.Dosage is { HasReps: true } d ? d.Reps : 0,
            HoldSeconds = x.Dosage is { HasHoldSeconds: true } h ? h.HoldSeconds : 0,
            Rpe = rpe,
            Pain = pain,
        }));
        var response = await clinician.Programming.RecordSessionAsync(request, cancellationToken: ct);
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(title)}[/] [grey]· {Markup.Escape(what)}[/]");
        console.Write(ProgramView.Changes(response.Changes));
    }

    private async Task MorningAsync(int pain, string what, CancellationToken ct)
    {
        var response = await clinician.Programming.RecordNextMorningPainAsync(new RecordNextMorningPainRequest
        {
            RunnerId = _runnerId, Date = Dates.Format(_today), Pain = pain,
        }, cancellationToken: ct);
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(what)}[/]");
        console.Write(ProgramView.Changes(response.Changes));
    }

    private async Task HistoryAsync(CancellationToken ct)
    {
        Step("The program's history", "ProgrammingService/GetProgramHistory: every change with what, why, rule and evidence.");
        var history = await clinician.Programming.GetProgramHistoryAsync(new GetProgramHistoryRequest { RunnerId = _runnerId },
            cancellationToken: ct);
        console.Write(ProgramView.Changes(history.Changes, withTime: true));
    }
}
