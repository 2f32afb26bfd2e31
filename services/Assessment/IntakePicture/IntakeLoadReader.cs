using Grpc.Core;
using Marten;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.Intake.V1;

namespace RunRestore.Assessment.IntakePicture;

/// <summary>
/// Reads the runner's load flags from intake when a screen starts — fresh at the moment of the decision, with a
/// deadline — and falls back to the local copy of intake's events when intake does not answer (ARCHITECTURE.md).
/// </summary>
public sealed partial class IntakeLoadReader(IntakeService.IntakeServiceClient intake, ILogger<IntakeLoadReader> logger,
    IConfiguration configuration)
{
    public async Task<LoadPicture> ReadAsync(IQuerySession session, Guid runnerId, CancellationToken ct)
    {
        var deadline = TimeSpan.FromSeconds(configuration.GetValue("Services:IntakeDeadlineSeconds", 3.0));
        try
        {
            var response = await intake.GetTrainingLoadAsync(new GetTrainingLoadRequest { RunnerId = runnerId.ToString(), Weeks = 1 },
                deadline: DateTime.UtcNow.Add(deadline), cancellationToken: ct).ConfigureAwait(false);
            return new LoadPicture("intake", null, response.ActiveFlags.Select(f => new LoadFlagSnapshot(f.RuleId, f.Kind,
                f.Severity, f.Evidence, f.Explanation, f.Numbers.ToDictionary(n => n.Key, n => (decimal)n.Value))).ToList());
        }
        catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
        {
            LogFallback(logger, runnerId, ex.StatusCode, ex);
            var local = await session.LoadAsync<RunnerIntakePicture>(runnerId, ct).ConfigureAwait(false);
            var note = $"Intake did not answer ({ex.StatusCode}): the load picture comes from intake's events received so far "
                + "and may be stale.";
            return new LoadPicture("local", note, local?.OpenFlags.Values.ToList() ?? []);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Intake's GetTrainingLoad for runner {RunnerId} failed ({Status}); using the local copy")]
    private static partial void LogFallback(ILogger logger, Guid runnerId, StatusCode status, Exception ex);
}
