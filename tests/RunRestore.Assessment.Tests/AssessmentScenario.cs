using System.Text.Json;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.ClinicScreens;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Screening;
using ClinicScreenSubmitted = RunRestore.Contracts.Assessment.ClinicScreenSubmitted;
using RunRestore.Contracts.Intake;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.RunnerDirectory;
using Xunit;

namespace RunRestore.Assessment.Tests;

/// <summary>Compares two completed screens (a query, not a stream write; the scenario runs it like a command).</summary>
internal sealed record Compare(Guid AssessmentAId, Guid AssessmentBId);

/// <summary>
/// Given/When/Then over the assessment streams, like programming's ProgramScenario. Given folds past events with
/// <see cref="AssessmentRecord"/>'s own Create/Apply (as Marten's inline snapshot does): an AssessmentStarted opens a
/// stream, later events go to the latest one. When runs a command's pure decider with what its handler would have read
/// (the runner, intake's pain reports, the load picture, the runner's first completion from the other streams) and
/// folds what it decided; Then compares the events, ThenRefused names the field (and, for a precondition, the rule).
/// </summary>
internal sealed class AssessmentScenario
{
    public const string Clinic = "clinic-a";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly KnownRunner Runner = new(Id(1), "Ada", 1990, "female", Now.AddYears(-1));
    public static readonly LoadPicture NoFlags = new("intake", null, []);

    private readonly Dictionary<Guid, AssessmentRecord> _streams = [];
    private RunnerIntakePicture _picture = RunnerIntakePicture.Empty(Runner.Id);
    private Guid? _current;
    private int _nextId = 100;
    private IReadOnlyList<object>? _decided;
    private Exception? _refused;

    /// <summary>The stream the last event went to.</summary>
    public AssessmentRecord State => _current is { } id ? _streams[id] : throw new InvalidOperationException("No stream yet.");

    /// <summary>Ids a decider is given, in order: Id(100), Id(101), …</summary>
    public static Guid Id(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    public static AssessmentStarted Started(int id = 10, PainReportCopy? pain = null, LoadPicture? load = null) =>
        new(Id(id), Runner.Id, "knee pain", 36, "female", pain, load ?? NoFlags, Now.AddHours(-1));

    public static TestResultRecorded Recorded(string code, BodySide? side, decimal value, int id, Rating? rating = null) =>
        new(new TestResult(Id(id), code, side, value, TestCatalogue.Find(code)!.Units[0], rating, ""), Now.AddMinutes(-30));

    /// <summary>A completion as the decider makes it on <paramref name="day"/>, for an earlier screen.</summary>
    public static AssessmentCompleted CompletedOn(DateOnly day, IReadOnlyList<Finding>? findings = null) =>
        new(Runner.Id, null, day, day, false, findings ?? [], [], new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static PainReportCopy Pain(int id, string site = BodySites.AnteriorKnee) =>
        new(Id(id), Today.AddDays(-3), site, BodySides.Left, 4, PainPhases.DuringRun, 5m, null);

    public static RecordTestResult Record(string code, BodySide? side, double value, int assessment = 10,
        Rating? rating = null, string? unit = null, string? notes = null) =>
        new(Id(assessment), code, side is { } s ? Choice.Of(s) : default, value, unit,
            rating is { } r ? Choice.Of(r) : default, notes);

    public AssessmentScenario Given(params object[] events)
    {
        foreach (var e in events)
        {
            Fold(e);
        }

        return this;
    }

    /// <summary>A pain report intake published (the local copy a start reads it from).</summary>
    public AssessmentScenario GivenPainReport(PainReportCopy pain)
    {
        _picture = _picture with { PainReports = _picture.PainReports.SetItem(pain.PainReportId, pain) };
        return this;
    }

    public AssessmentScenario When(object command)
    {
        (_decided, _refused) = (null, null);
        try
        {
            _decided = Decide(command);
        }
        catch (Exception ex) when (ex is InvalidRequestException or PreconditionFailedException or NotFoundException)
        {
            _refused = ex;
            return this;
        }

        foreach (var e in _decided.Where(e => e is not AssessmentComparison))
        {
            Fold(e);
        }

        return this;
    }

    /// <summary>Exactly these events (compared as JSON, so lists inside compare by content).</summary>
    public IReadOnlyList<object> Then(params object[] expected)
    {
        var decided = Decided();
        Assert.Equal(expected.Select(Json), decided.Select(Json));
        return decided;
    }

    /// <summary>One event of type <typeparamref name="T"/>, checked by <paramref name="check"/>.</summary>
    public T Then<T>(Action<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var e = Assert.Single(Decided().OfType<T>());
        check(e);
        return e;
    }

    /// <summary>INVALID_ARGUMENT naming <paramref name="field"/>; the first of its problems.</summary>
    public FieldProblem ThenRefused(string field)
    {
        var ex = Assert.IsType<InvalidRequestException>(_refused);
        Assert.Contains(ex.Problems, p => p.Field == field);
        return ex.Problems.First(p => p.Field == field);
    }

    /// <summary>FAILED_PRECONDITION: <paramref name="rule"/> refused <paramref name="field"/>.</summary>
    public PreconditionFailedException ThenRefused(string rule, string field)
    {
        var ex = Assert.IsType<PreconditionFailedException>(_refused);
        Assert.Contains(ex.Violations, v => v.Type == rule && v.Subject == field);
        return ex;
    }

    public NotFoundException ThenNotFound() => Assert.IsType<NotFoundException>(_refused);

    private IReadOnlyList<object> Decide(object command) => command switch
    {
        StartAssessment start => [StartingAssessment.Decide(start, Runner, _picture, NoFlags, NextId(), Now)],
        RecordTestResult record => [RecordingTestResult.Decide(record, Stream(record.AssessmentId), NextId(), Now)],
        CompleteAssessment complete => CompletingAssessment.Decide(complete, Stream(complete.AssessmentId), CompletedScreens(), Now, NextId),
        Compare compare => [ComparingAssessments.Compare(Stream(compare.AssessmentAId), Stream(compare.AssessmentBId))],
        ClinicScreenSubmitted screen => Screen(screen),
        _ => throw new ArgumentException($"No decider for {command.GetType().Name}.", nameof(command)),
    };

    private IReadOnlyList<object> Screen(ClinicScreenSubmitted screen)
    {
        ReceivingClinicScreen.Check(screen, Clinic);
        var started = ReceivingClinicScreen.Starting(screen, start => StartingAssessment.Decide(start, Runner, _picture, NoFlags, NextId(), Now));
        return ReceivingClinicScreen.Decide(started, screen.Data.Results, CompletedScreens(), Now, NextId);
    }

    private AssessmentRecord Stream(Guid id)
    {
        _current = id;
        return _streams[id];
    }

    // As CompletingAssessment.CompletedScreensAsync reads them.
    private List<AssessmentRecord> CompletedScreens() => [.. _streams.Values.Where(a => a.Completion is not null)];

    private Guid NextId() => Id(_nextId++);

    private IReadOnlyList<object> Decided()
    {
        Assert.True(_refused is null, $"Refused: {_refused?.Message}");
        return _decided ?? throw new InvalidOperationException("When was not run.");
    }

    private void Fold(object e)
    {
        if (e is AssessmentStarted started)
        {
            _streams[started.AssessmentId] = AssessmentRecord.Create(started);
            _current = started.AssessmentId;
            return;
        }

        _streams[State.Id] = State.Fold(e);
    }

    private static string Json(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e)}";
}
