using JasperFx.Events.Daemon;

namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>"EventStore" configuration of a service (the connection string is ConnectionStrings:Postgres).</summary>
public sealed class EventStoreOptions
{
    public const string Section = "EventStore";

    /// <summary>PostgreSQL schema of this service's streams and documents; defaults to the service name.</summary>
    public string? Schema { get; set; }

    /// <summary>HotCold in production (any replica can lead); Solo in tests.</summary>
    public DaemonMode DaemonMode { get; set; } = DaemonMode.HotCold;
}
