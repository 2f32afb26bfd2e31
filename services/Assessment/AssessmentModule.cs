using JasperFx.Events.Projections;
using Marten;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Messaging;
using RunRestore.Intake.V1;
using RunRestore.ServiceDefaults.Auth;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Assessment;

/// <summary>The assessment service's streams, read models, the events it consumes and the intake client.</summary>
public static class AssessmentModule
{
    public const string ServiceName = "assessment";

    public static WebApplicationBuilder AddAssessment(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(ServiceName, opts =>
            {
                opts.Schema.For<KnownRunner>();
                opts.Schema.For<RunnerIntakePicture>().UseOptimisticConcurrency(true);
                opts.Projections.Snapshot<AssessmentRecord>(SnapshotLifecycle.Inline);
                opts.Schema.For<AssessmentRecord>().Index(a => a.RunnerId);
            })
            .AddSubscriptionWithServices<EventForwarder>(ServiceLifetime.Singleton);
        builder.Services.AddSingleton<IIntegrationEventMap, AssessmentIntegrationEvents>();
        builder.Services.AddServiceClient<IntakeService.IntakeServiceClient>("Intake", Scopes.IntakeRead);
        builder.Services.AddScoped<IntakeLoadReader>();
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<KnownRunnerConsumer>();
            bus.AddConsumer<IntakePictureConsumers>(typeof(IntakePictureConsumerDefinition));
        });
        return builder;
    }
}
