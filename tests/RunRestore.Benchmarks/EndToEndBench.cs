using System.Collections.Concurrent;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RunRestore.Assessment.V1;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;

namespace RunRestore.Benchmarks;

/// <summary>
/// Rows 5-6: end to end through RabbitMQ, read with a plain RabbitMQ.Client consumer as a clinic's system would.
/// LogRun calls go out open-loop at 100 runs/s (each on schedule, whether or not the previous one returned).
/// (a) every run: LogRun's start → intake's RunLogged consumed from the MassTransit fanout exchange
///     "RunRestore.Contracts.Intake:RunLogged" (matched by runId).
/// (b) a run cannot adapt a program by itself, so a few of those runs are "big runs" of runners prepared for it:
///     registered, two steady weeks imported, assessed (hip_abduction_strength left 1.3 / right 1.8 N/kg) until
///     programming prescribed a program. The big run raises L3 (weekly distance +30 %); programming adapts the
///     program (T5) and publishes the CloudEvent runrestore.programming.program_adapted on runrestore.clinic-events,
///     routed clinic.&lt;clinic&gt;.programming.program_adapted (ClinicRouting): LogRun's start → that CloudEvent
///     consumed (matched by subject = runner id and the L3 trigger).
/// After the last LogRun returned it waits at most <see cref="DrainSeconds"/> for what is still on its way; what has not
/// arrived by then was never consumed. It also measures whether the pipeline stalled (<see cref="Stall"/>): the
/// program turns failed calls, never-consumed messages and a stall into a failed run, not a missed target.
/// </summary>
internal static class EndToEndBench
{
    public const string RunLoggedExchange = "RunRestore.Contracts.Intake:RunLogged";
    public const string ClinicExchange = RunRestore.Contracts.ClinicRouting.EventsExchange;
    public const string AdaptedType = "runrestore.programming.program_adapted";
    public const int Rate = 100;
    /// <summary>Seconds to wait after the last LogRun returned for RunLogged messages and adaptations still on their way.</summary>
    public const int DrainSeconds = 15;

    public sealed record Call(int Index, string Runner, bool Big, long Start, long End, string RunId, bool RaisedL3);

    public sealed record Result(
        Latencies RunLogged,
        Latencies CommitToRunLogged,
        Latencies LogRunCall,
        int Sent,
        int Succeeded,
        int Failed,
        int RunLoggedMissing,
        double AchievedRate,
        double Seconds,
        Latencies Adapted,
        Latencies CommitToAdapted,
        int BigRuns,
        int BigRunsRaisingL3,
        int AdaptedMissing,
        int ProgramRunners,
        int ProgramRunnersPrepared,
        double PrepareSeconds,
        Dictionary<string, double> Cpu,
        List<Dictionary<string, object?>> Trend,
        Stall Stall,
        List<string> PrepareProblems,
        List<string> Problems);

    /// <summary>
    /// How far the pipeline stalled. <see cref="QuietSeconds"/>: the longest stretch (from the first send to the end of
    /// the wait) during which at least one run had returned from LogRun but was not consumed yet, and no RunLogged
    /// message at all was consumed; it started <see cref="QuietFromSecond"/> s after the first send with
    /// <see cref="QuietWaiting"/> runs waiting (more may have joined). <see cref="SliceRiseMs"/>: how far the median
    /// LogRun → consumed of a slice of the run rose above that of an earlier slice (a backlog building shows as a
    /// rising median; a machine that is slow throughout does not).
    /// </summary>
    public sealed record Stall(double QuietSeconds, double QuietFromSecond, int QuietWaiting, double SliceRiseMs)
    {
        public Dictionary<string, object?> Details() => new()
        {
            ["longestQuietSeconds"] = Math.Round(QuietSeconds, 2),
            ["longestQuietFromSecond"] = Math.Round(QuietFromSecond, 1),
            ["runsWaitingWhenQuietBegan"] = QuietWaiting,
            ["sliceP50RiseMs"] = Math.Round(SliceRiseMs, 1),
        };
    }

    /// <summary>The largest rise of a value above an earlier one in the list (0 when it never rises).</summary>
    internal static double LargestRise(IEnumerable<double> values)
    {
        var lowest = double.PositiveInfinity;
        var rise = 0.0;
        foreach (var v in values)
        {
            rise = Math.Max(rise, v - lowest);
            lowest = Math.Min(lowest, v);
        }

        return rise;
    }

    private sealed record Adaptation(string Subject, long At, string Change, bool FromL3);

    public static async Task<Result> RunAsync(BenchContext ctx, CancellationToken ct)
    {
        var seconds = ctx.Smoke ? 4 : 60;
        var programRunners = ctx.Smoke ? 2 : 40;
        var poolRunners = ctx.Smoke ? 20 : 300;
        var problems = new List<string>();
        var prepareProblems = new List<string>();

        // Queues first: RabbitMQ drops what is published to an exchange nobody is bound to.
        var runLogged = new ConcurrentDictionary<string, long>();
        var adapted = new ConcurrentQueue<Adaptation>();
        await using var connection = await new ConnectionFactory { Uri = ctx.Options.Rabbit, ClientProvidedName = "bench-e2e" }
            .CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.ExchangeDeclareAsync(RunLoggedExchange, ExchangeType.Fanout, durable: true, cancellationToken: ct);
        var runLoggedQueue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
        await channel.QueueBindAsync(runLoggedQueue.QueueName, RunLoggedExchange, "", cancellationToken: ct);
        await channel.ExchangeDeclareAsync(ClinicExchange, ExchangeType.Topic, durable: true, cancellationToken: ct);
        var adaptedQueue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
        // Bound as a clinic's system binds: by the clinic's routing key (bb19f08 routes clinic.<clinic>.<service>.<event>).
        await channel.QueueBindAsync(adaptedQueue.QueueName, ClinicExchange,
            RunRestore.Contracts.ClinicRouting.EventKey(BenchContext.Clinic, AdaptedType), cancellationToken: ct);

        var runLoggedConsumer = new AsyncEventingBasicConsumer(channel);
        runLoggedConsumer.ReceivedAsync += (_, delivery) =>
        {
            var at = Clock.Now;
            using var json = JsonDocument.Parse(delivery.Body);
            if (json.RootElement.TryGetProperty("message", out var message) && message.TryGetProperty("runId", out var runId))
            {
                runLogged.TryAdd(runId.GetString()!, at);
            }

            return Task.CompletedTask;
        };
        var adaptedConsumer = new AsyncEventingBasicConsumer(channel);
        adaptedConsumer.ReceivedAsync += (_, delivery) =>
        {
            var at = Clock.Now;
            using var json = JsonDocument.Parse(delivery.Body);
            var root = json.RootElement;
            var data = root.GetProperty("data");
            var fromL3 = data.TryGetProperty("why", out var why) && why.TryGetProperty("triggeringIds", out var ids)
                && ids.EnumerateArray().Any(t => t.GetString()?.StartsWith("L3:", StringComparison.Ordinal) == true);
            adapted.Enqueue(new Adaptation(root.GetProperty("subject").GetString()!, at,
                data.TryGetProperty("change", out var change) ? change.GetString() ?? "" : "", fromL3));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(runLoggedQueue.QueueName, autoAck: true, runLoggedConsumer, ct);
        await channel.BasicConsumeAsync(adaptedQueue.QueueName, autoAck: true, adaptedConsumer, ct);

        var intakeChannels = Enumerable.Range(0, 4).Select(_ => BenchContext.Channel(ctx.Options.Intake)).ToArray();
        using var assessmentChannel = BenchContext.Channel(ctx.Options.Assessment);
        using var programmingChannel = BenchContext.Channel(ctx.Options.Programming);
        try
        {
            var pool = await Runs.RegisterAsync(ctx, intakeChannels[0], poolRunners, "E2E runner", ct);
            var prepareStart = Clock.Now;
            var candidates = await Runs.RegisterAsync(ctx, intakeChannels[0], programRunners, "E2E program runner", ct);
            var prepared = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(candidates, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                async (runner, c) =>
                {
                    try
                    {
                        await PrepareAsync(ctx, intakeChannels[1], assessmentChannel, programmingChannel, runner, c);
                        prepared.Add(runner);
                    }
                    catch (Exception ex) when (ex is RpcException or TimeoutException or InvalidOperationException)
                    {
                        lock (prepareProblems)
                        {
                            prepareProblems.Add($"preparing {runner}: {ex.Message}");
                        }
                    }
                });
            var prepareSeconds = Clock.Seconds(prepareStart, Clock.Now);
            BenchContext.Log($"{prepared.Count}/{programRunners} runners have a program ({prepareSeconds:0.0} s); " +
                $"LogRun at {Rate}/s for {seconds} s");
            await Task.Delay(1000, ct);

            // The schedule: Rate × seconds calls; the big runs are spread evenly over it.
            var total = Rate * seconds;
            var big = prepared.ToArray();
            var bigAt = new Dictionary<int, string>();
            for (var k = 0; k < big.Length; k++)
            {
                bigAt[(int)((k + 0.5) * total / big.Length)] = big[k];
            }

            var calls = new ConcurrentBag<Call>();
            var failed = 0;
            var today = BenchContext.Today;
            var tasks = new List<Task>(total);
            var t0 = Clock.After(Clock.Now, TimeSpan.FromMilliseconds(200));
            await ClosedLoop.DelayUntilAsync(t0, ct);
            var cpuBefore = CpuMonitor.Take();
            for (var i = 0; i < total; i++)
            {
                await ClosedLoop.DelayUntilAsync(Clock.After(t0, TimeSpan.FromSeconds(i / (double)Rate)), ct);
                var index = i;
                tasks.Add(Task.Run(async () =>
                {
                    var isBig = bigAt.TryGetValue(index, out var bigRunner);
                    var runner = isBig ? bigRunner! : pool[index % pool.Length];
                    var run = isBig ? BigRun(today) : Runs.Easy(today.AddDays(index / pool.Length - 400), new Random(index));
                    var client = new IntakeService.IntakeServiceClient(intakeChannels[index % intakeChannels.Length]);
                    var start = Clock.Now;
                    try
                    {
                        var response = await client.LogRunAsync(new LogRunRequest { RunnerId = runner, Run = run }, ctx.Call(ct, 30));
                        calls.Add(new Call(index, runner, isBig, start, Clock.Now, response.RunId,
                            response.FlagsRaised.Any(f => f.RuleId == "L3")));
                    }
                    catch (RpcException ex)
                    {
                        Interlocked.Increment(ref failed);
                        lock (problems)
                        {
                            problems.Add($"LogRun {ex.StatusCode}" + (string.IsNullOrWhiteSpace(ex.Status.Detail) ? "" : $": {ex.Status.Detail}"));
                        }
                    }
                }, ct));
            }

            var lastSent = Clock.Now;
            await Task.WhenAll(tasks);
            var cpu = ctx.Cpu.Between(cpuBefore, CpuMonitor.Take());

            // Wait for what is still on its way (at most DrainSeconds; a message not there by then was never consumed).
            var l3Calls = calls.Where(c => c.Big && c.RaisedL3).ToList();
            var deadline = Clock.After(Clock.Now, TimeSpan.FromSeconds(DrainSeconds));
            while (Clock.Now < deadline
                   && (calls.Any(c => !runLogged.ContainsKey(c.RunId)) || l3Calls.Any(c => FirstAdaptation(adapted, c) is null)))
            {
                await Task.Delay(100, ct);
            }

            var waitedUntil = Clock.Now;
            var consumedAt = new Dictionary<string, long>(runLogged); // what arrives from now on is too late

            var e2e = new Latencies();
            var commitToConsumed = new Latencies();
            var callLatency = new Latencies();
            var missing = 0;
            foreach (var call in calls)
            {
                callLatency.Add(Clock.Ms(call.Start, call.End));
                if (consumedAt.TryGetValue(call.RunId, out var at))
                {
                    e2e.Add(Clock.Ms(call.Start, at));
                    commitToConsumed.Add(Clock.Ms(call.End, at));
                }
                else
                {
                    missing++;
                }
            }

            var adaptedLatency = new Latencies();
            var commitToAdapted = new Latencies();
            var adaptedMissing = 0;
            foreach (var call in l3Calls)
            {
                if (FirstAdaptation(adapted, call) is { } at)
                {
                    adaptedLatency.Add(Clock.Ms(call.Start, at));
                    commitToAdapted.Add(Clock.Ms(call.End, at));
                }
                else
                {
                    adaptedMissing++;
                }
            }

            // Latency over the run in 10 s slices (by call start): a rising trend means a backlog is building.
            var slice = ctx.Smoke ? 1.0 : 10.0;
            var trend = calls.Where(c => consumedAt.ContainsKey(c.RunId))
                .GroupBy(c => (int)(Clock.Seconds(t0, c.Start) / slice))
                .OrderBy(g => g.Key)
                .Select(g =>
                {
                    var l = new Latencies();
                    foreach (var c in g)
                    {
                        l.Add(Clock.Ms(c.Start, consumedAt[c.RunId]));
                    }

                    return new Dictionary<string, object?>
                    {
                        ["fromSecond"] = g.Key * slice,
                        ["count"] = l.Count,
                        ["p50Ms"] = Math.Round(l.Percentile(50), 1),
                        ["p99Ms"] = Math.Round(l.Percentile(99), 1),
                    };
                }).ToList();

            var quiet = LongestQuiet(
                calls.Select(c => (c.End, consumedAt.TryGetValue(c.RunId, out var at) ? at : (long?)null)),
                consumedAt.Values, t0, waitedUntil);
            var stall = new Stall(quiet.Seconds, Clock.Seconds(t0, quiet.From), quiet.Waiting,
                LargestRise(trend.Select(t => (double)t["p50Ms"]!)));

            var bigCalls = calls.Count(c => c.Big);
            if (bigCalls > l3Calls.Count)
            {
                problems.Add($"{bigCalls - l3Calls.Count} big runs did not raise L3");
            }

            return new Result(e2e, commitToConsumed, callLatency, total, calls.Count, failed, missing,
                (total - 1) / Math.Max(0.001, Clock.Seconds(t0, lastSent)), Clock.Seconds(t0, lastSent),
                adaptedLatency, commitToAdapted, bigCalls, l3Calls.Count, adaptedMissing, programRunners, prepared.Count,
                prepareSeconds, cpu, trend, stall, [.. prepareProblems.Distinct().Take(5)], [.. problems.Distinct().Take(10)]);
        }
        finally
        {
            foreach (var c in intakeChannels)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>
    /// The longest stretch in [<paramref name="from"/>, <paramref name="until"/>] during which at least one run had
    /// returned from LogRun and was not consumed yet, and nothing was consumed (any RunLogged message counts as
    /// progress). <paramref name="runs"/>: when each LogRun returned and when its RunLogged was consumed (null: never).
    /// Returns the length in seconds, when it began, and how many runs were waiting then.
    /// </summary>
    internal static (double Seconds, long From, int Waiting) LongestQuiet(IEnumerable<(long Returned, long? Consumed)> runs,
        IEnumerable<long> consumed, long from, long until)
    {
        // (time, change in the number of runs waiting); a consumption is progress whether it ends a wait or not.
        var events = new List<(long At, int Delta, bool Progress)>();
        foreach (var (returned, at) in runs)
        {
            if (at is { } c && c <= returned)
            {
                continue; // consumed before the call returned: never waited
            }

            events.Add((returned, +1, false));
            if (at is { } done)
            {
                events.Add((done, -1, false));
            }
        }

        events.AddRange(consumed.Where(at => at >= from && at <= until).Select(at => (at, 0, true)));
        // At the same moment: runs leaving, then progress, then runs joining.
        static int Order((long At, int Delta, bool Progress) e) => e.Delta < 0 ? 0 : e.Progress ? 1 : 2;
        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : Order(a).CompareTo(Order(b)));

        var waiting = 0;
        var quietSince = from;
        var waitingThen = 0;
        (double Seconds, long From, int Waiting) longest = (0, from, 0);
        void Measure(long at)
        {
            if (waiting > 0 && Clock.Seconds(quietSince, at) > longest.Seconds)
            {
                longest = (Clock.Seconds(quietSince, at), quietSince, waitingThen);
            }
        }

        foreach (var (at, delta, progress) in events.Where(e => e.At <= until))
        {
            Measure(at);
            if (progress)
            {
                quietSince = at;
                waitingThen = waiting;
                continue;
            }

            if (delta > 0 && waiting == 0)
            {
                quietSince = Math.Max(quietSince, at);
                waitingThen = 0;
            }

            waiting += delta;
            if (delta > 0 && quietSince == at)
            {
                waitingThen = waiting;
            }
        }

        Measure(until);
        return longest;
    }

    private static long? FirstAdaptation(ConcurrentQueue<Adaptation> adapted, Call call) =>
        adapted.Where(a => a.Subject == call.Runner && a.FromL3 && a.At >= call.Start).Select(a => (long?)a.At).Min();

    /// <summary>20 km today after two steady weeks of ~5 km a day: this week's distance jumps by ~40 % (L3).</summary>
    private static RunInput BigRun(DateOnly today) => new()
    {
        Date = Runs.Iso(today),
        DistanceKm = 20,
        DurationSeconds = 20 * 330,
        SessionType = RunRestore.Intake.V1.SessionType.Long,
        Rpe = 6,
        Surface = Surface.Road,
        Partner = Runs.Partner,
        ExternalId = Guid.NewGuid().ToString("N"),
    };

    /// <summary>Two steady weeks and a bit (days -20..-1), an assessment, and a program prescribed from it.</summary>
    private static async Task PrepareAsync(BenchContext ctx, GrpcChannel intakeChannel, GrpcChannel assessmentChannel,
        GrpcChannel programmingChannel, string runner, CancellationToken ct)
    {
        var today = BenchContext.Today;
        var import = new ImportRunsRequest { RunnerId = runner };
        for (var d = 20; d >= 1; d--)
        {
            var km = 4.6 + d % 5 * 0.2;
            import.Runs.Add(new RunInput
            {
                Date = Runs.Iso(today.AddDays(-d)),
                DistanceKm = km,
                DurationSeconds = (int)(km * 330) + d % 3 * 60,
                SessionType = RunRestore.Intake.V1.SessionType.Easy,
                Rpe = 3 + d % 3,
                Surface = Surface.Road,
                Partner = Runs.Partner,
                ExternalId = Guid.NewGuid().ToString("N"),
            });
        }

        var imported = await new IntakeService.IntakeServiceClient(intakeChannel).ImportRunsAsync(import, ctx.Call(ct));
        if (imported.Imported != import.Runs.Count)
        {
            throw new InvalidOperationException($"steady weeks: {imported.Imported} of {import.Runs.Count} imported");
        }

        var assessment = new AssessmentService.AssessmentServiceClient(assessmentChannel);
        // Assessment learns of the runner from intake's RunnerRegistered event: NOT_FOUND until it arrived.
        var started = await UntilFoundAsync(() => assessment.StartAssessmentAsync(
            new StartAssessmentRequest { RunnerId = runner, Reason = "benchmark screen" }, ctx.Call(ct)).ResponseAsync, ct);
        var id = started.Assessment.AssessmentId;
        foreach (var (side, value) in new[] { (BodySide.Left, 1.3), (BodySide.Right, 1.8) })
        {
            await assessment.RecordTestResultAsync(new RecordTestResultRequest
            {
                AssessmentId = id, TestCode = "hip_abduction_strength", Side = side, Value = value, Unit = "n_per_kg",
            }, ctx.Call(ct));
        }

        await assessment.CompleteAssessmentAsync(new CompleteAssessmentRequest { AssessmentId = id }, ctx.Call(ct));
        var programming = new ProgrammingService.ProgrammingServiceClient(programmingChannel);
        await UntilFoundAsync(() => programming.GetCurrentProgramAsync(
            new GetCurrentProgramRequest { RunnerId = runner }, ctx.Call(ct)).ResponseAsync, ct);
    }

    private static async Task<T> UntilFoundAsync<T>(Func<Task<T>> call, CancellationToken ct)
    {
        var deadline = Clock.After(Clock.Now, TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound && Clock.Now < deadline)
            {
                await Task.Delay(200, ct);
            }
        }
    }
}
