namespace RunRestore.ServiceDefaults.EventStore;

/// <summary>Whether this process's forwarder is publishing or stuck retrying, for the health check.</summary>
public sealed class ForwarderStatus(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _failingSince;
    private string? _lastError;

    /// <summary>Since when every publish attempt has failed, and the last error; null while publishes succeed.</summary>
    public (DateTimeOffset Since, string Error)? Failing
    {
        get
        {
            lock (_gate)
            {
                return _failingSince is { } since ? (since, _lastError ?? "") : null;
            }
        }
    }

    public void Published()
    {
        lock (_gate)
        {
            _failingSince = null;
            _lastError = null;
        }
    }

    public void Failed(Exception ex)
    {
        lock (_gate)
        {
            _failingSince ??= time.GetUtcNow();
            _lastError = $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
