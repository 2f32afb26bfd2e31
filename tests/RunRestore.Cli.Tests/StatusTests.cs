using System.Net;
using System.Net.Sockets;
using System.Text;
using RunRestore.Cli.App;
using RunRestore.Cli.Commands;
using RunRestore.Cli.Health;
using RunRestore.Cli.Views;
using Spectre.Console;
using Xunit;

namespace RunRestore.Cli.Tests;

/// <summary>`runrestore status`: reading /health/ready answers, the tables, the exit codes, and one real HTTP round trip.</summary>
public sealed class StatusTests
{
    private static readonly Uri Url = new("http://127.0.0.1:5201/health/ready");

    // The shape the services answer with, plus a field this client does not know.
    private const string DegradedReport = """
        {"status":"Degraded","service":"intake","uptimeSeconds":12,
         "checks":[{"name":"postgres","status":"Healthy","description":null,"durationMs":1.2},
                   {"name":"rabbitmq","status":"Healthy","description":"connected","durationMs":0.4},
                   {"name":"event-pipeline","status":"Degraded","description":"integration-events:All is 42 events / 35.0 s behind","durationMs":3}],
         "pipeline":{"newestSequence":1234,"measuredAt":"2026-11-25T10:00:00Z",
                     "progressions":[{"name":"integration-events:All","position":1192,"eventsBehind":42,"secondsBehind":35.0},
                                     {"name":"TrainingLog:All","position":1234,"eventsBehind":0,"secondsBehind":0}]}}
        """;

    private const string HealthyReport = """
        {"status":"Healthy","service":"assessment","checks":[{"name":"postgres","status":"Healthy","description":null,"durationMs":0.8}],"pipeline":null}
        """;

    private const string UnhealthyReport = """
        {"status":"Unhealthy","service":"programming","checks":[{"name":"postgres","status":"Unhealthy","description":"Failed to connect to 127.0.0.1:54329","durationMs":5001.3}],"pipeline":null}
        """;

    [Fact]
    public void The_report_gives_the_state_each_check_and_each_progressions_lag()
    {
        var health = ServiceHealth.Parse("intake", Url, 200, DegradedReport);

        Assert.Equal(HealthState.Degraded, health.State);
        Assert.Null(health.Reason);
        Assert.Equal("intake", health.ReportedService);
        Assert.Equal(["postgres", "rabbitmq", "event-pipeline"], health.Checks.Select(c => c.Name));
        Assert.Equal(new HealthCheckResult("event-pipeline", "Degraded", "integration-events:All is 42 events / 35.0 s behind", 3),
            health.Checks[2]);
        Assert.Null(health.Checks[0].Description);
        Assert.Equal(1234, health.Pipeline!.NewestSequence);
        Assert.Equal(new ProgressionLag("integration-events:All", 1192, 42, 35.0), health.Pipeline.Progressions[0]);
    }

    [Fact]
    public void Missing_null_and_unexpected_fields_are_tolerated()
    {
        var health = ServiceHealth.Parse("intake", Url, 200, """
            {"status":"healthy","checks":[{"name":"postgres"},{"status":"Healthy","durationMs":"fast"},7],
             "pipeline":{"progressions":[{"name":"p","eventsBehind":null,"secondsBehind":"n/a"}]},"extra":[1,2]}
            """);

        Assert.Equal(HealthState.Healthy, health.State);
        Assert.Null(health.ReportedService);
        Assert.Equal([new HealthCheckResult("postgres", "?", null, null), new HealthCheckResult("?", "Healthy", null, null)],
            health.Checks);
        Assert.Null(health.Pipeline!.NewestSequence);
        Assert.Equal(new ProgressionLag("p", null, null, null), Assert.Single(health.Pipeline.Progressions));
        Assert.Null(ServiceHealth.Parse("intake", Url, 200, HealthyReport).Pipeline);
    }

    [Theory]
    [InlineData(200, "Healthy")]
    [InlineData(200, "Degraded")]
    [InlineData(503, "Unhealthy")]
    public void The_plain_text_body_of_a_default_health_endpoint_is_read_too(int code, string body)
    {
        var health = ServiceHealth.Parse("intake", Url, code, body);

        Assert.Equal(body, health.State.ToString());
        Assert.Null(health.Reason);
        Assert.Empty(health.Checks);
    }

    [Fact]
    public void The_worse_of_the_http_status_and_the_body_wins()
    {
        Assert.Equal(HealthState.Unhealthy, ServiceHealth.Parse("intake", Url, 503, HealthyReport).State);
        Assert.Equal(HealthState.Unhealthy, ServiceHealth.Parse("intake", Url, 200, UnhealthyReport).State);

        var notFound = ServiceHealth.Parse("intake", Url, 404, "<html>Not Found</html>");
        Assert.Equal(HealthState.Unhealthy, notFound.State);
        Assert.StartsWith("HTTP 404; not a health report: '<html>Not Found</html>'", notFound.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("{\"status\":\"Warming\"}")]
    [InlineData("{\"checks\":[]}")]
    [InlineData("{\"status\":")]
    public void A_200_that_names_no_known_status_confirms_nothing_and_counts_as_unhealthy(string body)
    {
        var health = ServiceHealth.Parse("intake", Url, 200, body);

        Assert.Equal(HealthState.Unhealthy, health.State);
        Assert.NotNull(health.Reason);
    }

    [Theory]
    [InlineData(0, "Healthy Healthy Healthy")]
    [InlineData(1, "Healthy Degraded Healthy")]
    [InlineData(1, "Degraded Degraded Degraded")]
    [InlineData(2, "Degraded Unhealthy Healthy")]
    [InlineData(2, "Healthy Healthy Unreachable")]
    [InlineData(2, "Degraded Degraded Unreachable")]
    public void Exit_code_0_all_healthy_1_any_degraded_2_any_unhealthy_or_unreachable(int expected, string states)
    {
        var services = states.Split(' ').Select(s => new ServiceHealth("x", Url, Enum.Parse<HealthState>(s), 200, null, null, [], null));

        Assert.Equal(expected, StatusExitCodes.For(services));
    }

    [Fact]
    public void The_tables_show_each_check_with_its_description_each_lag_and_an_unreachable_service_with_its_reason()
    {
        var text = Render(StatusView.Services([
            ServiceHealth.Parse("intake", Url, 200, DegradedReport),
            ServiceHealth.Parse("assessment", new Uri("http://127.0.0.1:5202/health/ready"), 200, HealthyReport),
            ServiceHealth.Unreachable("programming", new Uri("http://127.0.0.1:5203/health/ready"), "Connection refused (127.0.0.1:5203)"),
        ]));

        Assert.Contains("intake: Degraded", text, StringComparison.Ordinal);
        Assert.Contains("integration-events:All is 42 events / 35.0 s behind", text, StringComparison.Ordinal);
        Assert.Matches(@"integration-events:All\s*│\s*1192\s*│\s*42\s*│\s*35\.0", text);
        Assert.Contains("newest event sequence 1234", text, StringComparison.Ordinal);
        Assert.Contains("assessment: Healthy", text, StringComparison.Ordinal);
        Assert.Contains("programming: unreachable (Connection refused (127.0.0.1:5203))", text, StringComparison.Ordinal);
        Assert.Contains("overall: unreachable (exit 2)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_that_names_itself_differently_is_pointed_out()
    {
        var text = Render(StatusView.Service(ServiceHealth.Parse("programming", Url, 200, HealthyReport)));

        Assert.Contains("answers as  assessment (is the address right?)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_address_gets_the_readiness_path_and_one_with_a_path_is_used_as_given()
    {
        Assert.Equal("http://10.0.0.5:5201/health/ready", HealthEndpoints.Ready(new Uri("http://10.0.0.5:5201")).ToString());
        Assert.Equal("http://lb/intake/health/ready", HealthEndpoints.Ready(new Uri("http://lb/intake/health/ready")).ToString());

        var endpoints = HealthEndpoints.From("http://10.0.0.5:5201/", "https://a.example", null);
        Assert.Equal("https://a.example/health/ready", endpoints.Assessment.ToString());
        Assert.Throws<CliUsageException>(() => HealthEndpoints.From("10.0.0.5:5201", null, null));
    }

    [Fact]
    public async Task Against_real_http_endpoints_degraded_unhealthy_and_unreachable_give_exit_2()
    {
        await using var intake = LocalHealthServer.Start(200, DegradedReport);
        await using var assessment = LocalHealthServer.Start(503, UnhealthyReport.Replace("programming", "assessment", StringComparison.Ordinal));
        var nothing = new Uri($"http://127.0.0.1:{FreePort()}");
        var (console, output) = Console();

        var exit = await StatusCommand.RunAsync(HealthEndpoints.From(intake.Address, assessment.Address, nothing.ToString()),
            TimeSpan.FromSeconds(5), console, CancellationToken.None);

        Assert.Equal(2, exit);
        var text = output.ToString();
        Assert.Contains("intake: Degraded", text, StringComparison.Ordinal);
        Assert.Contains("integration-events:All is 42 events / 35.0 s behind", text, StringComparison.Ordinal);
        Assert.Contains("assessment: Unhealthy", text, StringComparison.Ordinal);
        Assert.Contains("Failed to connect to 127.0.0.1:54329", text, StringComparison.Ordinal);
        Assert.Contains("programming: unreachable (", text, StringComparison.Ordinal);
        Assert.Equal(["/health/ready"], intake.Paths);
    }

    [Fact]
    public async Task The_command_line_takes_the_health_addresses_and_exits_0_when_all_are_healthy()
    {
        await using var server = LocalHealthServer.Start(200, HealthyReport);

        var exit = await CliApp.RunAsync(["status", "--intake-health", server.Address, "--assessment-health", server.Address,
            "--programming-health", server.Address, "--timeout", "5"]);

        Assert.Equal(0, exit);
        Assert.Equal(3, server.Paths.Count);
    }

    private static (IAnsiConsole Console, StringWriter Output) Console()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 200;
        return (console, output);
    }

    private static string Render(IEnumerable<Spectre.Console.Rendering.IRenderable> parts)
    {
        var (console, output) = Console();
        foreach (var part in parts)
        {
            console.Write(part);
        }

        return output.ToString();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    /// <summary>A real HTTP/1.1 listener on a free loopback port that answers every GET with one status and body.</summary>
    private sealed class LocalHealthServer : IAsyncDisposable
    {
        private readonly HttpListener _listener;
        private readonly Task _loop;
        private readonly List<string> _paths = [];

        private LocalHealthServer(HttpListener listener, int status, string body)
        {
            _listener = listener;
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    lock (_paths)
                    {
                        _paths.Add(context.Request.Url!.AbsolutePath);
                    }

                    var bytes = Encoding.UTF8.GetBytes(body);
                    context.Response.StatusCode = status;
                    context.Response.ContentType = "application/json; charset=utf-8";
                    context.Response.ContentLength64 = bytes.Length;
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Address => _listener.Prefixes.Single();

        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (_paths)
                {
                    return [.. _paths];
                }
            }
        }

        public static LocalHealthServer Start(int status, string body)
        {
            for (var attempt = 0; ; attempt++)
            {
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{FreePort()}/");
                try
                {
                    listener.Start();
                    return new LocalHealthServer(listener, status, body);
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                    listener.Close(); // the port was taken between finding it and listening on it: another one
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
