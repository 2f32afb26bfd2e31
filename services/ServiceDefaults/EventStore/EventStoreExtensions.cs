using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using JasperFx.OpenTelemetry;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static RunRestore.ServiceDefaults.ServiceDefaultsExtensions;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>Marten as every service uses it: one schema per service, clinics as conjoined tenants.</summary>
public static class EventStoreExtensions
{
    /// <summary>Registers Marten for this service. <paramref name="configure"/> adds the service's streams and projections.</summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this WebApplicationBuilder builder, string serviceName, Action<StoreOptions> configure)
    {
        var settings = builder.Configuration.GetSection(EventStoreOptions.Section).Get<EventStoreOptions>() ?? new();
        var schema = settings.Schema ?? serviceName;

        builder.Services.AddSingleton(sp => new Messaging.ClinicEventPublisher(sp.GetRequiredService<IConfiguration>(), serviceName));
        var pipeline = builder.Configuration.GetSection(EventPipelineOptions.Section).Get<EventPipelineOptions>() ?? new();
        builder.Services.AddSingleton(pipeline);
        builder.Services.AddSingleton(new EventStoreSchema(serviceName, schema));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ForwarderStatus>();
        builder.Services.AddSingleton<EventPipelineMonitor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventPipelineMonitor>());
        builder.Services.AddScoped<EventStoreWriter>();
        builder.Services.AddHealthChecks()
            .AddNpgSql(sp => ConnectionString(sp.GetRequiredService<IConfiguration>()), name: "postgres", tags: [ReadyTag])
            .AddCheck<EventPipelineHealthCheck>(EventPipelineHealthCheck.Name, tags: [ReadyTag]);

        return builder.Services.AddMarten(sp =>
            {
                var opts = new StoreOptions();
                opts.UseServiceEventLayout(ConnectionString(sp.GetRequiredService<IConfiguration>()), schema);
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;

                // Services (and test classes) share one database: each schema elects its own daemon leader.
                opts.Projections.DaemonLockId = LockIdOf(schema);
                opts.Projections.LeadershipPollingTime = 1000;
                // A hole left by a rolled-back append is skipped once it is this old and no transaction that could still
                // fill it is alive (TECH-NOTES.md "Sequence gaps"); a live one holds the daemon, so nothing committed is
                // skipped. HotCold lock sessions hold no transaction (no UseAdvisoryLockTransaction), so they never hold it.
                opts.Projections.StaleSequenceThreshold = pipeline.GapSkipAfter;
                opts.Projections.UseTransactionEvidenceForGapSkipping = true;

                opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                opts.OpenTelemetry.TrackEventCounters();

                opts.Schema.For<Idempotency.IdempotentRequest>();
                configure(opts);
                return opts;
            })
            .BuildSessionsWith<ClinicSessionFactory>(ServiceLifetime.Scoped)
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(settings.DaemonMode);
    }

    /// <summary>
    /// How every service lays out its data in <paramref name="schema"/>: clinics as conjoined tenants, Guid streams, Quick
    /// append, correlation, causation and headers on every event. Whatever else writes a service's event table (the
    /// benchmark's seeding) uses it too, so its events are stored exactly as the service stores them.
    /// </summary>
    public static StoreOptions UseServiceEventLayout(this StoreOptions opts, string connectionString, string schema)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.Events.DatabaseSchemaName = schema;

        // Tenancy (ARCHITECTURE.md): a clinic is a tenant; another clinic's session sees nothing.
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;
        opts.Policies.AllDocumentsAreMultiTenanted();

        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.AppendMode = EventAppendMode.Quick;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        return opts;
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres")
        ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");

    // A stable FNV-1a hash (string.GetHashCode changes per process, so replicas would disagree).
    private static int LockIdOf(string schema)
    {
        var hash = 2166136261u;
        foreach (var c in schema)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash & 0x3FFFFFFF) + 10_000;
    }
}
