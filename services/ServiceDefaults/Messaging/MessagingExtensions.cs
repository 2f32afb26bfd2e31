using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.ServiceDefaults.Messaging;

/// <summary>MassTransit on RabbitMQ ("RabbitMq:Uri"), queues named after the service.</summary>
public static class MessagingExtensions
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder, string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? endpoints = null)
    {
        builder.Services.AddMassTransit(bus =>
        {
            // Queues are "<service>-<consumer>" so each service gets its own copy of every event it consumes.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            consumers?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var uri = context.GetRequiredService<IConfiguration>()["RabbitMq:Uri"]
                    ?? throw new InvalidOperationException("RabbitMq:Uri is not configured.");
                rabbit.Host(new Uri(uri), host => host.ConnectionName(serviceName));
                // The Debian broker has no delayed-message plugin (TECH-NOTES.md): immediate retries, then <queue>_error.
                // Bad input never gets better by retrying: straight to the error queue with the reason.
                rabbit.UseMessageRetry(r =>
                {
                    r.Ignore<InvalidRequestException>();
                    r.Ignore<PreconditionFailedException>();
                    r.Intervals(100, 500, 1000, 2000, 5000);
                });
                endpoints?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        // Consumers' queues exist before the host reports started, so nothing published later is dropped.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }
}
