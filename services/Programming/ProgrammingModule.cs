using Marten;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Programming;

/// <summary>The programming service's streams, read models and the events it consumes.</summary>
public static class ProgrammingModule
{
    public const string ServiceName = "programming";

    public static WebApplicationBuilder AddProgramming(this WebApplicationBuilder builder)
    {
        builder.AddEventStore(ServiceName, opts => opts.Schema.For<KnownRunner>());
        builder.AddMessaging(ServiceName, bus => bus.AddConsumer<KnownRunnerConsumer>());
        return builder;
    }
}
