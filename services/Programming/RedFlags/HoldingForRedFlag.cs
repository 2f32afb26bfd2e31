using Marten;
using RedFlagRules = RunRestore.Contracts.Safety.RedFlagRules;
using RedFlagSeverities = RunRestore.Contracts.Safety.RedFlagSeverities;
using RunRestore.Programming.Programs;
using RunRestore.Programming.Rules;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static System.FormattableString;

namespace RunRestore.Programming.RedFlags;

/// <summary>
/// A red flag intake or assessment raised (Contracts.Safety.RedFlagRaised), as the program takes it.
/// <paramref name="ClearedBeforeProgram"/> is the clinician's clearance of a flag raised before the runner had a program.
/// </summary>
public sealed record HoldForRedFlag(
    Guid RedFlagId,
    string RuleId,
    int RuleVersion,
    string Severity,
    string BodySite,
    string Side,
    IReadOnlyList<string> Signs,
    string Explanation,
    string Source,
    IReadOnlyList<Guid> TriggeringIds,
    DateOnly RaisedOn,
    RedFlagCleared? ClearedBeforeProgram = null);

public static class HoldingForRedFlag
{
    private static readonly string[] RuleIds =
    [
        RedFlagRules.NightOrRestPain, RedFlagRules.BoneStress, RedFlagRules.StructuralJoint, RedFlagRules.Nerve,
        RedFlagRules.GroinAnteriorHip, RedFlagRules.LowEnergyAvailability,
    ];

    /// <summary>
    /// R1-R6: a red flag holds the program until a clinician clears it: progressions, new exercises for the flagged
    /// region and technique work (T6) wait, and a critical flag raises a critical clinician alert. The engine never
    /// treats a red flag; the runner is told to stop the provoking activity and see their clinician. A flag the program
    /// already holds for changes nothing (intake and assessment may both send it, or it may come twice).
    /// </summary>
    public static IReadOnlyList<object> Decide(HoldForRedFlag flag, RunnerProgram program, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(flag);
        ArgumentNullException.ThrowIfNull(program);
        Check(flag);
        if (program.AllRedFlags.Exists(f => f.Id == flag.RedFlagId))
        {
            return [];
        }

        var held = new ProgramRedFlag(flag.RedFlagId, flag.RuleId, flag.RuleVersion, flag.Severity, flag.BodySite, flag.Side,
            [.. flag.Signs], flag.Source, flag.RaisedOn, flag.Explanation);
        var ids = new[] { flag.RedFlagId.ToString() }.Concat(flag.TriggeringIds.Select(id => id.ToString())).ToList();
        var from = flag.Source == "screen" ? "a screen" : "a pain report";
        if (flag.ClearedBeforeProgram is { } cleared)
        {
            // R1-R6: cleared by a clinician before this program existed, the flag is history and holds nothing.
            return [new RedFlagRaised(flag.RedFlagId, flag.RuleId, flag.RuleVersion, flag.Severity, flag.BodySite, flag.Side,
                [.. flag.Signs], flag.Source, flag.RaisedOn, ProgramRules.Explain(flag.RuleId,
                    Invariant($"{Capital(held.Describe())} from {from}, before this program: {flag.Explanation.TrimEnd('.')}. ") +
                        Invariant($"{cleared.ClearedBy} cleared it on {Wording.Day(cleared.ClearedOn)}, so it holds nothing."),
                    ids), now), cleared];
        }

        var technique = program.TechniqueUnlocked ? " Technique drills leave the program (T6 waits for the clearance)." : "";
        var raised = new RedFlagRaised(flag.RedFlagId, flag.RuleId, flag.RuleVersion, flag.Severity, flag.BodySite, flag.Side,
            [.. flag.Signs], flag.Source, flag.RaisedOn, ProgramRules.Explain(flag.RuleId,
                Invariant($"{Capital(held.Describe())} from {from}: {flag.Explanation.TrimEnd('.')}. The program holds: ") +
                    "no progressions, no new exercises for that region and no technique work until a clinician clears it." +
                    technique + " The runner is told: " + RedFlagRules.RunnerAdvice,
                ids), now);
        if (flag.Severity != RedFlagSeverities.Critical)
        {
            return [raised];
        }

        return [raised, new ClinicianAlertRaised(AlertLevels.Critical, ProgramRules.Explain(flag.RuleId,
            Invariant($"{Capital(held.Describe())} ({flag.RuleId} v{flag.RuleVersion}): the clinician should see the ") +
                "runner before training goes on, and clear the flag with a reason (critical).",
            ids), now)];
    }

    /// <summary>From the RedFlagRaised consumer: null when the runner has no program yet (the flag is kept for it).</summary>
    public static Task<Decided<RunnerProgram>?> HandleIfProgramAsync(IDocumentSession session, Guid runnerId,
        HoldForRedFlag flag, TimeProvider time, CancellationToken ct) =>
        session.DecideIfExistsAsync<RunnerProgram>(runnerId, p => Decide(flag, p, time.GetUtcNow()), ct);

    /// <summary>The flag as the program keeps it, for a prescription made after it was raised.</summary>
    public static ProgramRedFlag ToProgramRedFlag(this HoldForRedFlag flag)
    {
        ArgumentNullException.ThrowIfNull(flag);
        return new(flag.RedFlagId, flag.RuleId, flag.RuleVersion, flag.Severity, flag.BodySite, flag.Side, [.. flag.Signs],
            flag.Source, flag.RaisedOn, flag.Explanation, flag.ClearedBeforeProgram?.ClearedOn);
    }

    private static void Check(HoldForRedFlag flag) => new FieldViolations()
        .Check(flag.RedFlagId != Guid.Empty, "red_flag_id", "must be given")
        .Check(RuleIds.Contains(flag.RuleId), "rule_id", "must be one of " + string.Join(", ", RuleIds))
        .Check(flag.Severity is RedFlagSeverities.Critical or RedFlagSeverities.Note, "severity", "must be critical or note")
        .Check(!string.IsNullOrWhiteSpace(flag.BodySite), "body_site", "must be given")
        .Check(flag.Signs is { Count: > 0 }, "signs", "must name at least one sign")
        .ThrowIfAny();

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
