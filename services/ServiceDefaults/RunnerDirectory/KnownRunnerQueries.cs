using Marten;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.ServiceDefaults.RunnerDirectory;

public static class KnownRunnerQueries
{
    /// <summary>The runner as this service knows them, in the caller's clinic; NOT_FOUND otherwise.</summary>
    public static async Task<KnownRunner> GetKnownRunnerAsync(this IQuerySession session, string runnerId,
        CancellationToken cancellationToken)
    {
        var id = RequestIds.ParseRunnerId(runnerId);
        return await session.LoadAsync<KnownRunner>(id, cancellationToken).ConfigureAwait(false)
            ?? throw NotFoundException.Runner(id);
    }
}
