namespace RunRestore.Testing;

/// <summary>Waits for something that happens asynchronously (a message consumed, a projection caught up).</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> attempt, TimeSpan timeout, string what) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await attempt() is { } value)
                {
                    return value;
                }
            }
#pragma warning disable CA1031 // keep trying until the deadline; the last failure is reported
            catch (Exception ex)
#pragma warning restore CA1031
            {
                last = ex;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}.", last);
    }

    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout} waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
