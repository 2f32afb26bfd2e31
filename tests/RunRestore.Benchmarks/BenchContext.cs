using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using RunRestore.Common.V1;
using RunRestore.Intake.V1;
using RunRestore.Testing;

namespace RunRestore.Benchmarks;

/// <summary>What every phase shares: options, the report, the database, gRPC channels with a clinic's token.</summary>
internal sealed class BenchContext : IAsyncDisposable
{
    public const string Clinic = "bench-clinic";

    public BenchContext(BenchOptions options)
    {
        Options = options;
        Cpu = new CpuMonitor(options);
        Db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.Postgres) { MaxPoolSize = 40 }.ConnectionString);
        Auth = new Metadata { { "authorization", $"Bearer {DevelopmentAuth.AllScopes(options.Repo, Clinic, TimeSpan.FromHours(2))}" } };
    }

    public BenchOptions Options { get; }
    public Report Report { get; } = new();
    public CpuMonitor Cpu { get; }
    public NpgsqlDataSource Db { get; }
    public Metadata Auth { get; }
    public bool Smoke => Options.Smoke;
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A channel of its own (one HTTP/2 connection): one per simulated client.</summary>
    public static GrpcChannel Channel(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        },
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        MaxSendMessageSize = 64 * 1024 * 1024,
    });

    public CallOptions Call(CancellationToken ct, double deadlineSeconds = 60) =>
        new(headers: Auth, deadline: DateTime.UtcNow.AddSeconds(deadlineSeconds), cancellationToken: ct);

    public static void Log(string message) =>
        Console.Error.WriteLine($"[bench {DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>Runners and runs as a partner app would send them.</summary>
internal static class Runs
{
    public const string Partner = "bench-app";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An easy-to-long run of 5-12 km at 5:00-6:00 min/km, as a partner app sends it (with its own id).</summary>
    public static RunInput Easy(DateOnly date, Random rng)
    {
        var km = Math.Round(5 + rng.NextDouble() * 7, 2);
        return new RunInput
        {
            Date = Iso(date),
            DistanceKm = km,
            DurationSeconds = (int)(km * (300 + rng.Next(0, 60))),
            SessionType = rng.Next(0, 5) == 0 ? SessionType.Long : SessionType.Easy,
            Rpe = rng.Next(3, 7),
            AverageHeartRate = 130 + rng.Next(0, 30),
            CadenceSpm = 165 + rng.Next(0, 15),
            Surface = Surface.Road,
            Partner = Partner,
            ExternalId = Guid.NewGuid().ToString("N"),
        };
    }

    /// <summary>Registers <paramref name="count"/> runners through intake; returns their ids in order.</summary>
    public static async Task<string[]> RegisterAsync(BenchContext ctx, GrpcChannel channel, int count, string name,
        CancellationToken ct)
    {
        var client = new IntakeService.IntakeServiceClient(channel);
        var ids = new string[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, c) =>
            {
                var response = await client.RegisterRunnerAsync(new RegisterRunnerRequest
                {
                    DisplayName = $"{name} {i}",
                    BirthYear = 1970 + i % 35,
                    Sex = i % 2 == 0 ? Sex.Female : Sex.Male,
                }, ctx.Call(c));
                ids[i] = response.Runner.RunnerId;
            });
        return ids;
    }
}
