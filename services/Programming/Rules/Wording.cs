using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Errors;
using static System.FormattableString;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Rules;

/// <summary>Phrases the explanations share, so every sentence names things the way the clinic does.</summary>
internal static class Wording
{
    /// <summary>"left hip abductors strength deficit", "right hip/trunk control compensation" for a finding.</summary>
    public static string Finding(ScreenFinding finding)
    {
        var region = finding.Region == Regions.HipTrunkControl ? "hip/trunk control" : Words(finding.Region);
        var kind = finding.Kind switch
        {
            FindingKinds.ControlCompensation => "compensation",
            FindingKinds.Balance => "balance deficit",
            FindingKinds.FootMechanics => "foot mechanics finding",
            FindingKinds.Load => "load flag",
            FindingKinds.RecoveryWellness => "recovery concern",
            _ => Words(finding.Kind),
        };
        return string.Join(' ', new[] { finding.Side, region, kind }.Where(w => w is not null));
    }

    /// <summary>A sentence naming findings that found no place (T2's cap, or nothing suits the pain site), or nothing.</summary>
    public static string Unaddressed(IReadOnlyList<ScreenFinding> findings) => findings.Count == 0
        ? ""
        : Invariant($" Not yet addressed (T2 caps a session at {ProgramRules.MaxExercises} exercises, or nothing ") +
            Invariant($"suits the pain site): {string.Join(", ", findings.Select(Finding))}.");

    /// <summary>"anterior knee" for "anterior_knee".</summary>
    public static string Words(string word) => word.Replace('_', ' ');

    /// <summary>"2026-03-04" for a date, whatever the culture.</summary>
    public static string Day(DateOnly date) => FieldChecks.Iso(date);

    /// <summary>The exercise's name for the middle of a sentence ("single-leg bridge").</summary>
    public static string Name(string code)
    {
        // Only the first letter: "Nordic" and "Y-balance" keep their capitals mid-sentence.
        var name = ExerciseLibrary.Get(code).Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>
    /// The runner's "today" from the command's clock, read in the offset the caller passed: pass the runner's local
    /// offset (or UTC) and dates are judged on that calendar.
    /// </summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.DateTime);
}
