using JasperFx;
using Marten;
using Npgsql;
using RunRestore.Programming.Engagement;

namespace RunRestore.Programming.Programs;

/// <summary>
/// P4 needs a clock, not an event: every few minutes each program is checked for quiet time (49 h → nudge, 14 days →
/// clinician alert, 21 days → inactive). The decider remembers what it already said for the current gap, so replicas
/// checking at the same time or a restart do not repeat alerts; a concurrent write just wins and is re-checked next round.
/// </summary>
public sealed partial class EngagementMonitor(IDocumentStore store, IConfiguration configuration, TimeProvider time,
    ILogger<EngagementMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(configuration.GetValue("Programming:EngagementCheckMinutes", 15.0));
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await CheckAllAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                LogCheckFailed(logger, ex);
            }
        }
    }

    /// <summary>Checks every clinic's programs as of <paramref name="now"/>; returns how many changed.</summary>
    public async Task<int> CheckAllAsync(DateTimeOffset now, CancellationToken ct)
    {
        var changed = 0;
        foreach (var (clinic, runnerId) in await ProgramsAsync(ct).ConfigureAwait(false))
        {
            await using var session = store.LightweightSession(clinic);
            if (await CheckingEngagement.HandleAsync(session, runnerId, now, ct).ConfigureAwait(false) is not { Events.Count: > 0 })
            {
                continue;
            }

            try
            {
                await session.SaveChangesAsync(ct).ConfigureAwait(false);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // Someone else wrote to this program meanwhile; the next round looks again.
            }
        }

        return changed;
    }

    // Across tenants on purpose: the monitor works for every clinic, then writes in each clinic's own session.
    private async Task<List<(string Clinic, Guid RunnerId)>> ProgramsAsync(CancellationToken ct)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_runnerprogram";
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Postgres"));
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"select tenant_id, id from {table}", connection);
        var programs = new List<(string, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            programs.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return programs;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement check failed; retrying next round")]
    private static partial void LogCheckFailed(ILogger logger, Exception ex);
}
