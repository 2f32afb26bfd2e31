using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Sessions;

namespace RunRestore.Programming.Tests;

/// <summary>
/// Given/When/Then over the program stream: every event a decider returns is folded into the state with the state's
/// own Create/Apply (as Marten's inline snapshot does), so weeks of sessions can be simulated day by day. Days count
/// from <see cref="Start"/>, a Monday; sessions are logged at 18:00 and mornings at 07:00 UTC.
/// </summary>
internal sealed class ProgramScenario
{
    public static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>Monday, Wednesday and Friday of a week.</summary>
    private static readonly int[] SessionDays = [0, 2, 4];

    private readonly List<object> _history = [];
    private int _nextSession = 1;

    public RunnerProgram? State { get; private set; }

    public RunnerProgram Program => State ?? throw new InvalidOperationException("No program prescribed yet.");

    public IReadOnlyList<object> History => _history;

    public static DateOnly Day(int day) => Start.AddDays(day);

    public static DateTimeOffset At(int day, int hour = 18, int minute = 0) =>
        new(Day(day).ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);

    public static Guid Id(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    public ProgramScenario Given(params object[] events)
    {
        foreach (var e in events)
        {
            Fold(e);
        }

        return this;
    }

    /// <summary>Runs a decider against the current state and folds what it returns.</summary>
    public IReadOnlyList<object> When(Func<RunnerProgram?, IReadOnlyList<object>> decide)
    {
        var events = decide(State);
        foreach (var e in events)
        {
            Fold(e);
        }

        return events;
    }

    public IReadOnlyList<object> Prescribe(ScreenSummary screen, int day = 0, params DateOnly[] hardRunDays) =>
        When(state => PrescribingProgram.Decide(screen, state, hardRunDays, At(day, 8)));

    /// <summary>A session doing every exercise of the program; <paramref name="tweak"/> changes single results.</summary>
    public IReadOnlyList<object> Session(int day, int pain = 1, int rpe = 5, Func<ExerciseResult, ExerciseResult>? tweak = null)
    {
        var results = Program.Exercises
            .Select(x => new ExerciseResult(x.Code, false, x.Dosage.Sets, x.Dosage.Reps, x.Dosage.HoldSeconds, null, rpe, pain))
            .Select(tweak ?? (r => r)).ToList();
        var input = new RecordSession(Id(_nextSession++), Day(day), results);
        return When(state => RecordingSession.Decide(input, state!, At(day)));
    }

    public IReadOnlyList<object> Morning(int day, int pain) =>
        When(state => RecordingNextMorningPain.Decide(new RecordNextMorningPain(Day(day), pain), state!, At(day, 7)));

    /// <summary>The week's usual rhythm: sessions Monday, Wednesday, Friday, each followed by a morning report.</summary>
    public void Week(int week, int pain = 1, int morningPain = 1)
    {
        foreach (var day in SessionDays.Select(d => (week * 7) + d))
        {
            Session(day, pain);
            Morning(day + 1, morningPain);
        }
    }

    private void Fold(object e)
    {
        _history.Add(e);
        State = State is null ? RunnerProgram.Create((ProgramPrescribed)e) : State.Then(e);
    }
}
