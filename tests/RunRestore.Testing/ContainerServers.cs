using System.Net.Sockets;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace RunRestore.Testing;

/// <summary>PostgreSQL 15 and RabbitMQ 3.10 (with management) in containers, where a Docker engine answers.</summary>
internal static class ContainerServers
{
    public static async Task<bool> DockerAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return true; // a remote engine: let Testcontainers try it
        }

        var socket = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host["unix://".Length..];
        if (!File.Exists(socket))
        {
            return false;
        }

        try
        {
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(new UnixDomainSocketEndPoint(socket), cts.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    public static async Task<(string Postgres, Uri Amqp, Uri Management)> StartAsync()
    {
        var postgres = new PostgreSqlBuilder("postgres:15").WithDatabase("runrestore").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3.10-management")
            .WithUsername("guest").WithPassword("guest").WithPortBinding(15672, true).Build();
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var management = new Uri($"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/");
        return (postgres.GetConnectionString(), new Uri(rabbit.GetConnectionString()), management);
    }
}
