using Google.Protobuf.WellKnownTypes;
using Marten;
using Npgsql;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Idempotency;

namespace RunRestore.Intake.Training;

/// <summary>
/// DOMAIN.md "Load" preamble (rule set v2): once at start and then every <c>LoadFlags:ReevaluateEvery</c> (default
/// 1 h, so a new day is seen within the hour), every runner with open flags, in every clinic, has them re-evaluated as
/// of today (<see cref="ReevaluatingLoadFlags"/>). Each runner is written through <see cref="EventStoreWriter"/> in
/// their clinic's own session, with the stream lock and conflict retries of a gRPC write, so a run logged at the same
/// moment queues behind it instead of racing. The period is wall-clock time; the day judged comes from the injected
/// clock (a test's fake clock jumping days does not fire background writes in the middle of a scripted test).
/// </summary>
public sealed partial class LoadFlagMonitor(IDocumentStore store, IConfiguration configuration, EventStoreSchema schema,
    TimeProvider time, ILogger<LoadFlagMonitor> logger, ILogger<EventStoreWriter> writerLogger) : BackgroundService
{
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = configuration.GetValue("LoadFlags:ReevaluateEvery", DefaultPeriod);
        using var timer = new PeriodicTimer(every, TimeProvider.System);
        do
        {
            try
            {
                await ReevaluateAllAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogRoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>Re-evaluates every clinic's runners with open flags as of today; returns how many runners changed.</summary>
    public async Task<int> ReevaluateAllAsync(CancellationToken ct)
    {
        var changed = 0;
        foreach (var (clinic, runnerId) in await RunnersWithOpenFlagsAsync(ct).ConfigureAwait(false))
        {
            var writer = new EventStoreWriter(new OneClinicSessions(store, clinic), new RequestIdempotency(), schema, time,
                writerLogger);
            var events = 0;
            await writer.WriteAsync(runnerId, async session =>
                {
                    events = (await ReevaluatingLoadFlags.HandleAsync(session, runnerId, time, ct).ConfigureAwait(false)).Count;
                    return events;
                }, _ => new Empty(), ct).ConfigureAwait(false);
            changed += events > 0 ? 1 : 0;
        }

        return changed;
    }

    // Across tenants on purpose (as programming's EngagementMonitor): the monitor works for every clinic, then writes
    // in each clinic's own session. Only training logs with an open flag are read.
    private async Task<List<(string Clinic, Guid RunnerId)>> RunnersWithOpenFlagsAsync(CancellationToken ct)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_traininglog";
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Postgres"));
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            $"select tenant_id, id from {table} t where exists (select 1 from jsonb_each(t.data) e where lower(e.key) = 'openflags' and e.value <> '{{}}'::jsonb)",
            connection);
        var runners = new List<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            runners.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return runners;
    }

    /// <summary>Sessions of one clinic, for a write that has no caller's token to take the clinic from.</summary>
    private sealed class OneClinicSessions(IDocumentStore store, string clinic) : ISessionFactory
    {
        public IQuerySession QuerySession() => store.QuerySession(clinic);

        public IDocumentSession OpenSession() => store.LightweightSession(clinic);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-evaluating load flags failed; retrying next round")]
    private static partial void LogRoundFailed(ILogger logger, Exception ex);
}
