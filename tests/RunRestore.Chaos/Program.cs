using System.Runtime.InteropServices;
using Grpc.Core;
using Npgsql;
using RunRestore.Chaos;

// Fault injection against the real services (docs/reliability.md). Normally run by deploy/chaos.sh, which starts
// PostgreSQL, RabbitMQ and the three services on ports of their own and passes their addresses; this program restarts
// them itself through deploy/local/*.sh. Prints the table; exit code 1 on any lost write, duplicate effect, effect never
// delivered, fault not recovered within 40 s, or stall.

var options = ChaosOptions.Parse(args);
_ = Report.LoadAtStart;
Directory.CreateDirectory(options.Logs);
File.Delete(Path.Combine(options.Logs, "health.log"));
using var cts = new CancellationTokenSource(options.HardLimit);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    cts.Cancel();
});
var ct = cts.Token;
await using var stack = new Stack(options);
var calls = new Calls(options.AttemptDeadline, options.RetryBudget);
var writes = new Writes(stack, calls);
var workload = new Workload(stack, options, writes);
var injector = new FaultInjector(stack, options);
var tap = new ClinicEventTap(options.Rabbit);
using var stopTap = CancellationTokenSource.CreateLinkedTokenSource(ct);
Task? tapping = null;
string? failure = null;
Findings findings = new();
double? settledAfter = null;
double loadEnd = 0;

try
{
    await tap.BindAsync(ct);
    tapping = tap.RunAsync(stopTap.Token);
    Clock.Log(FormattableString.Invariant(
        $"{(options.Short ? "short" : "full")} run: {options.Commands:N0} commands at {options.Rate:0}/s ({options.HotClients} clients → one runner at {options.HotRate:0}/s), faults: {string.Join(", ", options.Faults.Select(f => f.Label))}"));
    await workload.SetupAsync(ct);
    var loadStart = Clock.Now + 0.5;
    Clock.Log($"setup done ({writes.All.Count} commands); load starts");
    // Commands flow until the last fault has recovered (plus 3 s); the full run also until it has sent its minimum.
    var loading = workload.RunAsync(loadStart, ct);
    await injector.RunAsync(loadStart, options.LoadSeconds, ct);
    await Task.Delay(TimeSpan.FromSeconds(3), ct);
    while (!options.StopAfterFaults && !loading.IsCompleted && writes.All.Count(c => c.Lane != "setup") < options.Commands)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
    }

    workload.StopSending();
    Clock.Log("every fault injected and the load sent: no more commands");
    await loading;
    loadEnd = Clock.Now;
    Clock.Log($"load done: {writes.All.Count(c => c.Acknowledged):N0} of {writes.All.Count:N0} commands acknowledged; checking the effects");
    (findings, settledAfter) = await ConvergeAsync();
}
catch (Exception ex) when (ex is InvalidOperationException or RpcException or NpgsqlException or OperationCanceledException or TimeoutException)
{
    failure = ct.IsCancellationRequested ? "the run was stopped (time limit or signal)" : $"the run failed: {ex.Message}";
    Clock.Log($"{failure}\n{ex}");
}
finally
{
    await stopTap.CancelAsync();
    if (tapping is not null)
    {
        await tapping;
    }
}

var report = new Report(options, writes.All, injector.Records, findings, calls, tap, workload.TimeLimitReached, settledAfter, failure).Build();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Out))!);
await File.WriteAllTextAsync(options.Out, report.Markdown(document: false), CancellationToken.None);
if (options.Doc is not null && failure is null)
{
    var existing = File.Exists(options.Doc) ? await File.ReadAllTextAsync(options.Doc, CancellationToken.None) : null;
    await File.WriteAllTextAsync(options.Doc, report.Document(existing), CancellationToken.None);
}

Console.WriteLine();
Console.WriteLine(report.Table());
Console.WriteLine(report.Details());
Console.WriteLine(report.Verdict());
Console.WriteLine($"Results: {options.Out}{(options.Doc is not null && failure is null ? $" and {options.Doc}" : "")}; logs: {options.Logs}/");
return report.Passed ? 0 : 1;

// Reads and checks until nothing is missing, or until the bound: then what is still missing was never delivered.
async Task<(Findings, double?)> ConvergeAsync()
{
    var deadline = Clock.Now + options.ConvergeLimit;
    Findings? last = null;
    while (true)
    {
        try
        {
            var facts = await Facts.ReadAsync(stack.Db, ct);
            var runners = writes.All.Where(c => c.Kind == CommandKind.RegisterRunner && c.Runner is not null).Select(c => c.Runner!);
            var assessments = writes.All.Where(c => c.Kind == CommandKind.StartAssessment && c.AssessmentId is not null).Select(c => (c.Clinic, c.AssessmentId!));
            var view = await ApiView.ReadAsync(stack, calls, runners, assessments, ct);
            last = Checks.Evaluate(writes.All, facts, view, tap);
            if (last.Settled)
            {
                return (last, Clock.Now - loadEnd);
            }

            Clock.Log($"waiting: {last.Lost} acknowledged writes not visible, {last.NeverDelivered} with effects missing ({last.CloudEventsMissing} CloudEvents)");
        }
        catch (Exception ex) when (ex is NpgsqlException or RpcException && Clock.Now < deadline)
        {
            Clock.Log($"checks could not read yet: {ex.Message}");
        }

        if (Clock.Now >= deadline)
        {
            return (last ?? throw new TimeoutException("the checks never got to read the services"), null);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), ct);
    }
}
