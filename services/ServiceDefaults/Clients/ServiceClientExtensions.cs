using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RunRestore.Auth;

namespace RunRestore.ServiceDefaults.Clients;

/// <summary>gRPC clients for reads between services that must be fresh at the moment of a decision.</summary>
public static class ServiceClientExtensions
{
    /// <summary>
    /// A client of another RunRestore service at "Services:{name}" (e.g. Services:Intake = http://127.0.0.1:5101):
    /// retries UNAVAILABLE a few times (gRPC service config: HTTP resilience handlers cannot see gRPC statuses), and
    /// forwards the caller's bearer token, so the other service applies the same clinic and scopes.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient<TClient>(this IServiceCollection services, string name,
        params string[] serviceScopes)
        where TClient : ClientBase
    {
        services.AddHttpClient(ServiceIdentity.TokenClient);
        services.TryAddSingleton<ServiceIdentity>();
        services.AddTransient(sp => new ForwardCallerToken(sp.GetRequiredService<IHttpContextAccessor>(),
            sp.GetRequiredService<ServiceIdentity>(), serviceScopes));
        return services.AddGrpcClient<TClient>((sp, options) =>
            {
                options.Address = new Uri(sp.GetRequiredService<IConfiguration>()[$"Services:{name}"]
                    ?? throw new InvalidOperationException($"Services:{name} (the address of the {name} service) is not configured."));
            })
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            })
            .AddHttpMessageHandler<ForwardCallerToken>();
    }

    // In a request: the caller's token (same clinic, same scopes). Outside one (a consumer): this service's own token and
    // the clinic it acts for.
    private sealed class ForwardCallerToken(IHttpContextAccessor http, ServiceIdentity identity, string[] serviceScopes)
        : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (http.HttpContext?.Request.Headers.Authorization.ToString() is { Length: > 0 } authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }
            else if (ServiceIdentity.ActingFor is { } clinic)
            {
                var token = await identity.TokenAsync(serviceScopes, cancellationToken).ConfigureAwait(false);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
                request.Headers.TryAddWithoutValidation(Scopes.ActForClinicHeader, clinic);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
