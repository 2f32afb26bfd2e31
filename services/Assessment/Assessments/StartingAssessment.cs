using Marten;
using RunRestore.Assessment.IntakePicture;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.RunnerDirectory;

namespace RunRestore.Assessment.Assessments;

/// <summary>
/// A clinician starts a screen for a runner, optionally reasoning from one of their pain reports.
/// <paramref name="PerformedOn"/> is "YYYY-MM-DD", at most today and at least a year ago; empty is today.
/// <paramref name="HeightCm"/> and <paramref name="WeightKg"/>: both or neither (K5 v2 judges BMI from them).
/// </summary>
public sealed record StartAssessment(string RunnerId, string Reason, string PainReportId, string PerformedOn,
    double? HeightCm = null, double? WeightKg = null);

/// <summary>Starts a screen: a snapshot of the runner, the pain report and the load picture as they are now.</summary>
public static class StartingAssessment
{
    public const int MaxReasonLength = 200;

    /// <summary>The event that starts the stream, from what was read: the runner, intake's pain reports (the local
    /// copy; null when none arrived) and the load picture.</summary>
    public static AssessmentStarted Decide(StartAssessment command, KnownRunner runner, RunnerIntakePicture? picture,
        LoadPicture load, Guid assessmentId, DateTimeOffset now)
    {
        var (reason, painReportId, performedOn, body) = Checked(command, now);
        PainReportCopy? pain = null;
        if (painReportId is { } id)
        {
            pain = picture?.PainReports.GetValueOrDefault(id)
                ?? throw new NotFoundException($"Pain report {id} of runner {runner.Id} is not known here (yet): if it was " +
                    "just reported, retry in a moment.");
        }

        return new AssessmentStarted(assessmentId, runner.Id, reason, now.Year - runner.BirthYear, runner.Sex, pain, load, now,
            performedOn, body);
    }

    /// <summary>Reads what a screen starts from and decides; bad input is refused before intake is asked.</summary>
    public static async Task<AssessmentStarted> DecideAsync(IQuerySession session, IntakeLoadReader intake,
        StartAssessment command, DateTimeOffset now, CancellationToken ct)
    {
        var runner = await session.GetKnownRunnerAsync(command.RunnerId, ct).ConfigureAwait(false);
        var (_, painReportId, _, _) = Checked(command, now);
        var picture = painReportId is null
            ? null
            : await session.LoadAsync<RunnerIntakePicture>(runner.Id, ct).ConfigureAwait(false);
        var load = await intake.ReadAsync(session, runner.Id, ct).ConfigureAwait(false);
        return Decide(command, runner, picture, load, Guid.CreateVersion7(now), now);
    }

    public static async Task<AssessmentRecord> HandleAsync(IDocumentSession session, IntakeLoadReader intake,
        StartAssessment command, TimeProvider time, CancellationToken ct)
    {
        var started = await DecideAsync(session, intake, command, time.GetUtcNow(), ct).ConfigureAwait(false);
        session.Events.StartStream<AssessmentRecord>(started.AssessmentId, started);
        return AssessmentRecord.Create(started);
    }

    /// <summary>
    /// The request's own fields: INVALID_ARGUMENT with every problem. performed_on: today when empty, otherwise from a
    /// year before today to today (issue 13: paper screens and migrated records; the 14-day and 42-day rules count
    /// from it). height_cm / weight_kg: both or neither, in plausible ranges (K5 v2).
    /// </summary>
    private static (string Reason, Guid? PainReportId, DateOnly PerformedOn, BodyMeasures? Body) Checked(StartAssessment command, DateTimeOffset now)
    {
        var violations = new FieldViolations();
        var reason = violations.SingleLine(command.Reason, "reason", MaxReasonLength, required: true);
        Guid? painReportId = null;
        if (!string.IsNullOrWhiteSpace(command.PainReportId))
        {
            violations.Check(Guid.TryParse(command.PainReportId, out var parsed), "pain_report_id",
                "must be a pain report id (UUID)");
            painReportId = parsed;
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var performedOn = string.IsNullOrEmpty(command.PerformedOn)
            ? today
            : violations.Date(command.PerformedOn, "performed_on", today.AddYears(-1), today);
        var body = BodyMeasures.Checked(violations, command.HeightCm, command.WeightKg);
        violations.ThrowIfAny();
        return (reason, painReportId, performedOn!.Value, body);
    }
}
