using System.Diagnostics;
using System.Globalization;

namespace RunRestore.Chaos;

/// <summary>One clock for every record of a run: seconds since the program started.</summary>
internal static class Clock
{
    private static readonly Stopwatch Watch = Stopwatch.StartNew();

    public static DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    public static double Now => Watch.Elapsed.TotalSeconds;

    public static DateTimeOffset WallTime(double at) => StartedAt.AddSeconds(at);

    /// <summary>A line on stderr with the UTC time (as the services' logs have it) and the seconds since start.</summary>
    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[chaos {DateTime.UtcNow:HH:mm:ss} +{Now:0.0}s] {message}"));

    /// <summary>Waits until <paramref name="at"/> (seconds since start); returns at once when it has passed.</summary>
    public static Task Until(double at, CancellationToken ct) =>
        at - Now is var wait && wait > 0 ? Task.Delay(TimeSpan.FromSeconds(wait), ct) : Task.CompletedTask;
}
