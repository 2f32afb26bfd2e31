using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using RunRestore.Assessment.V1;
using RunRestore.Common.V1;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;
using IntakeClient = RunRestore.Intake.V1.IntakeService.IntakeServiceClient;

namespace RunRestore.Chaos;

/// <summary>
/// Each write the run sends, as a partner app or a clinician would, with the command's tag in a free-text field where
/// the request has one (notes, focus, name, reason, external id), so the checks can tell a write stored twice.
/// </summary>
internal sealed class Writes(Stack stack, Calls calls)
{
    public const string Partner = "runrestore-chaos";

    // A screen with two findings: hip abduction left 1.2 / right 1.7 N/kg (M4), single-leg squat poor on the left (M1);
    // knee-to-wall 8 / 9 cm is within M2's 1.5 cm. Each test: (code, unit, left, right) with ratings for rated tests.
    private static readonly (string Test, string Unit, (double Value, Rating Rating) Left, (double Value, Rating Rating) Right)[] Screen =
    [
        ("hip_abduction_strength", "n_per_kg", (1.2, Rating.Unspecified), (1.7, Rating.Unspecified)),
        ("single_leg_squat", "", (0, Rating.Poor), (0, Rating.Good)),
        ("knee_to_wall", "cm", (8, Rating.Unspecified), (9, Rating.Unspecified)),
    ];

    private readonly ConcurrentQueue<Command> _all = new();

    public static DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);
    public IReadOnlyCollection<Command> All => _all;

    public Command New(CommandKind kind, string lane, Clinic clinic, Runner? runner)
    {
        var command = new Command(kind, lane, clinic, runner);
        _all.Enqueue(command);
        return command;
    }

    public async Task<Runner?> RegisterAsync(string lane, Clinic clinic, RunnerRole role, CancellationToken ct)
    {
        var c = New(CommandKind.RegisterRunner, lane, clinic, null);
        var request = new RegisterRunnerRequest { DisplayName = c.Tag, BirthYear = 1960 + Random.Shared.Next(45), Sex = Pick(Sex.Female, Sex.Male) };
        var response = await calls.WriteAsync(c, o => stack.Intake.RegisterRunnerAsync(request, o), ct);
        if (response is null)
        {
            return null;
        }

        c.EntityId = response.Runner.RunnerId;
        return c.Runner = new Runner(c.EntityId, clinic, role);
    }

    public async Task LogRunAsync(string lane, Runner runner, CancellationToken ct, IntakeClient? client = null)
    {
        var c = New(CommandKind.LogRun, lane, runner.Clinic, runner);
        var km = Math.Round(3 + Random.Shared.NextDouble() * 12, 2);
        var run = new RunInput
        {
            Date = Iso(Today.AddDays(-Random.Shared.Next(28))), DistanceKm = km, DurationSeconds = (int)(km * (300 + Random.Shared.Next(60))),
            SessionType = Pick(SessionType.Easy, SessionType.Easy, SessionType.Long, SessionType.Tempo, SessionType.Interval, SessionType.Recovery),
            Rpe = Random.Shared.Next(2, 10), Surface = Surface.Road, Partner = Partner, ExternalId = c.Tag,
        };
        var request = new LogRunRequest { RunnerId = runner.Id, Run = run };
        c.EntityId = (await calls.WriteAsync(c, o => (client ?? stack.Intake).LogRunAsync(request, o), ct))?.RunId;
    }

    /// <summary>Pain as a runner reports it: during a run (each with a date and severity of its own), after, at rest, or
    /// the next morning (program runners, dated today, so it reaches their program).</summary>
    public async Task ReportPainAsync(string lane, Runner runner, PainPhase phase, CancellationToken ct, IntakeClient? client = null,
        int? morningPain = null)
    {
        var c = New(CommandKind.ReportPain, lane, runner.Clinic, runner);
        var (date, severity) = (Today.AddDays(-Random.Shared.Next(28)), Random.Shared.Next(11));
        // Pain during or after a run is running pain (DOMAIN.md P1 v2): programming logs each once, so each gets a
        // (date, severity) combination of its own and a duplicate shows as a combination seen twice.
        if (phase is PainPhase.DuringRun or PainPhase.AfterRun)
        {
            if (runner.NextDuringRun() is { } combination)
            {
                (date, severity) = (Today.AddDays(-combination.DaysBack), combination.Severity);
            }
            else
            {
                phase = PainPhase.AtRest;
            }
        }
        else if (phase == PainPhase.NextMorning)
        {
            (date, severity) = (Today, morningPain ?? throw new ArgumentNullException(nameof(morningPain)));
        }

        var request = new ReportPainRequest
        {
            RunnerId = runner.Id, Date = Iso(date), BodySite = Pick(BodySite.AnteriorKnee, BodySite.Achilles, BodySite.MedialShin, BodySite.LateralHip),
            Side = Pick(Side.Left, Side.Right), Severity = severity, Phase = phase, DurationDays = Random.Shared.Next(30), Notes = c.Tag,
        };
        if (phase == PainPhase.DuringRun)
        {
            request.OnsetKm = Math.Round(1 + Random.Shared.NextDouble() * 4, 1);
        }

        (c.Phase, c.Date, c.Severity) = (Word(phase), request.Date, severity);
        c.EntityId = (await calls.WriteAsync(c, o => (client ?? stack.Intake).ReportPainAsync(request, o), ct))?.PainReportId;
    }

    public async Task LogGymSessionAsync(string lane, Runner runner, CancellationToken ct)
    {
        var c = New(CommandKind.LogGymSession, lane, runner.Clinic, runner);
        var request = new LogGymSessionRequest
        {
            RunnerId = runner.Id, Date = Iso(Today.AddDays(-Random.Shared.Next(28))), DurationMinutes = Random.Shared.Next(20, 91),
            Rpe = Random.Shared.Next(3, 9), Focus = c.Tag,
        };
        c.EntityId = (await calls.WriteAsync(c, o => stack.Intake.LogGymSessionAsync(request, o), ct))?.SessionId;
    }

    /// <summary>Wellness, one day each (no free text to tag: a day reported twice is the duplicate).</summary>
    public async Task ReportWellnessAsync(string lane, Runner runner, int daysBack, CancellationToken ct)
    {
        var c = New(CommandKind.ReportWellness, lane, runner.Clinic, runner);
        var request = new ReportWellnessRequest
        {
            RunnerId = runner.Id, Date = Iso(Today.AddDays(-daysBack)), SleepHours = Math.Round(5 + Random.Shared.NextDouble() * 4, 1),
            Stress = Random.Shared.Next(1, 6), Soreness = Random.Shared.Next(1, 6), Illness = Random.Shared.Next(20) == 0,
        };
        c.Date = request.Date;
        c.EntityId = (await calls.WriteAsync(c, o => stack.Intake.ReportWellnessAsync(request, o), ct))?.WellnessReportId;
    }

    public async Task ScheduleCompetitionAsync(string lane, Runner runner, CancellationToken ct)
    {
        var c = New(CommandKind.ScheduleCompetition, lane, runner.Clinic, runner);
        var request = new ScheduleCompetitionRequest
        {
            RunnerId = runner.Id, Date = Iso(Today.AddDays(Random.Shared.Next(10, 300))), DistanceKm = Pick(5, 10, 21.1, 42.2),
            Priority = Pick(CompetitionPriority.A, CompetitionPriority.B, CompetitionPriority.C), Name = c.Tag,
        };
        c.EntityId = (await calls.WriteAsync(c, o => stack.Intake.ScheduleCompetitionAsync(request, o), ct))?.CompetitionId;
    }

    /// <summary>A programming write: next-morning pain sent to programming directly, dated tomorrow (intake's are today's).</summary>
    public async Task RecordNextMorningPainAsync(string lane, Runner runner, int pain, CancellationToken ct)
    {
        var c = New(CommandKind.RecordNextMorningPain, lane, runner.Clinic, runner);
        var request = new RecordNextMorningPainRequest { RunnerId = runner.Id, Date = Iso(Today.AddDays(1)), Pain = pain };
        (c.Date, c.Severity) = (request.Date, pain);
        await calls.WriteAsync(c, o => stack.Programming.RecordNextMorningPainAsync(request, o), ct);
    }

    /// <summary>Assessment writes: a whole screen (start, six results, complete). Assessment learns of a new runner from
    /// intake's event, so starting may be NOT_FOUND for a moment and is retried.</summary>
    public async Task<string?> ScreenAsync(string lane, Runner runner, CancellationToken ct)
    {
        var start = New(CommandKind.StartAssessment, lane, runner.Clinic, runner);
        var started = await calls.WriteAsync(start, o => stack.Assessment.StartAssessmentAsync(
            new StartAssessmentRequest { RunnerId = runner.Id, Reason = start.Tag }, o), ct, ex => ex.StatusCode == StatusCode.NotFound);
        if (started is null)
        {
            return null;
        }

        var id = start.EntityId = start.AssessmentId = started.Assessment.AssessmentId;
        foreach (var (test, side, (value, rating), unit) in Screen.SelectMany(t =>
            new[] { (t.Test, BodySide.Left, t.Left, t.Unit), (t.Test, BodySide.Right, t.Right, t.Unit) }))
        {
            var c = New(CommandKind.RecordTestResult, lane, runner.Clinic, runner);
            c.AssessmentId = id;
            var request = new RecordTestResultRequest { AssessmentId = id, TestCode = test, Side = side, Value = value, Unit = unit, Rating = rating, Notes = c.Tag };
            if ((c.EntityId = (await calls.WriteAsync(c, o => stack.Assessment.RecordTestResultAsync(request, o), ct))?.ResultId) is null)
            {
                return null;
            }
        }

        var complete = New(CommandKind.CompleteAssessment, lane, runner.Clinic, runner);
        complete.AssessmentId = id;
        var completed = await calls.WriteAsync(complete, o => stack.Assessment.CompleteAssessmentAsync(
            new CompleteAssessmentRequest { AssessmentId = id }, o), ct);
        return complete.EntityId = completed?.Assessment.AssessmentId;
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The contracts' word for a pain phase: "during_run", "next_morning", ...</summary>
    public static string Word(PainPhase phase) => phase switch
    {
        PainPhase.DuringRun => "during_run",
        PainPhase.AfterRun => "after_run",
        PainPhase.NextMorning => "next_morning",
        PainPhase.AtRest => "at_rest",
        _ => "unspecified",
    };

    public static T Pick<T>(params T[] values) => values[Random.Shared.Next(values.Length)];
}
