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
            // MassTransit's check ("bus") reports its receive endpoints; "rabbitmq" below makes a lost broker not ready.
            bus.ConfigureHealthCheckOptions(o => o.Name = "bus");
            bus.UsingRabbitMq((context, rabbit) =>
            {
                // As the service's own broker user (RabbitMqAddress), never a clinic's or the operators'.
                var uri = RabbitMqAddress.ServiceUri(context.GetRequiredService<IConfiguration>());
                rabbit.Host(uri, host => host.ConnectionName(serviceName));
                // The Debian broker has no delayed-message plugin (TECH-NOTES.md): in-process retries, then <queue>_error.
                // They last ~2 minutes, longer than a PostgreSQL restart or a lost version race takes to pass, so an
                // outage delays an effect but never sends its message to the error queue.
                // Bad input never gets better by retrying: straight to the error queue with the reason.
                rabbit.UseMessageRetry(r =>
                {
                    r.Ignore<InvalidRequestException>();
                    r.Ignore<PreconditionFailedException>();
                    r.Exponential(15, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(400));
                });
                endpoints?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        builder.Services.AddHealthChecks().AddCheck<RabbitMqHealthCheck>(RabbitMqHealthCheck.Name, tags: [ServiceDefaultsExtensions.ReadyTag]);
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
