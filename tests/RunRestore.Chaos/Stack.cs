using Grpc.Net.Client;
using Npgsql;
using RunRestore.Assessment.V1;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;
using RunRestore.Testing;

namespace RunRestore.Chaos;

/// <summary>
/// What the run talks to: the three services over gRPC (several intake connections, so one broken connection does not
/// stall every client), their health endpoints, the PostgreSQL they share (read-only queries for the checks), and the
/// deploy/local scripts that restart a server or a service.
/// </summary>
internal sealed class Stack : IAsyncDisposable
{
    public static readonly string[] Services = ["intake", "assessment", "programming"];
    private static readonly string[] ClinicIds = ["chaos-clinic-a", "chaos-clinic-b"];
    private readonly List<GrpcChannel> _channels = [];
    private readonly IntakeService.IntakeServiceClient[] _intake;
    private readonly ChaosOptions _options;
    private int _next;

    public Stack(ChaosOptions options)
    {
        _options = options;
        var lifetime = TimeSpan.FromHours(3);
        Clinics = [.. ClinicIds.Select(id => new Clinic(id, DevelopmentAuth.AllScopes(options.Repo, id, lifetime)))];
        _intake = [.. Enumerable.Range(0, 4).Select(_ => new IntakeService.IntakeServiceClient(Channel("intake")))];
        Assessment = new AssessmentService.AssessmentServiceClient(Channel("assessment"));
        Programming = new ProgrammingService.ProgrammingServiceClient(Channel("programming"));
        Db = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.Postgres)
        {
            ApplicationName = "runrestore-chaos",
            Timeout = 3,
            CommandTimeout = 30,
            MaxPoolSize = 4,
        }.ConnectionString);
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
    }

    public IReadOnlyList<Clinic> Clinics { get; }
    public AssessmentService.AssessmentServiceClient Assessment { get; }
    public ProgrammingService.ProgrammingServiceClient Programming { get; }
    public NpgsqlDataSource Db { get; }
    public HttpClient Http { get; }

    /// <summary>An intake client, round robin over the shared connections.</summary>
    public IntakeService.IntakeServiceClient Intake => _intake[(Interlocked.Increment(ref _next) & int.MaxValue) % _intake.Length];

    /// <summary>A client on a connection of its own (one of the 8 writers to one runner).</summary>
    public IntakeService.IntakeServiceClient OwnIntakeClient() => new(Channel("intake"));

    public Uri HealthOf(string service) => new(_options.Health[service], "/health/ready");

    /// <summary>Runs deploy/local/<paramref name="script"/> with this process's environment (the ports chaos.sh exported).</summary>
    public async Task<string> ScriptAsync(string script, params string[] args)
    {
        var output = await ShellScript.RunAsync(Path.Combine(_options.Repo, "deploy", "local", script), args, null, TimeSpan.FromSeconds(120));
        return output.Trim();
    }

    private GrpcChannel Channel(string service)
    {
        var channel = GrpcChannel.ForAddress(_options.Grpc[service], new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                ConnectTimeout = TimeSpan.FromSeconds(2),
                // A killed process's connections are reset by the kernel; pings catch a peer that vanished silently.
                KeepAlivePingDelay = TimeSpan.FromSeconds(5),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(5),
                KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            },
            MaxReceiveMessageSize = 32 * 1024 * 1024,
        });
        _channels.Add(channel);
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        Http.Dispose();
        await Db.DisposeAsync();
    }
}
