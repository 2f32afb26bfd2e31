using System.Globalization;
using Grpc.Core;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// One runner of a whole case, driven only through the three public gRPC APIs on the shared fake clock: what the
/// runner logs (runs, pain, wellness, strength sessions, next-morning pain), what the clinician does (screens, pain
/// ceiling, clearing a red flag) and what both then read (program, history, training load).
/// </summary>
public sealed class RunnerCase(CaseServices services, string clinic)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private readonly string _token = TestTokens.AllScopes(clinic);

    public string RunnerId { get; private set; } = "";
    public IntakeApi.IntakeService.IntakeServiceClient Intake => new(services.Intake.Channel(_token));
    public AssessmentApi.AssessmentService.AssessmentServiceClient Assessment => new(services.Assessment.Channel(_token));
    public ProgrammingService.ProgrammingServiceClient Programs => new(services.Programming.Channel(_token));

    public string Today => Day(services.Today);
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<RunnerCase> RegisterAsync(string name, int birthYear, Common.V1.Sex sex)
    {
        RunnerId = (await Intake.RegisterRunnerAsync(new() { DisplayName = name, BirthYear = birthYear, Sex = sex })).Runner.RunnerId;
        await Eventually.GetAsync(async () => (await Assessment.GetRunnerAsync(new() { RunnerId = RunnerId })).Runner, Delivery,
            "assessment to learn the runner");
        return this;
    }

    public Task NextDayAsync(int days = 1) => services.NextDayAsync(days);

    public async Task<string> RunAsync(double km, int rpe = 4, IntakeApi.SessionType type = IntakeApi.SessionType.Easy) =>
        (await Intake.LogRunAsync(new()
        {
            RunnerId = RunnerId,
            Run = new() { Date = Today, DistanceKm = km, DurationSeconds = (int)(km * 360), SessionType = type, Rpe = rpe },
        })).RunId;

    public async Task<IntakeApi.ReportPainResponse> PainAsync(IntakeApi.BodySite site, int severity, IntakeApi.PainPhase phase,
        IntakeApi.Side side = IntakeApi.Side.Right, IntakeApi.RedFlagAnswers? redFlags = null, string linkedRunId = "") =>
        await Intake.ReportPainAsync(new()
        {
            RunnerId = RunnerId, Date = Today, BodySite = site, Side = side, Severity = severity, Phase = phase,
            LinkedRunId = linkedRunId, RedFlags = redFlags ?? new(),
        });

    public Task WellnessAsync(double sleepHours, int stress) =>
        Intake.ReportWellnessAsync(new() { RunnerId = RunnerId, Date = Today, SleepHours = sleepHours, Stress = stress, Soreness = 2 }).ResponseAsync;

    /// <summary>A clinician's screen, completed today; returns its id once programming has acted on it.</summary>
    public async Task<string> ScreenAsync(string reason, params (string Code, AssessmentApi.BodySide Side, double Value, AssessmentApi.Rating Rating)[] tests)
    {
        var before = (await HistoryAsync()).Count(c => c.Type is "program_prescribed" or "program_revised");
        var screen = (await Assessment.StartAssessmentAsync(new() { RunnerId = RunnerId, Reason = reason })).Assessment;
        foreach (var (code, side, value, rating) in tests)
        {
            await Assessment.RecordTestResultAsync(new() { AssessmentId = screen.AssessmentId, TestCode = code, Side = side, Value = value, Rating = rating });
        }

        await Assessment.CompleteAssessmentAsync(new() { AssessmentId = screen.AssessmentId });
        await UntilAsync(async () => (await HistoryAsync()).Count(c => c.Type is "program_prescribed" or "program_revised") > before,
            "programming to prescribe or revise from the screen");
        return screen.AssessmentId;
    }

    /// <summary>A strength session of every current exercise at this pain and RPE.</summary>
    public async Task<RecordSessionResponse> SessionAsync(int pain, int rpe = 5)
    {
        var program = await ProgramAsync();
        var request = new RecordSessionRequest { RunnerId = RunnerId, Date = Today };
        request.Exercises.AddRange(program.Exercises.Select(e => new ExerciseDone
        {
            Code = e.Code, Completed = true, Sets = e.Dosage.Sets, Reps = e.Dosage.Reps, HoldSeconds = e.Dosage.HoldSeconds, Rpe = rpe, Pain = pain,
        }));
        return await Programs.RecordSessionAsync(request);
    }

    public async Task<RecordNextMorningPainResponse> NextMorningAsync(int pain) =>
        await Programs.RecordNextMorningPainAsync(new() { RunnerId = RunnerId, Date = Today, Pain = pain });

    public async Task<GetCurrentProgramResponse> ProgramAsync() => await Programs.GetCurrentProgramAsync(new() { RunnerId = RunnerId });

    public async Task<IReadOnlyList<ProgramChange>> HistoryAsync()
    {
        try
        {
            return (await Programs.GetProgramHistoryAsync(new() { RunnerId = RunnerId })).Changes;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return [];
        }
    }

    /// <summary>Waits until the program's history has an entry that matches (events cross the broker).</summary>
    public async Task<ProgramChange> UntilHistoryAsync(Func<ProgramChange, bool> match, string what)
    {
        ProgramChange? found = null;
        await UntilAsync(async () => (found = (await HistoryAsync()).FirstOrDefault(match)) is not null, what);
        return found!;
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Delivery;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Delivery.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
