using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RunRestore.ServiceDefaults.Messaging;

/// <summary>
/// Not ready (Unhealthy, 503) while the broker does not accept connections. MassTransit's own bus check only reports
/// Degraded (200) for a lost broker, and nothing at all for a service without receive endpoints (intake), whose
/// forwarder would then quietly fall behind.
/// </summary>
public sealed class RabbitMqHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public const string Name = "rabbitmq";
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(configuration["RabbitMq:Uri"] ?? throw new InvalidOperationException("RabbitMq:Uri is not configured."));
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(uri.Host, port, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{uri.Host}:{port} accepts connections");
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"the broker at {uri.Host}:{port} does not accept connections");
        }
    }
}
