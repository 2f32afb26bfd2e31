using Marten;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Assessment;

/// <summary>The assessment service's streams, read models and the events it consumes.</summary>
public static class AssessmentModule
{
    public const string ServiceName = "assessment";

    public static WebApplicationBuilder AddAssessment(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(ServiceName, opts => opts.Schema.For<KnownRunner>());
        builder.AddMessaging(ServiceName, bus => bus.AddConsumer<KnownRunnerConsumer>());
        return builder;
    }
}
