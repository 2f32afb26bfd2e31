using JasperFx.Events.Projections;
using MassTransit;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.ClinicScreens;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Messaging;
using RunRestore.Auth;
using RunRestore.Contracts;
using RunRestore.Intake.V1;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Assessment;

/// <summary>The assessment service's streams, read models, the events it consumes and the intake client.</summary>
public static class AssessmentModule
{
    public const string ServiceName = "assessment";
    public const string ClinicInboundExchange = ClinicRouting.InboundExchange;
    public const string ClinicScreensQueue = "assessment-clinic-screens";

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
            bus.AddConsumer<ReceivingClinicScreen>().ExcludeFromConfigureEndpoints();
        }, (context, rabbit) => rabbit.ReceiveEndpoint(ClinicScreensQueue, endpoint =>
        {
            // Clinics publish plain CloudEvents JSON (no MassTransit envelope) to a topic exchange of their own.
            endpoint.UseRawJsonDeserializer(isDefault: true);
            endpoint.ConfigureConsumeTopology = false;
            endpoint.Bind(ClinicInboundExchange, b =>
            {
                b.ExchangeType = "topic";
                // Every clinic's screens; each clinic's user may publish only its own key (ClinicBrokerRights).
                b.RoutingKey = ClinicRouting.InboundScreensBinding;
            });
            // Bad screens fail fast to "<queue>_error" with the reason; a runner not known yet is retried.
            endpoint.UseMessageRetry(r =>
            {
                r.Ignore<InvalidRequestException>();
                r.Ignore<PreconditionFailedException>();
                r.Intervals(500, 1000, 2000, 5000, 10000);
            });
            endpoint.ConfigureConsumer<ReceivingClinicScreen>(context);
        }));
        return builder;
    }
}
