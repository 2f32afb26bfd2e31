using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Npgsql;

namespace RunRestore.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against, decided once per test process:
/// 1. RUNRESTORE_TEST_POSTGRES and RUNRESTORE_TEST_RABBITMQ (+ RUNRESTORE_TEST_RABBITMQ_MANAGEMENT) when set;
/// 2. else Testcontainers when a Docker engine answers;
/// 3. else throwaway servers started from the machine's PostgreSQL and RabbitMQ binaries (deploy/local scripts).
/// Each test class then gets its own schema names and its own RabbitMQ virtual host (<see cref="TestClassStorage"/>).
/// </summary>
public sealed class TestInfrastructure
{
    private static readonly Lazy<Task<TestInfrastructure>> Shared = new(StartAsync);

    private TestInfrastructure(string mode, string postgres, Uri rabbitAmqp, Uri rabbitManagement)
    {
        Mode = mode;
        PostgresConnectionString = postgres;
        RabbitAmqp = rabbitAmqp;
        RabbitManagement = rabbitManagement;
    }

    /// <summary>"environment", "testcontainers" or "local".</summary>
    public string Mode { get; }

    public string PostgresConnectionString { get; }

    /// <summary>amqp://user:password@host:port/ of the broker (default vhost).</summary>
    public Uri RabbitAmqp { get; }

    /// <summary>http://host:port/ of the RabbitMQ management API (used to create virtual hosts).</summary>
    public Uri RabbitManagement { get; }

    public static Task<TestInfrastructure> GetAsync() => Shared.Value;

    private static async Task<TestInfrastructure> StartAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("RUNRESTORE_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("RUNRESTORE_TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            var management = Environment.GetEnvironmentVariable("RUNRESTORE_TEST_RABBITMQ_MANAGEMENT")
                ?? $"http://{new Uri(rabbit).Host}:15672/";
            return await ReadyAsync(new TestInfrastructure("environment", postgres, new Uri(rabbit), new Uri(management)));
        }

        if (await ContainerServers.DockerAnswersAsync())
        {
            var (pg, amqp, mgmt) = await ContainerServers.StartAsync();
            return await ReadyAsync(new TestInfrastructure("testcontainers", pg, amqp, mgmt));
        }

        var local = await LocalServers.StartAsync();
        return await ReadyAsync(new TestInfrastructure("local", local.Postgres, local.RabbitAmqp, local.RabbitManagement));
    }

    private static async Task<TestInfrastructure> ReadyAsync(TestInfrastructure infrastructure)
    {
        await using var connection = new NpgsqlConnection(infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await infrastructure.GrantServiceUsersAsync("/");
        return infrastructure;
    }

    /// <summary>The administrator's user name and password (from <see cref="RabbitAmqp"/>): tests and operators keep it.</summary>
    public (string User, string Password) RabbitAdmin
    {
        get
        {
            var userInfo = Uri.UnescapeDataString(RabbitAmqp.UserInfo).Split(':', 2);
            return (userInfo[0], userInfo[1]);
        }
    }

    /// <summary>
    /// The password of a service's own broker user (intake, assessment, programming), as deploy/local/rabbitmq-users.sh
    /// sets it and services/&lt;Service&gt;/appsettings.Development.json reads it.
    /// </summary>
    public static string ServicePassword(string service) => $"{service}-local-dev";

    /// <summary>
    /// A fresh RabbitMQ virtual host and its amqp URI (with the administrator's credentials, full rights); the services'
    /// own users get their rights on it the way deploy/local gives them (rabbitmq-users.sh).
    /// </summary>
    public async Task<Uri> CreateVirtualHostAsync(string name)
    {
        using var http = ManagementClient();
        var vhost = Uri.EscapeDataString(name);
        // Start clean: a vhost left by an earlier run of the same class would hold its old queues.
        using (await http.DeleteAsync($"api/vhosts/{vhost}")) { }
        (await http.PutAsJsonAsync($"api/vhosts/{vhost}", new { })).EnsureSuccessStatusCode();
        (await http.PutAsJsonAsync($"api/permissions/{vhost}/{Uri.EscapeDataString(RabbitAdmin.User)}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        await GrantServiceUsersAsync(name);
        return new UriBuilder(RabbitAmqp) { Path = "/" + vhost }.Uri;
    }

    /// <summary>Drops <paramref name="schemas"/> and everything in them, if they exist.</summary>
    public async Task DropSchemasAsync(params string[] schemas)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString);
        await connection.OpenAsync();
        foreach (var schema in schemas)
        {
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>An HTTP client for the management API, signed in as the administrator.</summary>
    public HttpClient ManagementClient()
    {
        var http = new HttpClient { BaseAddress = RabbitManagement, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitAdmin.User}:{RabbitAdmin.Password}")));
        return http;
    }

    private async Task GrantServiceUsersAsync(string vhost) =>
        await ShellScript.RunAsync(Path.Combine(LocalServers.RepositoryRoot(), "deploy", "local", "rabbitmq-users.sh"), [vhost],
            new Dictionary<string, string>
            {
                ["RR_RABBIT_MGMT_URL"] = RabbitManagement.ToString(),
                ["RR_RABBIT_ADMIN"] = $"{RabbitAdmin.User}:{RabbitAdmin.Password}",
            }, TimeSpan.FromMinutes(1));
}
