using System.Globalization;
using System.Runtime.InteropServices;
using RunRestore.Benchmarks;
using static RunRestore.Benchmarks.Report;

// RunRestore benchmarks (docs/benchmarks.md). Normally run by deploy/bench.sh, which starts PostgreSQL, RabbitMQ and
// the three services (Release) on ports of their own and passes their addresses and pids. Prints a markdown table
// to stdout and writes the same rows as JSON (--out). Exit code 1 when the run failed — a phase stopped with an error,
// a send failed, a message was never consumed, end to end stalled, or work was lost (see --help for the criteria);
// each failure is a line "FAILED <phase>: ..." after the table, in the .md and under run.failures in the JSON.
// Never for a missed target: that is "no" in the table.

var options = BenchOptions.Parse(args);
await using var ctx = new BenchContext(options);
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(options.Smoke ? 5 : 14));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
var ct = cts.Token;
var report = ctx.Report;
var started = DateTimeOffset.UtcNow;
var runStart = Clock.Now;

// Every row exists from the start, so a failed phase still prints its rows (with the error).
var eRate = options.Smoke ? "smoke: a few seconds" : "60 s";
var logRunRate = report.Add("logrun.rate", "LogRun over gRPC, 8 concurrent clients, distinct runners: runs/s", "≥ 25 % of baseline");
var logRunLatency = report.Add("logrun.latency", "LogRun over gRPC (same phase): latency p50 / p99", "p99 < 25 ms");
var typical = report.Add("typical.rate",
    "Typical Marten path, direct (FetchForWriting + append + inline snapshot, 1 event per SaveChanges, 8 writers): saves/s",
    "— (reference)");
var importRate = report.Add("import.rate", "ImportRuns, batches of 1,000, 4 concurrent importers: runs/s", "≥ 50 % of baseline");
var e2eRunLogged = report.Add("e2e.run_logged",
    $"End to end (a): LogRun → intake's RunLogged consumed from RabbitMQ, at 100 runs/s for {eRate}: p50 / p99", "p99 < 250 ms");
var e2eAdapted = report.Add("e2e.program_adapted",
    "End to end (b): LogRun raising L3 → programming's program_adapted CloudEvent consumed: p50 / p99", "p99 < 250 ms");
var rebuild = report.Add("rebuild.rate",
    $"Rebuild of intake's TrainingLog projection over {(options.Smoke ? "10,000" : "1,000,000")} events: events/s", "≥ 50,000 events/s");
string[] services = ["intake", "assessment", "programming"];
var rss = services.ToDictionary(s => s, s => report.Add($"rss.{s}", $"Peak RSS during the LogRun phase: {s}", "< 200 MB"));
var cold = services.ToDictionary(s => s, s => report.Add($"cold_start.{s}",
    $"Cold start to healthy (process start → first 200 on /health/ready, schema in place): {s}", "< 2 s"));
var first = services.ToDictionary(s => s, s => report.Add($"first_start.{s}",
    $"First start on an empty database (creates its schema and queues): {s}", "— (for comparison)"));

Machine(report, options);
var failed = false;

// What the machine does before any load: the services' background work (daemons, health, consumers) and whatever
// else runs on it ("other").
var idleBefore = CpuMonitor.Take();
await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 1 : 3), ct);
var idle = ctx.Cpu.Between(idleBefore, CpuMonitor.Take());
report.Diagnostics["idleCpuCores"] = idle;
BenchContext.Log($"idle {CpuMonitor.Describe(idle)}");

// --- 1-2 (+ 8-10): LogRun against a raw single-row INSERT baseline measured just before ---------------------------
ClosedLoop.Outcome? rawSingle = null;
LogRunBench.Result? logRun = null;
if (options.Runs("logrun"))
{
    await PhaseAsync("logrun", [logRunRate, logRunLatency, .. rss.Values], async () =>
    {
        await RawBaselines.ResetAsync(ctx, ct);
        logRun = await LogRunBench.RunAsync(ctx, () => RawSingleAsync("before LogRun"), ct);
        rawSingle = logRun.Baseline;
        var o = logRun.Outcome;
        logRunRate.Value = Math.Round(o.UnitsPerSecond, 1);
        logRunRate.Unit = "runs/s";
        logRunRate.Baseline = Math.Round(rawSingle.UnitsPerSecond, 1);
        logRunRate.BaselineText = Inv($"{rawSingle.UnitsPerSecond:#,0} rows/s (raw single-row jsonb INSERT, 8 connections)");
        logRunRate.Ratio = o.UnitsPerSecond / rawSingle.UnitsPerSecond;
        logRunRate.Met = logRunRate.Ratio >= 0.25 && o.Errors == 0;
        logRunRate.Details["logRun"] = o.Details();
        logRunRate.Details["rowsWrittenPerLogRun"] = logRun.WritesPerRun;
        logRunRate.Details["baseline"] = rawSingle.Details();

        var p99 = o.Latencies.Percentile(99);
        logRunLatency.Value = Math.Round(p99, 2);
        logRunLatency.Unit = "ms (p99)";
        logRunLatency.ValueText = o.Latencies.P50P99();
        logRunLatency.BaselineText = $"raw INSERT {rawSingle.Latencies.P50P99()}";
        logRunLatency.Met = p99 < 25;
        logRunLatency.Details["latency"] = o.Latencies.Summary();
        if (o.Errors > 0)
        {
            report.Failed("logrun", Inv($"{o.Errors:N0} of {o.AllOperations + o.Errors:N0} LogRun calls failed: {o.ErrorNote}"), logRunRate);
        }

        foreach (var (name, row) in rss)
        {
            if (!logRun.Rss.TryGetValue(name, out var peak))
            {
                row.Error = $"no pid for {name} (pass --pid {name}=PID)";
                continue;
            }

            row.Value = Math.Round(peak.PeakMb, 1);
            row.Unit = "MB";
            row.Met = peak.PeakMb < 200;
            row.Details["vmHwmMb"] = peak.HwmMb is { } h ? Math.Round(h, 1) : null;
            row.Details["samples"] = logRun.RssSamples;
            row.Details["memory"] = MemoryBreakdown(options.Pids[name]);
            row.Note = Inv($"VmHWM (lifetime peak) {peak.HwmMb:0} MB; ") + Describe((Dictionary<string, object?>)row.Details["memory"]!);
        }
    });
}

// --- 3: the typical Marten path, against the same raw baseline measured again just before ------------------------
ClosedLoop.Outcome? rawSingle2 = null;
TypicalMartenBench.Result? typicalResult = null;
if (options.Runs("typical"))
{
    await PhaseAsync("typical", [typical], async () =>
    {
        await RawBaselines.ResetAsync(ctx, ct);
        typicalResult = await TypicalMartenBench.RunAsync(ctx, () => RawSingleAsync("before the typical Marten path"), ct);
        rawSingle2 = typicalResult.Baseline;
        var o = typicalResult.Outcome;
        typical.Value = Math.Round(o.UnitsPerSecond, 1);
        typical.Unit = "saves/s";
        typical.Baseline = Math.Round(rawSingle2.UnitsPerSecond, 1);
        typical.BaselineText = Inv($"{rawSingle2.UnitsPerSecond:#,0} rows/s (raw single-row INSERT, measured again just before)");
        typical.Ratio = o.UnitsPerSecond / rawSingle2.UnitsPerSecond;
        typical.Details["typical"] = o.Details();
        typical.Details["rowsWrittenPerSave"] = typicalResult.WritesPerSave;
        typical.Details["baseline"] = rawSingle2.Details();
    });
}

// --- 4: ImportRuns against a raw 1,000-row multi-row INSERT at 4 connections ------------------------------------
if (options.Runs("import"))
{
    await PhaseAsync("import", [importRate], async () =>
    {
        await RawBaselines.ResetAsync(ctx, ct);
        var import = await ImportBench.RunAsync(ctx, () =>
        {
            BenchContext.Log("baseline: raw 1,000-row INSERT, 4 connections");
            return RawBaselines.MultiRowAsync(ctx, ImportBench.Importers, ImportBench.BatchSize,
                TimeSpan.FromSeconds(options.Smoke ? 0.5 : 2), TimeSpan.FromSeconds(options.Smoke ? 1.5 : 10), ct);
        }, ct);
        var raw = import.Baseline;
        importRate.Value = Math.Round(import.RunsPerSecond, 1);
        importRate.Unit = "runs/s";
        importRate.Baseline = Math.Round(raw.UnitsPerSecond, 1);
        importRate.BaselineText = Inv($"{raw.UnitsPerSecond:#,0} rows/s (raw 1,000-row INSERT, 4 connections)");
        importRate.Ratio = import.RunsPerSecond / raw.UnitsPerSecond;
        importRate.Met = importRate.Ratio >= 0.5 && import.Errors == 0;
        importRate.Details["import"] = new Dictionary<string, object?>
        {
            ["runs"] = import.Runs,
            ["seconds"] = Math.Round(import.Seconds, 2),
            ["batchLatency"] = import.BatchLatencies.Summary(),
            ["errors"] = import.Errors,
            ["cpuCores"] = import.Cpu,
        };
        importRate.Details["rowsWrittenPerImportedRun"] = import.WritesPerRun;
        importRate.Details["baseline"] = raw.Details();
        var notes = new List<string>();
        if (import.ErrorNote is { } err)
        {
            notes.Add(err);
        }

        notes.Add(Inv($"batch of 1,000: {import.BatchLatencies.P50P99()}"));
        notes.Add(CpuMonitor.Describe(import.Cpu));
        notes.Add(CpuMonitor.PerOperation(import.Cpu, import.RunsPerSecond, "imported run"));
        notes.Add(CpuMonitor.PerOperation(raw.Cpu, raw.UnitsPerSecond, "raw row"));
        notes.Add($"rows per imported run: {PgStats.Describe(import.WritesPerRun)}");
        notes.Add(PgStatements.Describe(import.Statements, "imported run"));
        importRate.Details["postgresStatementsPerImportedRun"] = import.Statements;
        importRate.Note = string.Join("; ", notes.Where(n => n.Length > 0));
        if (import.Errors > 0)
        {
            report.Failed("import", Inv($"{import.Errors:N0} of {import.Runs + import.Errors:N0} runs sent with ImportRuns were not imported: {import.ErrorNote}"), importRate);
        }
    });
}

// --- 5-6: end to end through RabbitMQ --------------------------------------------------------------------------
if (options.Runs("e2e"))
{
    await PhaseAsync("e2e", [e2eRunLogged, e2eAdapted], async () =>
    {
        var e = await EndToEndBench.RunAsync(ctx, ct);
        e2eRunLogged.Value = Math.Round(e.RunLogged.Percentile(99), 1);
        e2eRunLogged.Unit = "ms (p99)";
        e2eRunLogged.ValueText = $"{e.RunLogged.P50P99()} (n = {e.RunLogged.Count:N0})";
        e2eRunLogged.Met = e.RunLogged.Count > 0 && e.RunLogged.Percentile(99) < 250 && e.RunLoggedMissing == 0 && e.Failed == 0;
        e2eRunLogged.BaselineText = $"LogRun call alone: {e.LogRunCall.P50P99()}";
        e2eRunLogged.Details["runLogged"] = e.RunLogged.Summary();
        e2eRunLogged.Details["logRunCall"] = e.LogRunCall.Summary();
        e2eRunLogged.Details["logRunReturnedToConsumed"] = e.CommitToRunLogged.Summary();
        e2eRunLogged.Details["sent"] = e.Sent;
        e2eRunLogged.Details["succeeded"] = e.Succeeded;
        e2eRunLogged.Details["failed"] = e.Failed;
        e2eRunLogged.Details["missing"] = e.RunLoggedMissing;
        e2eRunLogged.Details["achievedRatePerSecond"] = Math.Round(e.AchievedRate, 1);
        e2eRunLogged.Details["seconds"] = Math.Round(e.Seconds, 1);
        e2eRunLogged.Details["cpuCores"] = e.Cpu;
        e2eRunLogged.Details["problems"] = e.Problems;
        e2eRunLogged.Details["trend"] = e.Trend;
        e2eRunLogged.Details["stall"] = e.Stall.Details();
        e2eRunLogged.Details["stallBoundSeconds"] = options.StallSeconds;
        e2eRunLogged.Details["backlogBoundSeconds"] = options.BacklogSeconds;
        e2eRunLogged.Note = Inv($"sent {e.Sent:N0} at {e.AchievedRate:0.0}/s, {e.Failed} failed, {e.RunLoggedMissing} never consumed; ") +
            $"LogRun returned → RunLogged consumed: {Spread(e.CommitToRunLogged)}; p50 per slice of the run: {SliceP50s(e.Trend)} ms; " +
            Inv($"longest stretch with runs waiting and nothing consumed: {e.Stall.QuietSeconds:0.0} s; ") + CpuMonitor.Describe(e.Cpu);

        // Lost or stalled work fails the run; a slow but complete pipeline only misses the target.
        var lostA = new List<string>();
        if (e.Failed > 0)
        {
            lostA.Add(Inv($"{e.Failed:N0} of {e.Sent:N0} LogRun calls failed") +
                (e.Problems.FirstOrDefault(p => p.StartsWith("LogRun", StringComparison.Ordinal)) is { } first ? $" ({first})" : ""));
        }

        if (e.RunLoggedMissing > 0)
        {
            lostA.Add(Inv($"{e.RunLoggedMissing:N0} of {e.Succeeded:N0} logged runs never consumed (no RunLogged {EndToEndBench.DrainSeconds} s after the last LogRun returned)"));
        }

        if (e.Stall.QuietSeconds >= options.StallSeconds)
        {
            lostA.Add(Inv($"stalled: nothing consumed for {e.Stall.QuietSeconds:0.0} s from second {e.Stall.QuietFromSecond:0.0} of the run, with {e.Stall.QuietWaiting:N0} logged run(s) waiting when it began; bound {options.StallSeconds:0.#} s"));
        }

        if (e.Stall.SliceRiseMs >= options.BacklogSeconds * 1000)
        {
            lostA.Add(Inv($"fell behind: p50 per slice {SliceP50s(e.Trend)} ms rose by {e.Stall.SliceRiseMs / 1000:0.0} s, past the {options.BacklogSeconds:0.#} s bound"));
        }

        if (lostA.Count > 0)
        {
            // A starved machine stalls a healthy pipeline too: say how much of it other processes took meanwhile.
            report.Failed("e2e", "end to end (a): " + string.Join("; ", lostA) +
                Inv($" (meanwhile processes outside the benchmark used {e.Cpu.GetValueOrDefault("other"):0.00} of {Environment.ProcessorCount} cores; LogRun call p50 {e.LogRunCall.Percentile(50):0} ms)"),
                e2eRunLogged);
        }

        e2eAdapted.Value = e.Adapted.Count > 0 ? Math.Round(e.Adapted.Percentile(99), 1) : null;
        e2eAdapted.Unit = "ms (p99)";
        e2eAdapted.ValueText = $"{e.Adapted.P50P99()} (n = {e.Adapted.Count})";
        e2eAdapted.Met = e.Adapted.Count > 0 && e.Adapted.Percentile(99) < 250 && e.AdaptedMissing == 0;
        e2eAdapted.BaselineText = $"LogRun returned → CloudEvent consumed: {Spread(e.CommitToAdapted)}";
        e2eAdapted.Details["adapted"] = e.Adapted.Summary();
        e2eAdapted.Details["logRunReturnedToConsumed"] = e.CommitToAdapted.Summary();
        e2eAdapted.Details["programRunners"] = e.ProgramRunners;
        e2eAdapted.Details["programRunnersPrepared"] = e.ProgramRunnersPrepared;
        e2eAdapted.Details["prepareSeconds"] = Math.Round(e.PrepareSeconds, 1);
        e2eAdapted.Details["bigRuns"] = e.BigRuns;
        e2eAdapted.Details["bigRunsRaisingL3"] = e.BigRunsRaisingL3;
        e2eAdapted.Details["missing"] = e.AdaptedMissing;
        e2eAdapted.Note = Inv($"{e.BigRunsRaisingL3} of {e.BigRuns} big runs raised L3 ({e.ProgramRunnersPrepared}/{e.ProgramRunners} runners got a program), ") +
            Inv($"{e.AdaptedMissing} adaptations never consumed; measured inside the 100 runs/s stream of (a)") +
            (e.Problems.Count > 0 ? "; " + string.Join("; ", e.Problems.Take(3)) : "");
        var lostB = new List<string>();
        if (e.AdaptedMissing > 0)
        {
            lostB.Add(Inv($"{e.AdaptedMissing:N0} of {e.BigRunsRaisingL3:N0} program adaptations never consumed (no program_adapted CloudEvent {EndToEndBench.DrainSeconds} s after the last LogRun returned)"));
        }

        if (e.ProgramRunnersPrepared < e.ProgramRunners)
        {
            lostB.Add(Inv($"{e.ProgramRunners - e.ProgramRunnersPrepared:N0} of {e.ProgramRunners:N0} runners never got a program while being prepared") +
                (e.PrepareProblems.Count > 0 ? $" ({string.Join("; ", e.PrepareProblems.Take(2))})" : ""));
        }

        if (lostB.Count > 0)
        {
            report.Failed("e2e", "end to end (b): " + string.Join("; ", lostB), e2eAdapted);
        }

        if (e.Adapted.Count == 0 && e2eAdapted.Failure is null)
        {
            e2eAdapted.Error = "no program_adapted CloudEvent was consumed: " + e2eAdapted.Note;
        }
    });
}

// --- 7: projection rebuild --------------------------------------------------------------------------------------
if (options.Runs("rebuild"))
{
    await PhaseAsync("rebuild", [rebuild], async () =>
    {
        var r = await RebuildBench.RunAsync(ctx, ct);
        var rate = r.Events / r.RebuildSeconds;
        rebuild.Value = Math.Round(rate, 0);
        rebuild.Unit = "events/s";
        rebuild.Met = rate >= 50_000 && r.Snapshots == r.Streams;
        rebuild.BaselineText = Inv($"seeding the same events (Marten Quick append, 5,000 per save): {r.Events / r.SeedSeconds:#,0} events/s");
        rebuild.Details["events"] = r.Events;
        rebuild.Details["streams"] = r.Streams;
        rebuild.Details["rebuildSeconds"] = Math.Round(r.RebuildSeconds, 2);
        rebuild.Details["seedSeconds"] = Math.Round(r.SeedSeconds, 2);
        rebuild.Details["snapshotsAfterRebuild"] = r.Snapshots;
        rebuild.Details["rebuildCpuCores"] = r.RebuildCpu;
        rebuild.Details["seedCpuCores"] = r.SeedCpu;
        rebuild.Details["method"] = r.Method;
        rebuild.Details["perEvent"] = r.PerEvent;
        rebuild.Details["postgresStatementsPer1000Events"] = r.Statements;
        rebuild.Details["layout"] = $"{RebuildBench.EventsPerStream} events per runner, appended in {RebuildBench.Rounds} rounds of {RebuildBench.EventsPerStream / RebuildBench.Rounds} per runner (so the log holds runs of {RebuildBench.EventsPerStream / RebuildBench.Rounds} consecutive events of one runner)";
        rebuild.Note = Inv($"{r.Events:N0} events of {r.Streams:N0} runners in {r.RebuildSeconds:0.0} s, {r.Snapshots:N0} snapshots rebuilt; ") +
            CpuMonitor.Describe(r.RebuildCpu) + " — 'bench' is the daemon applying events and serializing snapshots in this process; " +
            $"per event: {PgStats.Describe(r.PerEvent)}" +
            (PgStatements.Describe(r.Statements, "1,000 events") is { Length: > 0 } st ? "; " + st : "");
        if (r.Snapshots != r.Streams)
        {
            report.Failed("rebuild", Inv($"the rebuild left {r.Snapshots:N0} TrainingLog snapshots for {r.Streams:N0} runners"), rebuild);
        }
    });
}

// --- 11-16: cold starts, measured by deploy/bench.sh -----------------------------------------------------------
foreach (var name in services)
{
    if (options.ColdStart.TryGetValue(name, out var samples) && samples.Count > 0)
    {
        var median = Median(samples);
        var cpu = options.ColdStartCpu.GetValueOrDefault(name) ?? [];
        cold[name].Value = Math.Round(median, 2);
        cold[name].Unit = "s";
        cold[name].ValueText = Inv($"{median:0.00} s") + (samples.Count > 1 ? $" (median of {samples.Count})" : "");
        cold[name].Met = median < 2;
        cold[name].Details["samplesSeconds"] = samples;
        cold[name].Details["cpuSecondsWhenReady"] = cpu;
        if (options.DotnetStart is { } bare)
        {
            cold[name].Baseline = bare;
            cold[name].BaselineText = Inv($"{bare:0.00} s: a bare .NET process (this program's --help) from start to exit");
        }

        cold[name].Note = "restarts: " + string.Join(", ", samples.Select((s, i) =>
            Inv($"{s:0.00} s") + (i < cpu.Count ? Inv($" ({cpu[i]:0.00} s CPU)") : ""))) +
            Inv($"; wall − CPU = time waiting (for PostgreSQL, RabbitMQ, or a core: idle load of the machine was {idle.GetValueOrDefault("other"):0.00} cores of other processes)");
    }
    else
    {
        cold[name].Error = "not measured (deploy/bench.sh passes --cold-start)";
    }

    if (options.FirstStart.TryGetValue(name, out var firstSamples) && firstSamples.Count > 0)
    {
        first[name].Value = Math.Round(firstSamples[0], 2);
        first[name].Unit = "s";
        if (options.FirstStartCpu.GetValueOrDefault(name) is [var firstCpu, ..])
        {
            first[name].Note = Inv($"{firstCpu:0.00} s CPU when ready");
            first[name].Details["cpuSecondsWhenReady"] = firstCpu;
        }
    }
    else
    {
        first[name].Error = "not measured (deploy/bench.sh passes --first-start)";
    }
}

Conclusions.Write(ctx, rawSingle, logRun, rawSingle2, typicalResult);

report.FailErrorRows();
report.Machine["loadAverageAtEnd"] = File.ReadAllText("/proc/loadavg").Trim();
var header = new Dictionary<string, object?>
{
    ["mode"] = options.Smoke ? "smoke" : "full",
    ["startedAt"] = started.ToString("O", CultureInfo.InvariantCulture),
    ["seconds"] = Math.Round(Clock.Seconds(runStart, Clock.Now), 1),
    ["phasesFailed"] = failed,
    ["failed"] = report.Failures.Count > 0,
    ["failures"] = report.Failures,
};
report.WriteJson(options.Out, header);
var markdown = report.Markdown();
File.WriteAllText(Path.ChangeExtension(options.Out, ".md"), markdown);
Console.WriteLine();
Console.WriteLine(markdown);
foreach (var failure in report.Failures)
{
    BenchContext.Log(failure.ToString());
}

BenchContext.Log($"done in {Clock.Seconds(runStart, Clock.Now):0} s; results: {options.Out}" +
    (report.Failures.Count > 0 ? $"; the run FAILED ({report.Failures.Count} failure(s), listed after the table)" : ""));
return failed || report.Failures.Count > 0 ? 1 : 0;

async Task<ClosedLoop.Outcome> RawSingleAsync(string when)
{
    BenchContext.Log($"baseline: raw single-row INSERT, 8 connections ({when})");
    return await RawBaselines.SingleRowAsync(ctx, LogRunBench.Clients, TimeSpan.FromSeconds(options.Smoke ? 0.5 : 2),
        TimeSpan.FromSeconds(options.Smoke ? 1.5 : 10), ct);
}

async Task PhaseAsync(string name, Row[] rows, Func<Task> phase)
{
    BenchContext.Log($"phase: {name}");
    try
    {
        await phase();
    }
    catch (Exception ex) when (ex is not OutOfMemoryException)
    {
        failed = true;
        BenchContext.Log($"phase {name} failed: {ex}");
        var unmeasured = rows.Where(r => r.Error is null && r.Value is null).ToArray();
        Report.Fail(unmeasured, ex);
        report.Failed(name, $"the phase stopped: {ex.GetType().Name}: {ex.Message}", unmeasured);
    }
}

static string SliceP50s(List<Dictionary<string, object?>> trend) =>
    trend.Count == 0 ? "no slices" : string.Join(" → ", trend.Select(t => Inv($"{t["p50Ms"]:#,0}")));

// p10 / p50 / p90 / p99: a flat spread between two bounds is the signature of a poll interval.
static string Spread(Latencies l) => l.Count == 0 ? "no samples"
    : Inv($"p10 {l.Percentile(10):0} / p50 {l.Percentile(50):0} / p90 {l.Percentile(90):0} / p99 {l.Percentile(99):0} ms");

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

static void Machine(Report report, BenchOptions options)
{
    report.Machine["cores"] = Environment.ProcessorCount;
    report.Machine["cpu"] = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
        ?.Split(':', 2)[1].Trim();
    report.Machine["memoryMb"] = RssSampler.StatusKbOf("/proc/meminfo", "MemTotal:") / 1024;
    report.Machine["os"] = RuntimeInformation.OSDescription;
    report.Machine["dotnet"] = RuntimeInformation.FrameworkDescription;
    report.Machine["loadAverageAtStart"] = File.ReadAllText("/proc/loadavg").Trim();
    report.Machine["note"] = "shared machine: other sessions' builds and tests may run at the same time; the 'other' CPU share of each phase shows how much";
    report.Machine["postgres"] = options.Postgres;
    report.Machine["rabbitmq"] = options.Rabbit.GetLeftPart(UriPartial.Authority).Replace("guest:guest@", "", StringComparison.Ordinal);
}

static Dictionary<string, object?> MemoryBreakdown(int pid)
{
    var result = new Dictionary<string, object?>();
    foreach (var field in new[] { "VmRSS:", "RssAnon:", "RssFile:", "RssShmem:", "Threads:" })
    {
        if (RssSampler.StatusKb(pid, field) is { } v)
        {
            result[field.TrimEnd(':')] = field == "Threads:" ? v : Math.Round(v / 1024.0, 1);
        }
    }

    // PSS: shared pages (the framework's mapped assemblies) divided among the processes that map them.
    if (RssSampler.StatusKbOf($"/proc/{pid}/smaps_rollup", "Pss:") is { } pss)
    {
        result["Pss"] = Math.Round(pss / 1024.0, 1);
    }

    result["gc"] = GcMode(pid);
    return result;
}

// The GC the service runs with: its runtimeconfig.json (System.GC.Server), unless DOTNET_gcServer overrides it.
static string GcMode(int pid)
{
    try
    {
        var env = File.ReadAllText($"/proc/{pid}/environ").Split('\0');
        if (env.FirstOrDefault(e => e.StartsWith("DOTNET_gcServer=", StringComparison.OrdinalIgnoreCase)) is { } set)
        {
            return set.EndsWith('1') ? "server (DOTNET_gcServer)" : "workstation (DOTNET_gcServer)";
        }

        var dll = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0').FirstOrDefault(a => a.EndsWith(".dll", StringComparison.Ordinal));
        var cwd = new DirectoryInfo($"/proc/{pid}/cwd").LinkTarget ?? "";
        var config = Path.ChangeExtension(Path.Combine(cwd, dll ?? ""), ".runtimeconfig.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(config));
        var server = json.RootElement.GetProperty("runtimeOptions").TryGetProperty("configProperties", out var props)
            && props.TryGetProperty("System.GC.Server", out var gc) && gc.GetBoolean();
        return server ? "server" : "workstation";
    }
    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException)
    {
        return "unknown";
    }
}

static string Describe(Dictionary<string, object?> memory) => string.Join(", ", memory.Select(m => m.Key switch
{
    "Threads" => $"{m.Key} {m.Value}",
    "gc" => $"{m.Value} GC",
    _ => Inv($"{m.Key} {m.Value} MB"),
})) + " (at the end of the phase)";
