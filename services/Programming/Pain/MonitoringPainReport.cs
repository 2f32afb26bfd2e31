using Marten;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.Programming.Sessions;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;
using PainPhases = RunRestore.Contracts.Intake.PainPhases;

namespace RunRestore.Programming.Pain;

/// <summary>A pain report from intake (PainReported): site, side, severity 0-10 and when it hurt (PainPhases).</summary>
public sealed record MonitorPainReport(Guid PainReportId, DateOnly Date, string BodySite, string Side, int Severity, string Phase);

public static class MonitoringPainReport
{
    /// <summary>
    /// P1-P3 on every pain report (rule set v2): running pain (during or after a run) above the plan's ceiling advises
    /// changing the running (P1); every report is compared with the last one for its site (P3: ≥ 5 and +1 low, +≥ 2
    /// high, ≥ 7 critical, a first report ≥ 6 high); a next-morning report is also P2's 24-hour response.
    /// </summary>
    public static IReadOnlyList<object> Decide(MonitorPainReport report, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(program);
        new FieldViolations()
            .Check(report.PainReportId != Guid.Empty, "pain_report_id", "must be given")
            .Check(report.Severity is >= 0 and <= 10, "severity", "must be between 0 and 10")
            .Check(!string.IsNullOrWhiteSpace(report.BodySite), "body_site", "must be given")
            .Check(PainPhases.All.Contains(report.Phase), "phase", "must be one of " + string.Join(", ", PainPhases.All))
            .ThrowIfAny();
        var (id, date, site, _, pain, phase) = report;
        var ids = new[] { id.ToString() };
        var where = Invariant($"at the {Wording.Words(site)} {Wording.Words(phase)} on {Wording.Day(date)}");
        var previous = program.LastPainAt(site);
        List<object> events =
        [
            new PainReportMonitored(id, date, site, report.Side, pain, phase, ProgramRules.Explain("P3",
                Invariant($"Pain {pain}/10 {where}") + (previous is { } last
                    ? Invariant($", against {last.Severity}/10 last reported for that site on {Wording.Day(last.Date)} (P3).")
                    : ": the first report for that site (P3)."),
                ids), now),
        ];
        if (phase is PainPhases.DuringRun or PainPhases.AfterRun && pain > program.PainCeiling)
        {
            events.Add(new RunningChangeAdvised(id, date, pain, program.PainCeiling, ProgramRules.Explain("P1",
                Invariant($"Running pain {pain}/10 {where} is above the plan's ceiling of {program.PainCeiling}/10: ") +
                    "change the running (shorter, easier, or cross-training instead) until it settles (P1).",
                ids)));
        }

        events.AddRange(PainAlerts.Alert(pain, previous?.Severity, where, "the last report for that site", ids, now));
        if (phase == PainPhases.NextMorning && date >= program.StartedOn)
        {
            events.AddRange(RecordingNextMorningPain.Decide(new RecordNextMorningPain(date, pain, site), program, now));
        }

        return events;
    }

    /// <summary>From intake's PainReported: a runner without a program is skipped (null).</summary>
    public static Task<Decided<RunnerProgram>?> HandleIfProgramAsync(IDocumentSession session, Guid runnerId,
        MonitorPainReport report, TimeProvider time, CancellationToken ct) =>
        session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(report, p, time.GetUtcNow()), ct);
}
