using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RunRestore.Intake;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Benchmarks;

/// <summary>
/// Intake's own Marten store (IntakeModule.AddIntake: the same StoreOptions, inline snapshots and event types) in a
/// scratch schema, built in this process and never started as a host: no gRPC, no forwarding, no daemon unless asked.
/// </summary>
internal sealed class IntakeStore : IAsyncDisposable
{
    private readonly ServiceProvider _host;

    private IntakeStore(ServiceProvider host, IDocumentStore store)
    {
        _host = host;
        Store = store;
    }

    public IDocumentStore Store { get; }

    public static async Task<IntakeStore> CreateAsync(BenchContext ctx, string schema, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = ctx.Options.Postgres,
            ["RabbitMq:Uri"] = ctx.Options.Rabbit.ToString(),
            ["EventStore:Schema"] = schema,
            ["EventStore:DaemonMode"] = "Solo",
        });
        builder.Services.AddLogging();
        builder.AddIntake();
        // Only the container: building the WebApplication would want a server, and nothing here is hosted.
        var host = builder.Services.BuildServiceProvider();
        var store = host.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new IntakeStore(host, store);
    }

    /// <summary>
    /// A store on the same schema and event table layout (the services' own <see cref="EventStoreExtensions.UseServiceEventLayout"/>)
    /// but without any projection, for seeding events fast (appends only; the inline snapshots are what the rebuild then builds).
    /// </summary>
    public static DocumentStore AppendOnly(BenchContext ctx, string schema) => DocumentStore.For(opts =>
    {
        opts.UseServiceEventLayout(ctx.Options.Postgres, schema);
        opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        opts.Events.AddEventType<RunnerRegistered>();
        opts.Events.AddEventType<RunLogged>();
    });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
