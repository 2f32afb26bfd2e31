using JasperFx.Events.Projections;
using RunRestore.Intake.Messaging;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;

namespace RunRestore.Intake;

/// <summary>Intake's streams, read models and outward events.</summary>
public static class IntakeModule
{
    public const string ServiceName = "intake";

    public static WebApplicationBuilder AddIntake(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(ServiceName, opts =>
            {
                // Two write models over the same runner stream: the profile, and the training window the load rules need.
                opts.Projections.Snapshot<Runner>(SnapshotLifecycle.Inline);
                opts.Projections.Snapshot<TrainingLog>(SnapshotLifecycle.Inline);
                opts.Schema.For<PartnerActivity>();
            })
            .AddSubscriptionWithServices<EventForwarder>(ServiceLifetime.Singleton);
        builder.Services.AddSingleton<IIntegrationEventMap, IntakeIntegrationEvents>();
        // Flags as of the runner's today, every day (DOMAIN.md "Load", rule set v2).
        builder.Services.AddSingleton<LoadFlagMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LoadFlagMonitor>());
        builder.AddMessaging(ServiceName);
        return builder;
    }
}
