using Grpc.Core;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;

namespace RunRestore.Chaos;

/// <summary>
/// The runners and the load: runners registered (and some screened, so they have a program) before any fault, then
/// three lanes at once — the mixed stream at a steady rate (open loop: a command goes out on its slot whatever the
/// ones before it are doing, up to 100 commands in flight), 8 clients each on a connection of its own writing
/// runs and pain to one runner, and screens spread over the load. Every lane has a count and a time limit.
/// </summary>
internal sealed class Workload(Stack stack, ChaosOptions options, Writes writes)
{
    private const int MaxInFlight = 100;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Runner>> _runners = [];
    private readonly List<Runner> _program = [];
    private readonly List<Runner> _toScreen = [];
    private Runner? _hot;
    private volatile bool _timeLimitReached;
    private volatile bool _stop;

    public Runner Hot => _hot ?? throw new InvalidOperationException("no setup");
    /// <summary>A lane was still sending when the load's time limit came (the faults outlasted it).</summary>
    public bool TimeLimitReached => _timeLimitReached;

    /// <summary>No lane sends anything more (what is in flight finishes): the short run ends its load after the last fault.</summary>
    public void StopSending() => _stop = true;

    public async Task SetupAsync(CancellationToken ct)
    {
        var roles = stack.Clinics.SelectMany(clinic =>
            Enumerable.Repeat((clinic, RunnerRole.Base), options.BaseRunners)
                .Concat(Enumerable.Repeat((clinic, RunnerRole.Program), options.ProgramRunners))
                .Concat(Enumerable.Repeat((clinic, RunnerRole.Screen), options.ScreenRunners)))
            .Append((stack.Clinics[0], RunnerRole.Hot)).ToList();
        await Parallel.ForEachAsync(roles, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (r, c) =>
        {
            var runner = await writes.RegisterAsync("setup", r.Item1, r.Item2, c)
                ?? throw new InvalidOperationException("setup: RegisterRunner was not acknowledged before any fault");
            Add(runner);
        });
        Clock.Log($"setup: {roles.Count} runners registered; screening {_program.Count} so they have a program");
        await Parallel.ForEachAsync(_program, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (runner, c) =>
        {
            _ = await writes.ScreenAsync("setup", runner, c) ?? throw new InvalidOperationException("setup: a screen was not acknowledged");
        });
        foreach (var runner in _program)
        {
            await WaitForProgramAsync(runner, ct);
        }
    }

    private async Task WaitForProgramAsync(Runner runner, CancellationToken ct)
    {
        var giveUpAt = Clock.Now + 60;
        var headers = new Metadata { runner.Clinic.Authorization };
        while (true)
        {
            try
            {
                await stack.Programming.GetCurrentProgramAsync(new GetCurrentProgramRequest { RunnerId = runner.Id }, headers,
                    DateTime.UtcNow.AddSeconds(5), ct);
                return;
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && Clock.Now < giveUpAt)
            {
                await Task.Delay(250, ct);
            }
        }
    }

    /// <summary>All three lanes; returns when every command sent has been acknowledged or given up.</summary>
    public Task RunAsync(double loadStart, CancellationToken ct) =>
        Task.WhenAll(MixedAsync(loadStart, ct), HotAsync(loadStart, ct), ScreensAsync(loadStart, ct));

    private async Task MixedAsync(double loadStart, CancellationToken ct)
    {
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var tasks = new List<Task>();
        var count = options.MixedCommands;
        for (var i = 0; i < count; i++)
        {
            await Clock.Until(loadStart + i / options.MixedRate, ct);
            if (_stop)
            {
                break;
            }

            if (Clock.Now > loadStart + options.LoadLimit)
            {
                _timeLimitReached = true;
                Clock.Log("mixed lane: the load's time limit came before the last fault had recovered");
                break;
            }

            await inFlight.WaitAsync(ct);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await OneMixedAsync(ct);
                }
                finally
                {
                    inFlight.Release();
                }
            }, ct));
        }

        await Task.WhenAll(tasks);
    }

    // Weights out of 90: runs 32, pain 16, gym 12, wellness 12, races 8, new runners 4, next-morning pain of program runners 3
    // through intake and 3 straight to programming (each falls back to a run once the runner's combinations are used).
    private async Task OneMixedAsync(CancellationToken ct)
    {
        var clinic = stack.Clinics[Random.Shared.Next(stack.Clinics.Count)];
        var roll = Random.Shared.Next(90);
        var runner = Any(clinic);
        switch (roll)
        {
            case < 32:
                await writes.LogRunAsync("mixed", runner, ct);
                break;
            case < 48:
                await writes.ReportPainAsync("mixed", runner, Writes.Pick(PainPhase.DuringRun, PainPhase.DuringRun, PainPhase.AfterRun, PainPhase.AtRest), ct);
                break;
            case < 60:
                await writes.LogGymSessionAsync("mixed", runner, ct);
                break;
            case < 72 when runner.NextWellnessDay() is { } day:
                await writes.ReportWellnessAsync("mixed", runner, day, ct);
                break;
            case < 80:
                await writes.ScheduleCompetitionAsync("mixed", runner, ct);
                break;
            case < 84:
                if (await writes.RegisterAsync("mixed", clinic, RunnerRole.New, ct) is { } registered)
                {
                    Add(registered);
                }

                break;
            case < 87 when ProgramRunner(clinic) is { } p && p.NextMorningViaIntake() is { } pain:
                await writes.ReportPainAsync("mixed", p, PainPhase.NextMorning, ct, morningPain: pain);
                break;
            case < 90 when ProgramRunner(clinic) is { } p && p.NextMorningDirect() is { } pain:
                await writes.RecordNextMorningPainAsync("mixed", p, pain, ct);
                break;
            default:
                await writes.LogRunAsync("mixed", runner, ct);
                break;
        }
    }

    /// <summary>8 clients, each on a connection of its own, each sending runs and pain to the one hot runner at its own pace.</summary>
    private Task HotAsync(double loadStart, CancellationToken ct) => Task.WhenAll(Enumerable.Range(0, options.HotClients).Select(async client =>
    {
        var intake = stack.OwnIntakeClient();
        var count = options.HotCommands / options.HotClients + (client < options.HotCommands % options.HotClients ? 1 : 0);
        var perSecond = options.HotRate / options.HotClients;
        for (var i = 0; i < count; i++)
        {
            await Clock.Until(loadStart + (i + client / (double)options.HotClients) / perSecond, ct);
            if (_stop)
            {
                break;
            }

            if (Clock.Now > loadStart + options.LoadLimit)
            {
                _timeLimitReached = true;
                break;
            }

            if (Random.Shared.Next(10) < 6)
            {
                await writes.LogRunAsync("hot", Hot, ct, intake);
            }
            else
            {
                await writes.ReportPainAsync("hot", Hot, PainPhase.DuringRun, ct, intake);
            }
        }
    }));

    /// <summary>One screen per reserved runner, spread over the load: assessment writes, then a first program downstream.</summary>
    private Task ScreensAsync(double loadStart, CancellationToken ct)
    {
        var seconds = options.LoadSeconds;
        return Task.WhenAll(_toScreen.Select(async (runner, i) =>
        {
            await Clock.Until(loadStart + (i + 0.5) / _toScreen.Count * seconds, ct);
            if (!_stop)
            {
                await writes.ScreenAsync("screen", runner, ct);
            }
        }));
    }

    private void Add(Runner runner)
    {
        lock (_gate)
        {
            switch (runner.Role)
            {
                case RunnerRole.Hot:
                    _hot = runner;
                    return;
                case RunnerRole.Program:
                    _program.Add(runner);
                    break;
                case RunnerRole.Screen:
                    _toScreen.Add(runner);
                    break;
            }

            if (!_runners.TryGetValue(runner.Clinic.Id, out var list))
            {
                _runners[runner.Clinic.Id] = list = [];
            }

            list.Add(runner);
        }
    }

    private Runner Any(Clinic clinic)
    {
        lock (_gate)
        {
            var list = _runners[clinic.Id];
            return list[Random.Shared.Next(list.Count)];
        }
    }

    private Runner? ProgramRunner(Clinic clinic)
    {
        lock (_gate)
        {
            var list = _program.Where(p => p.Clinic == clinic).ToList();
            return list.Count == 0 ? null : list[Random.Shared.Next(list.Count)];
        }
    }
}
