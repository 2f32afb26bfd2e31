using System.Globalization;

namespace RunRestore.Benchmarks;

/// <summary>
/// Where the CPU went during a phase, from /proc: the whole machine, each service, PostgreSQL (postmaster and its
/// backends), RabbitMQ, this load generator, and the rest ("other": processes outside the benchmark, e.g. builds
/// and tests of other sessions on the same machine). In cores: 1.0 = one core busy for the whole phase.
/// </summary>
internal sealed class CpuMonitor
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux
    private readonly Dictionary<string, int> _roots;
    private readonly int? _postgres;
    private readonly int? _rabbit;

    public CpuMonitor(BenchOptions options)
    {
        _roots = new Dictionary<string, int>(options.Pids) { ["bench"] = Environment.ProcessId };
        _postgres = options.PostgresPid;
        _rabbit = options.RabbitPid;
    }

    /// <summary>Machine ticks, and every process's (pid → parent, name, utime + stime) at one moment.</summary>
    public sealed record Snapshot(long At, long MachineTotal, long MachineIdle, Dictionary<int, (int Parent, string Name, long Ticks)> Processes);

    public static Snapshot Take()
    {
        var (total, idle) = MachineTicks();
        var processes = new Dictionary<int, (int, string, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } stat)
            {
                processes[pid] = stat;
            }
        }

        return new Snapshot(Clock.Now, total, idle, processes);
    }

    /// <summary>
    /// Cores used per group between two snapshots, plus "machine" (busy cores) and "other" (the rest of the machine's
    /// busy time, with its top processes under "other:NAME"). Per process: ticks at the end minus ticks at the start
    /// (0 for a process that started in between); a process that ended in between is missed (and so lands in "other").
    /// </summary>
    public Dictionary<string, double> Between(Snapshot a, Snapshot b)
    {
        var seconds = Clock.Seconds(a.At, b.At);
        var totalTicks = b.MachineTotal - a.MachineTotal;
        var busyShare = totalTicks > 0 ? 1 - (b.MachineIdle - a.MachineIdle) / (double)totalTicks : 0;
        var machine = busyShare * Environment.ProcessorCount;

        var children = new Dictionary<int, List<int>>();
        foreach (var (pid, p) in b.Processes)
        {
            if (!children.TryGetValue(p.Parent, out var list))
            {
                children[p.Parent] = list = [];
            }

            list.Add(pid);
        }

        var groups = new Dictionary<string, List<int>>();
        foreach (var (name, pid) in _roots)
        {
            groups[name] = [pid];
        }

        if (_postgres is { } pg)
        {
            groups["postgres"] = Tree(pg, children);
        }

        if (_rabbit is { } rabbit)
        {
            groups["rabbitmq"] = Tree(rabbit, children);
        }

        double Cores(int pid) => b.Processes.TryGetValue(pid, out var end)
            ? Math.Max(0, end.Ticks - (a.Processes.TryGetValue(pid, out var start) ? start.Ticks : 0)) / TicksPerSecond / seconds
            : 0;

        var result = new Dictionary<string, double> { ["machine"] = Math.Round(machine, 2) };
        var ours = new HashSet<int>();
        var oursCores = 0.0;
        foreach (var (name, pids) in groups)
        {
            var cores = pids.Sum(Cores);
            ours.UnionWith(pids);
            oursCores += cores;
            result[name] = Math.Round(cores, 2);
        }

        result["other"] = Math.Round(Math.Max(0, machine - oursCores), 2);
        foreach (var top in b.Processes.Keys.Where(pid => !ours.Contains(pid))
                     .GroupBy(pid => b.Processes[pid].Name)
                     .Select(g => (Name: g.Key, Cores: g.Sum(Cores)))
                     .Where(t => t.Cores >= 0.05)
                     .OrderByDescending(t => t.Cores).Take(3))
        {
            result[$"other:{top.Name}"] = Math.Round(top.Cores, 2);
        }

        return result;
    }

    /// <summary>"machine 1.95 of 2 cores busy: intake 0.71, postgres 0.62, ..." (largest first).</summary>
    public static string Describe(Dictionary<string, double> cores)
    {
        var others = cores.Where(c => c.Key.StartsWith("other:", StringComparison.Ordinal)).ToList();
        return Report.Inv($"CPU: {cores.GetValueOrDefault("machine"):0.00} of {Environment.ProcessorCount} cores busy (") +
            string.Join(", ", cores.Where(c => c.Key != "machine" && !c.Key.StartsWith("other:", StringComparison.Ordinal))
                .OrderByDescending(c => c.Value)
                .Select(c => Report.Inv($"{c.Key} {c.Value:0.00}") + (c.Key == "other" && others.Count > 0
                    ? " [" + string.Join(", ", others.Select(o => Report.Inv($"{o.Key[6..]} {o.Value:0.00}"))) + "]"
                    : ""))) + ")";
    }

    /// <summary>"CPU per operation: intake 2.1 ms, postgres 1.4 ms, ..." from the cores each group used at a rate.</summary>
    public static string PerOperation(Dictionary<string, double> cores, double operationsPerSecond, string what) =>
        operationsPerSecond <= 0 ? "" :
        $"CPU per {what}: " + string.Join(", ", cores.Where(c => c.Key is not ("machine" or "other")
            && !c.Key.StartsWith("other:", StringComparison.Ordinal) && c.Value >= 0.01)
            .OrderByDescending(c => c.Value).Select(c => Report.Inv($"{c.Key} {c.Value * 1000 / operationsPerSecond:0.00} ms")));

    private static (long Total, long Idle) MachineTicks()
    {
        var first = File.ReadLines("/proc/stat").First();
        var parts = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        var total = parts.Take(8).Sum();
        return (total, parts[3] + parts[4]);
    }

    /// <summary>/proc/PID/stat: parent, name and utime + stime (fields 4, 2, 14 and 15).</summary>
    private static (int Parent, string Name, long Ticks)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            // After "pid (comm)": state is field 3 → index 0; ppid 4 → 1; utime 14 → 11; stime 15 → 12.
            return (int.Parse(fields[1], CultureInfo.InvariantCulture), text[(open + 1)..close],
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<int> Tree(int root, Dictionary<int, List<int>> children)
    {
        var all = new List<int> { root };
        for (var i = 0; i < all.Count; i++)
        {
            if (children.TryGetValue(all[i], out var kids))
            {
                all.AddRange(kids);
            }
        }

        return all;
    }
}

/// <summary>Samples each service's resident set (VmRSS) every 100 ms; keeps the peak, and VmHWM at the end.</summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private readonly Dictionary<string, int> _pids;
    private readonly Dictionary<string, long> _peakKb = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(IReadOnlyDictionary<string, int> pids)
    {
        _pids = new Dictionary<string, int>(pids);
        _loop = Task.Run(LoopAsync);
    }

    public int Samples { get; private set; }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                foreach (var (name, pid) in _pids)
                {
                    if (StatusKb(pid, "VmRSS:") is { } kb && kb > _peakKb.GetValueOrDefault(name))
                    {
                        _peakKb[name] = kb;
                    }
                }

                Samples++;
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Stops sampling; name → (peak VmRSS MB during the sampling, VmHWM MB = the process's lifetime peak).</summary>
    public async Task<Dictionary<string, (double PeakMb, double? HwmMb)>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _pids.ToDictionary(p => p.Key, p => (
            _peakKb.GetValueOrDefault(p.Key) / 1024.0,
            StatusKb(p.Value, "VmHWM:") is { } hwm ? hwm / 1024.0 : (double?)null));
    }

    public static long? StatusKb(int pid, string field) => StatusKbOf($"/proc/{pid}/status", field);

    /// <summary>The number after <paramref name="field"/> in a /proc key-value file (kB for memory fields).</summary>
    public static long? StatusKbOf(string path, string field)
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _loop;
        _stop.Dispose();
    }
}
