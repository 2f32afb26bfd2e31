using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;
using Xunit;

namespace RunRestore.Intake.Tests;

/// <summary>
/// Given/When/Then over a runner's stream: past events are folded into the runner (<see cref="Runner"/>) and the
/// training log (<see cref="TrainingLog"/>) with their own Create/Apply, as Marten's inline snapshots do; When runs a
/// decider against them and folds what it decides, so scenarios can go on. Days count from <see cref="Today"/>, a
/// Sunday; decisions happen at <see cref="Now"/>.
/// </summary>
internal sealed class IntakeScenario
{
    public static readonly DateTimeOffset Now = new(2026, 3, 15, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Guid RunnerId = Id(1);

    private IReadOnlyList<object>? _decided;
    private Exception? _refusal;

    /// <summary>Ada, registered a year ago in <paramref name="timeZone"/> (an IANA id).</summary>
    public IntakeScenario(string timeZone = RunnerToday.DefaultTimeZone) =>
        Given(new RunnerRegistered(RunnerId, "Ada Runner", 1988, RunnerSex.Female, Now.AddYears(-1), timeZone));

    public Runner Runner { get; private set; } = null!;

    public TrainingLog Log { get; private set; } = null!;

    public static DateOnly Day(int offset) => Today.AddDays(offset);

    /// <summary>A day as the wire spells it.</summary>
    public static string Date(int offset) => FieldChecks.Iso(Day(offset));

    public static Guid Id(int number) => new($"00000000-0000-0000-0000-{number:D12}");

    /// <summary>A logged easy run; its id is 1000 + its day unless given.</summary>
    public static RunLogged Run(int day, decimal km = 10, int minutes = 60, int rpe = 4, int? id = null) =>
        new(Id(id ?? 1000 + day), Day(day), km, minutes * 60, SessionType.Easy, rpe, null, null, null, null, null, null, Now);

    public static PainReported PainReport(int id, int day, BodySite site = BodySite.AnteriorKnee) =>
        new(Id(id), Day(day), site, Side.Left, 4, PainPhase.DuringRun, null, null, null, 3, "", Now);

    public IntakeScenario Given(params object[] events)
    {
        foreach (var e in events)
        {
            Fold(e);
        }

        return this;
    }

    /// <summary>A decider against the training log.</summary>
    public IntakeScenario When(Func<TrainingLog, IReadOnlyList<object>> decide) => Decide(() => decide(Log));

    /// <summary>A decider against the runner's profile.</summary>
    public IntakeScenario WhenRunner(Func<Runner, IReadOnlyList<object>> decide) => Decide(() => decide(Runner));

    /// <summary>A decider that needs no state (a new stream).</summary>
    public IntakeScenario When(Func<object> decide) => Decide(() => [decide()]);

    /// <summary>What a training use case decides: the entry its decider makes, and the flag episodes it causes.</summary>
    public IntakeScenario WhenLogged(Func<object> entry) => When(log => LoadFlagEpisodes.WithFlags(log, [entry()], Now));

    /// <summary>What was decided (the use case's events, then any flag events), in order.</summary>
    public IReadOnlyList<object> Decided =>
        _decided ?? throw new InvalidOperationException($"Nothing was decided: {_refusal?.Message}", _refusal);

    public IntakeScenario Then(params object[] expected)
    {
        Assert.Equal(expected, Decided);
        return this;
    }

    /// <summary>The one event of type <typeparamref name="T"/> that was decided, for records holding lists.</summary>
    public T ThenSingle<T>() => Assert.Single(Decided.OfType<T>());

    /// <summary>The rule ids of the flags raised and cleared, each in order ("L3").</summary>
    public (IReadOnlyList<string> Raised, IReadOnlyList<string> Cleared) Flags =>
        ([.. Decided.OfType<LoadFlagRaised>().Select(f => f.Flag.RuleId)],
            [.. Decided.OfType<LoadFlagCleared>().Select(f => f.RuleId)]);

    /// <summary>Refused as INVALID_ARGUMENT naming <paramref name="field"/>; returns that problem's message.</summary>
    public string ThenRefused(string field)
    {
        var refused = Assert.IsType<InvalidRequestException>(_refusal);
        return Assert.Single(refused.Problems, p => p.Field == field).Message;
    }

    public void ThenNotFound() => Assert.IsType<NotFoundException>(_refusal);

    private IntakeScenario Decide(Func<IReadOnlyList<object>> decide)
    {
        (_decided, _refusal) = (null, null);
        try
        {
            _decided = decide();
        }
        catch (Exception ex) when (ex is InvalidRequestException or NotFoundException)
        {
            _refusal = ex;
            return this;
        }

        return Given([.. _decided]);
    }

    private void Fold(object e)
    {
        switch (e)
        {
            case RunnerRegistered registered:
                Runner = Runner.Create(registered);
                Log = TrainingLog.Create(registered);
                break;
            case RunnerProfileUpdated or RunnerTimeZoneChanged:
                Runner = Runner.Then(e);
                Log = Log.Then(e);
                break;
            default:
                Log = Log.Then(e);
                break;
        }
    }
}
