using System.Globalization;

namespace RunRestore.Chaos;

/// <summary>A fault to inject: its kind (rabbitmq, postgres, intake, programming), a label, and when (fraction of the load).</summary>
internal sealed record FaultPlan(string Kind, string Label, double AtFraction);

/// <summary>What happened when a fault was injected and how long the services took to recover from it.</summary>
internal sealed class FaultRecord(FaultPlan plan)
{
    public FaultPlan Plan { get; } = plan;
    public double StartedAt { get; set; }
    /// <summary>The moment the restart was issued: recovery is measured from here.</summary>
    public double EndedAt { get; set; }
    /// <summary>Every service answered 200 on /health/ready and had forwarded everything committed when it came back.</summary>
    public double? RecoveredAt { get; set; }
    /// <summary>When the restarted server or service was back (its start script returned): the rest is the services' own recovery.</summary>
    public double? BackAt { get; set; }
    public Dictionary<string, double> ReadyAt { get; } = [];
    public Dictionary<string, double> CaughtUpAt { get; } = [];
    public Dictionary<string, string> LagSource { get; } = [];
    public List<string> Notes { get; } = [];
    public string? Error { get; set; }
    /// <summary>From the restart to recovered: what a user of the services saw.</summary>
    public double? RecoverySeconds => RecoveredAt - EndedAt;
    /// <summary>The part of the recovery after the restarted component itself was back.</summary>
    public double? ServicesSeconds => RecoveredAt - Math.Max(EndedAt, BackAt ?? EndedAt);

    /// <summary>
    /// A restarted server (PostgreSQL, RabbitMQ) takes as long as it takes to accept connections again (5-45 s on a busy
    /// 2-core machine), which no service can shorten: the services' recovery is measured from the moment it does. A
    /// killed service's own start is part of its recovery: measured from the restart.
    /// </summary>
    public bool IsServer => Plan.Kind is "postgres" or "rabbitmq";

    /// <summary>Recovery held against the target: <see cref="ServicesSeconds"/> for a server, <see cref="RecoverySeconds"/> for a service.</summary>
    public double? JudgedSeconds => IsServer ? ServicesSeconds : RecoverySeconds;

    /// <summary>When the judged recovery starts (null while a restarted server is not back).</summary>
    public double? JudgedFrom => IsServer ? BackAt : EndedAt;
}

/// <summary>
/// Injects the faults one after another, each at its planned moment of the load (or, if the previous one has not
/// recovered by then, right after it), through the same scripts an operator would use, and measures recovery: from
/// the restart until every service answers 200 on /health/ready AND its event pipeline has worked off the fault's
/// backlog — every progression past the newest event committed when the service came back, or no event waiting longer
/// than <see cref="CaughtUpSeconds"/> (under a steady load a healthy pipeline is never exactly 0 behind for more than an
/// instant: the daemon polls). The figures come from /health/ready's JSON (a reading taken after the restart); when a
/// service does not report them, from its schema.
/// </summary>
internal sealed class FaultInjector(Stack stack, ChaosOptions options)
{
    /// <summary>A pipeline whose oldest unprocessed event is at most this old has caught up (the daemon's polling).</summary>
    public const double CaughtUpSeconds = 2;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public List<FaultRecord> Records { get; } = [];

    public async Task RunAsync(double loadStart, double loadSeconds, CancellationToken ct)
    {
        var notBefore = 0.0;
        foreach (var plan in options.Faults)
        {
            await Clock.Until(Math.Max(loadStart + plan.AtFraction * loadSeconds, notBefore), ct);
            // The short run injects every fault whatever happened before (its whole run has a hard limit instead).
            if (!options.Short && Clock.Now > loadStart + options.LoadLimit)
            {
                Clock.Log($"fault '{plan.Label}' not injected: past the load's time limit");
                continue;
            }

            var record = new FaultRecord(plan) { StartedAt = Clock.Now };
            lock (Records)
            {
                Records.Add(record);
            }

            Clock.Log($"fault: {plan.Label}");
            try
            {
                var restart = await InjectAsync(plan, record);
                var monitor = MonitorAsync(record, ct);
                try
                {
                    await restart;
                    record.BackAt ??= Clock.Now;
                }
                catch (InvalidOperationException ex)
                {
                    record.Error = $"restart failed: {ex.Message}";
                }

                await monitor;
            }
            catch (InvalidOperationException ex)
            {
                record.Error = ex.Message;
            }

            Clock.Log(record.RecoverySeconds is { } s
                ? Inv($"recovered from '{plan.Label}' in {s:0.0} s ({Describe(record)})")
                : $"NOT recovered from '{plan.Label}' ({Describe(record)}){(record.Error is null ? "" : ": " + record.Error)}");
            notBefore = Clock.Now + 2;
        }
    }

    public static string Describe(FaultRecord r) => string.Join(", ", Stack.Services.Select(s =>
        $"{s} ready {Seconds(r.ReadyAt, s, r.EndedAt)}, caught up {Seconds(r.CaughtUpAt, s, r.EndedAt)}" +
        (r.LagSource.TryGetValue(s, out var source) ? $" ({source})" : "")));

    private static string Seconds(Dictionary<string, double> at, string service, double from) =>
        at.TryGetValue(service, out var t) ? Inv($"+{t - from:0.0} s") : "never";

    /// <summary>Breaks something; returns the restart, already issued (record.EndedAt is set when it is).</summary>
    private async Task<Task> InjectAsync(FaultPlan plan, FaultRecord record)
    {
        switch (plan.Kind)
        {
            case "rabbitmq":
                var stopping = Clock.Now;
                await Noted(record, stack.ScriptAsync("rabbitmq.sh", "term"));
                record.Notes.Add(Inv($"graceful stop (SIGTERM, rabbitmq.sh term) took {Clock.Now - stopping:0.0} s"));
                record.EndedAt = Clock.Now;
                return StartBrokerAsync(record);
            case "postgres":
                record.EndedAt = Clock.Now;
                return stack.ScriptAsync("postgres.sh", "restart");
            case "intake" or "programming":
                var pid = await Noted(record, stack.ScriptAsync("service.sh", "kill", plan.Kind));
                record.Notes.Add($"SIGKILL pid {pid}, down {options.DownSeconds} s");
                await Task.Delay(TimeSpan.FromSeconds(options.DownSeconds));
                record.EndedAt = Clock.Now;
                return StartServiceAsync(plan.Kind, record);
            default:
                throw new InvalidOperationException($"unknown fault kind {plan.Kind}");
        }
    }

    // A step that failed is noted and the restart still goes ahead: a run must never leave a server down.
    private static async Task<string> Noted(FaultRecord record, Task<string> step)
    {
        try
        {
            return await step;
        }
        catch (InvalidOperationException ex)
        {
            record.Error = ex.Message;
            return "?";
        }
    }

    // The broker is back when its AMQP port accepts connections (the start script's own checks boot the Erlang CLI,
    // which adds seconds on a busy machine); the script still has to succeed.
    private async Task StartBrokerAsync(FaultRecord record)
    {
        var script = stack.ScriptAsync("rabbitmq.sh", "start");
        var port = options.Rabbit.Port;
        while (!script.IsCompleted && record.BackAt is null)
        {
            using var probe = new System.Net.Sockets.TcpClient();
            try
            {
                await probe.ConnectAsync(System.Net.IPAddress.Loopback, port).WaitAsync(TimeSpan.FromSeconds(1));
                record.BackAt = Clock.Now;
            }
            catch (Exception ex) when (ex is System.Net.Sockets.SocketException or TimeoutException)
            {
                await Task.Delay(200);
            }
        }

        await script;
        record.Notes.Add(Inv($"the broker accepted connections {(record.BackAt ?? Clock.Now) - record.EndedAt:0.0} s after the start was issued"));
    }

    private async Task StartServiceAsync(string service, FaultRecord record) =>
        record.Notes.Add($"restarted as pid {await stack.ScriptAsync("service.sh", "start", service)}");

    private async Task MonitorAsync(FaultRecord record, CancellationToken ct)
    {
        var marks = new Dictionary<string, (string Source, long Sequence)>();
        var since = Clock.WallTime(record.EndedAt);
        _nextConsoleTrace = 0;
        // Watched until recovered, for up to RecoveryLimit seconds from where the recovery is judged (a restarted server:
        // once it is back; a broker that takes long to boot on a busy machine must not hide how long the services then
        // take), and a server gets at most ServerLimit seconds to come back.
        while (Clock.Now - (record.JudgedFrom ?? Clock.Now) < options.RecoveryLimit && Clock.Now - record.EndedAt < options.ServerLimit + options.RecoveryLimit)
        {
            var answers = await Task.WhenAll(Stack.Services.Select(s => Health.ReadAsync(stack, s, ct)));
            await TraceAsync(record, answers, marks);
            var allBack = true;
            for (var i = 0; i < Stack.Services.Length; i++)
            {
                var service = Stack.Services[i];
                if (!answers[i].Ready)
                {
                    allBack = false;
                    continue;
                }

                record.ReadyAt.TryAdd(service, Clock.Now);
                if (record.CaughtUpAt.ContainsKey(service))
                {
                    continue;
                }

                allBack = false;
                var pipeline = answers[i].Pipeline ?? await Health.ReadFromDatabaseAsync(stack, service, ct);
                // A reading taken before the restart says nothing about the pipeline after it.
                if (pipeline is null || pipeline.MeasuredAt < since || pipeline.Progressions.Count == 0)
                {
                    continue;
                }

                record.LagSource[service] = pipeline.Source;
                if (!marks.TryGetValue(service, out var mark) || mark.Source != pipeline.Source)
                {
                    marks[service] = mark = (pipeline.Source, pipeline.NewestSequence);
                }

                if (pipeline.Progressions.All(p => CaughtUp(p, mark.Sequence)))
                {
                    record.CaughtUpAt[service] = Clock.Now;
                }
            }

            // A restarted server's recovery is judged from when it is back: not before that is known.
            if (allBack && (!record.IsServer || record.BackAt is not null))
            {
                record.RecoveredAt = Clock.Now;
                return;
            }

            await Task.Delay(Poll, ct);
        }
    }

    // Recovered: the backlog the fault left is processed — every progression has passed the newest event committed when
    // the service came back (its first reading) — or nothing waits longer than the daemon's polling (0 events behind, or
    // the oldest unprocessed event waiting at most CaughtUpSeconds). Under the chaos load a healthy forwarder stays a page
    // behind (2-5 s on a busy 2-core machine: eight clients on one runner make one long in-order chain per page), so
    // "no lag at all" would measure that steady delay, not the recovery.
    private static bool CaughtUp(Progression p, long mark) =>
        p.EventsBehind == 0 || p.SecondsBehind <= CaughtUpSeconds || p.Position >= mark;

    // Every reading goes to logs/health.log; every 10 s a line goes to the console, so a stall can be read afterwards.
    private async Task TraceAsync(FaultRecord record, HealthAnswer[] answers, Dictionary<string, (string Source, long Sequence)> marks)
    {
        var line = string.Join("  ", Stack.Services.Select((s, i) => $"{s} {Describe(answers[i], marks.TryGetValue(s, out var m) ? m.Sequence : null)}"));
        await File.AppendAllTextAsync(Path.Combine(options.Logs, "health.log"), Inv($"+{Clock.Now:0.00} [{record.Plan.Label}] {line}\n"));
        var since = Clock.Now - record.EndedAt;
        if (since >= _nextConsoleTrace)
        {
            _nextConsoleTrace = since + 10;
            Clock.Log(Inv($"  +{since:0} s after the restart: {line}"));
        }
    }

    private double _nextConsoleTrace;

    private static string Describe(HealthAnswer a, long? mark) =>
        $"{a.Code?.ToString(CultureInfo.InvariantCulture) ?? "-"} {a.Status ?? a.Problem ?? "?"}" + (a.Pipeline is { } p
            ? Inv($" newest {p.NewestSequence} ") + string.Join(",", p.Progressions.Select(x =>
                Inv($"{x.Name}={x.Position}{(x.SecondsBehind is { } sb ? $" ({x.EventsBehind} / {sb:0.0} s behind)" : mark is { } m ? $" (mark {m})" : "")}")))
            : " pipeline unknown");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
