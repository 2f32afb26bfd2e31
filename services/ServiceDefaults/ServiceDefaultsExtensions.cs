using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RunRestore.ServiceDefaults.Auth;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.Health;
using RunRestore.ServiceDefaults.Idempotency;
using RunRestore.ServiceDefaults.Telemetry;

namespace RunRestore.ServiceDefaults;

/// <summary>What every RunRestore host has, so each Program.cs only says what is its own.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Tag on health checks that must pass before the service takes traffic.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Telemetry, health, JWT auth with clinic tenancy, gRPC with the shared error model and reflection.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<RequestIdempotency>();
        builder.AddRunRestoreTelemetry(serviceName);
        builder.AddClinicAuthentication();
        builder.Services.AddHealthChecks();
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<GrpcErrorInterceptor>();
            options.Interceptors.Add<IdempotencyInterceptor>();
            options.EnableDetailedErrors = false;
            // Above this a request is RESOURCE_EXHAUSTED before it is read (issue 12): intake's ImportRuns carries up to
            // 5,000 runs (~460 bytes each at most), the other services' writes are a form's worth.
            options.MaxReceiveMessageSize = MaxRequestBytes(serviceName);
        });
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("", r => r.Tags.Contains(ReadyTag)));
        return builder;
    }

    /// <summary>The largest request message a service reads: 4 MB for intake, 256 KB for the others.</summary>
    public static int MaxRequestBytes(string serviceName) => serviceName == "intake" ? 4 * 1024 * 1024 : 256 * 1024;

    /// <summary>Maps health (HTTP and gRPC) and reflection, all without a token, and turns auth on.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // Live: the process answers.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        // Ready: PostgreSQL and RabbitMQ answer and the event pipeline keeps up (503 when not; the body says why).
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(ReadyTag),
            ResponseWriter = HealthJson.WriteAsync,
        }).AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }

    /// <summary>Maps a gRPC service; every method needs a token unless it says otherwise.</summary>
    public static GrpcServiceEndpointConventionBuilder MapRunRestoreGrpcService<TService>(this IEndpointRouteBuilder app)
        where TService : class => app.MapGrpcService<TService>();
}
