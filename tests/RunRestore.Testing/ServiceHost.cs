using System.Diagnostics;
using Grpc.Net.Client;
using JasperFx.Events.Daemon;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace RunRestore.Testing;

/// <summary>Where one service under test keeps its data: a schema in the shared database and a RabbitMQ vhost.</summary>
public sealed record ServiceStorage(string PostgresConnectionString, string Schema, Uri RabbitUri);

/// <summary>
/// One RunRestore service in memory (its real Program, gRPC pipeline, Marten and MassTransit) against the
/// real PostgreSQL and RabbitMQ of <see cref="TestInfrastructure"/>. <typeparamref name="TEntryPoint"/> is any type
/// of the service's assembly.
/// </summary>
public sealed class ServiceHost<TEntryPoint>(ServiceStorage storage, DaemonMode daemonMode = DaemonMode.Solo,
    ICollection<Activity>? exportedActivities = null, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", storage.PostgresConnectionString);
        builder.UseSetting("EventStore:Schema", storage.Schema);
        builder.UseSetting("EventStore:DaemonMode", daemonMode.ToString());
        builder.UseSetting("RabbitMq:Uri", storage.RabbitUri.ToString());
        // As the service's own broker user, as deploy/run.sh runs it ("RunRestore.Intake" → intake).
        var service = typeof(TEntryPoint).Assembly.GetName().Name!["RunRestore.".Length..].ToLowerInvariant();
        builder.UseSetting("RabbitMq:User", service);
        builder.UseSetting("RabbitMq:Password", TestInfrastructure.ServicePassword(service));
        builder.UseSetting("Auth:SigningKey", TestTokens.Options.SigningKey);
        builder.UseSetting("Auth:Issuer", TestTokens.Options.Issuer);
        builder.UseSetting("Auth:Audience", TestTokens.Options.Audience);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }

        if (exportedActivities is not null)
        {
            builder.ConfigureServices(services =>
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exportedActivities)));
        }
    }

    /// <summary>A gRPC channel to this host that sends <paramref name="token"/> as a bearer token (none when null).</summary>
    public GrpcChannel Channel(string? token) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = token is null ? Server.CreateHandler() : new BearerTokenHandler(token, Server.CreateHandler()),
            DisposeHttpClient = true,
        });

    private sealed class BearerTokenHandler(string token, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
