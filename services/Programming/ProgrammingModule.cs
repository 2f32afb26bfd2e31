using JasperFx.Events.Projections;
using RunRestore.Auth;
using RunRestore.Intake.V1;
using RunRestore.Programming.Messaging;
using RunRestore.Programming.Planning;
using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.RedFlags;
using RunRestore.Programming.Running;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Programming;

/// <summary>The programming service's streams, read models, the events it consumes and the intake client.</summary>
public static class ProgrammingModule
{
    public const string ServiceName = "programming";

    public static WebApplicationBuilder AddProgramming(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(ServiceName, opts =>
            {
                opts.Schema.For<KnownRunner>();
                opts.Schema.For<IntakeSignalLog>();
                opts.Schema.For<RecentRuns>().UseOptimisticConcurrency(true);
                opts.Projections.Snapshot<RunnerProgram>(SnapshotLifecycle.Inline);
            })
            .AddSubscriptionWithServices<EventForwarder>(ServiceLifetime.Singleton);
        builder.Services.AddSingleton<IIntegrationEventMap, ProgrammingIntegrationEvents>();
        builder.Services.AddServiceClient<IntakeService.IntakeServiceClient>("Intake", Scopes.IntakeRead);
        builder.Services.AddScoped<HardRunCalendar>();
        builder.Services.AddSingleton<EngagementMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EngagementMonitor>());
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<KnownRunnerConsumer>();
            bus.AddConsumer<PrescribingProgram>();
            bus.AddConsumer<IntakeSignals>(typeof(IntakeSignalsDefinition));
            bus.AddConsumer<RaisedRedFlags>(typeof(RaisedRedFlagsDefinition));
            bus.AddConsumer<KeepingRecentRuns>(typeof(KeepingRecentRunsDefinition));
        });
        return builder;
    }
}
