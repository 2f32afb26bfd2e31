using Marten;
using RunRestore.Assessment.IntakePicture;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Assessment.Assessments;

/// <summary>A clinician starts a screen for a runner, optionally reasoning from one of their pain reports.</summary>
public static class StartingAssessment
{
    public const int MaxReasonLength = 200;

    public static async Task<AssessmentRecord> HandleAsync(IDocumentSession session, IntakeLoadReader intake, string runnerId,
        string reason, string painReportId, TimeProvider time, CancellationToken ct)
    {
        var started = await DecideAsync(session, intake, runnerId, reason, painReportId, time.GetUtcNow(), ct).ConfigureAwait(false);
        session.Events.StartStream<AssessmentRecord>(started.AssessmentId, started);
        return AssessmentRecord.Create(started);
    }

    /// <summary>Checks the request and takes the snapshot of runner, pain and load that starts an assessment's stream.</summary>
    public static async Task<AssessmentStarted> DecideAsync(IQuerySession session, IntakeLoadReader intake, string runnerId,
        string reason, string painReportId, DateTimeOffset now, CancellationToken ct)
    {
        var violations = new FieldViolations();
        var trimmed = violations.SingleLine(reason, "reason", MaxReasonLength, required: true);
        Guid? painId = null;
        if (!string.IsNullOrWhiteSpace(painReportId))
        {
            violations.Check(Guid.TryParse(painReportId, out var parsed), "pain_report_id", "must be a pain report id (UUID)");
            painId = parsed;
        }

        var runner = await session.GetKnownRunnerAsync(runnerId, ct).ConfigureAwait(false);
        violations.ThrowIfAny();

        PainReportCopy? pain = null;
        if (painId is { } id)
        {
            var picture = await session.LoadAsync<RunnerIntakePicture>(runner.Id, ct).ConfigureAwait(false);
            pain = picture?.PainReports.GetValueOrDefault(id)
                ?? throw new NotFoundException($"Pain report {id} of runner {runner.Id} is not known here (yet): if it was " +
                    "just reported, retry in a moment.");
        }

        var load = await intake.ReadAsync(session, runner.Id, ct).ConfigureAwait(false);
        return new AssessmentStarted(Guid.CreateVersion7(now), runner.Id, trimmed, now.Year - runner.BirthYear, runner.Sex,
            pain, load, now);
    }
}
