using System.Diagnostics;

namespace RunRestore.Benchmarks;

/// <summary>Latencies in milliseconds; percentiles by nearest rank.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _ms.Count;
            }
        }
    }

    public void Add(double ms)
    {
        lock (_lock)
        {
            _ms.Add(ms);
        }
    }

    public double Percentile(double p)
    {
        double[] sorted;
        lock (_lock)
        {
            sorted = [.. _ms];
        }

        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Max => Percentile(100);

    public Dictionary<string, object?> Summary() => new()
    {
        ["count"] = Count,
        ["p10Ms"] = Round(Percentile(10)),
        ["p50Ms"] = Round(Percentile(50)),
        ["p90Ms"] = Round(Percentile(90)),
        ["p99Ms"] = Round(Percentile(99)),
        ["maxMs"] = Round(Max),
    };

    public string P50P99() => Count == 0 ? "no samples" : Report.Inv($"p50 {Percentile(50):0.0} ms / p99 {Percentile(99):0.0} ms");

    private static double Round(double v) => double.IsNaN(v) ? v : Math.Round(v, 2);
}

internal static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    public static long After(long from, TimeSpan span) => from + (long)(span.TotalSeconds * Stopwatch.Frequency);
}
