using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using RunRestore.Contracts;
using RunRestore.Contracts.Clinics;

namespace RunRestore.Cli.Clinics;

/// <summary>Where a clinic's system connects and what it may do there, as <c>runrestore clinic add</c> prints it.</summary>
public sealed record ClinicConnection(string Clinic, string User, string Password, bool Created, Uri AmqpUri,
    string EventsExchange, string BindingKey, string QueuePrefix, string InboundExchange, string InboundRoutingKey);

/// <summary>
/// Provisions a clinic on the broker (ARCHITECTURE.md, "Clinics on the broker") through the RabbitMQ management HTTP API
/// (the rabbitmq_management plugin of Debian's rabbitmq-server, which deploy/local enables): the user
/// "clinic.&lt;id&gt;" with a new random password, its vhost permissions and topic permissions
/// (<see cref="ClinicBrokerRights"/>), and the two clinic exchanges, so the clinic can bind before any service has
/// published. Idempotent: running it again for the same clinic sets the same rights and <b>rotates</b> the password (the
/// broker keeps only a hash, so the old one cannot be printed again; connections already open stay open).
/// </summary>
public sealed class ClinicProvisioning(Uri management, string adminUser, string adminPassword, Uri amqp) : IDisposable
{
    private readonly HttpClient _http = Client(management, adminUser, adminPassword);

    /// <summary>The vhost of the AMQP URI: its path, "/" when empty (as RabbitMQ.Client reads it).</summary>
    public string VirtualHost { get; } = amqp.AbsolutePath.Trim('/') is { Length: > 0 } path ? Uri.UnescapeDataString(path) : "/";

    public async Task<ClinicConnection> AddAsync(string clinic, CancellationToken ct)
    {
        var rights = ClinicBrokerRights.For(clinic);
        var vhost = Uri.EscapeDataString(VirtualHost);
        var user = Uri.EscapeDataString(rights.User);
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

        using var existing = await SendAsync(HttpMethod.Get, $"api/users/{user}", null, ct, HttpStatusCode.NotFound);
        var created = existing.StatusCode == HttpStatusCode.NotFound;
        foreach (var exchange in new[] { ClinicRouting.EventsExchange, ClinicRouting.InboundExchange })
        {
            // The same arguments the services declare them with; a PUT of an existing exchange with them is a no-op.
            (await SendAsync(HttpMethod.Put, $"api/exchanges/{vhost}/{Uri.EscapeDataString(exchange)}",
                new { type = "topic", durable = true, auto_delete = false, @internal = false, arguments = new { } }, ct)).Dispose();
        }

        (await SendAsync(HttpMethod.Put, $"api/users/{user}", new { password, tags = "" }, ct)).Dispose();
        (await SendAsync(HttpMethod.Put, $"api/permissions/{vhost}/{user}",
            new { configure = rights.Configure, write = rights.Write, read = rights.Read }, ct)).Dispose();
        // Exactly these topic permissions: drop any older ones first (404 when there are none).
        (await SendAsync(HttpMethod.Delete, $"api/topic-permissions/{vhost}/{user}", null, ct, HttpStatusCode.NotFound)).Dispose();
        foreach (var topic in rights.Topics)
        {
            (await SendAsync(HttpMethod.Put, $"api/topic-permissions/{vhost}/{user}",
                new { exchange = topic.Exchange, write = topic.Write, read = topic.Read }, ct)).Dispose();
        }

        var uri = new UriBuilder(amqp)
        {
            UserName = Uri.EscapeDataString(rights.User),
            Password = Uri.EscapeDataString(password),
            Path = VirtualHost == "/" ? "/" : "/" + Uri.EscapeDataString(VirtualHost),
        }.Uri;
        return new ClinicConnection(clinic, rights.User, password, created, uri, ClinicRouting.EventsExchange,
            ClinicRouting.PrefixOf(clinic) + "#", ClinicRouting.PrefixOf(clinic), ClinicRouting.InboundExchange,
            ClinicRouting.InboundKey(clinic));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken ct,
        HttpStatusCode? alsoFine = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new ClinicProvisioningException(
                $"the RabbitMQ management API at {_http.BaseAddress} does not answer ({ex.Message}); is the broker running with the rabbitmq_management plugin?",
                unreachable: true);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == alsoFine)
        {
            return response;
        }

        var detail = await response.Content.ReadAsStringAsync(ct);
        response.Dispose();
        throw new ClinicProvisioningException(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? $"the RabbitMQ management API refused the administrator ({(int)response.StatusCode}): check --admin"
            : $"{method} {path} answered {(int)response.StatusCode}: {detail[..Math.Min(detail.Length, 200)]}", unreachable: false);
    }

    private static HttpClient Client(Uri management, string user, string password)
    {
        var http = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return http;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>The broker could not be reached or refused a provisioning step: exit 4 (unreachable) or 1.</summary>
public sealed class ClinicProvisioningException(string message, bool unreachable) : Exception(message)
{
    public bool Unreachable { get; } = unreachable;
}
