using System.Collections.Immutable;
using RunRestore.ServiceDefaults.Errors;
using static System.FormattableString;

namespace RunRestore.Programming.Programs;

// DOMAIN.md "Red flags" (R1-R6, rule set v2): the program is never where a red flag is treated; it holds until a
// clinician clears the flag with a reason.

/// <summary>
/// A red flag intake (a pain report) or assessment (a screen) raised now holds the program: no progressions, no new
/// exercises for <paramref name="BodySite"/>'s region, no technique work (T6) until a clinician clears it.
/// <paramref name="Severity"/> is "critical" or "note" (R6 alone); <paramref name="Source"/> "pain_report" or "screen".
/// </summary>
public sealed record RedFlagRaised(
    Guid RedFlagId,
    string RuleId,
    int RuleVersion,
    string Severity,
    string BodySite,
    string Side,
    IReadOnlyList<string> Signs,
    string Source,
    DateOnly RaisedOn,
    Explanation Why,
    DateTimeOffset RaisedAt);

/// <summary>A clinician cleared a red flag with <paramref name="Reason"/>; <paramref name="ClearedBy"/> is who.</summary>
public sealed record RedFlagCleared(
    Guid RedFlagId, string RuleId, string Reason, string ClearedBy, DateOnly ClearedOn, Explanation Why, DateTimeOffset ClearedAt);

/// <summary>A red flag as the program keeps it; open while <paramref name="ClearedOn"/> is null.</summary>
public sealed record ProgramRedFlag(
    Guid Id,
    string RuleId,
    int RuleVersion,
    string Severity,
    string BodySite,
    string Side,
    ImmutableList<string> Signs,
    string Source,
    DateOnly RaisedOn,
    string Sentence,
    DateOnly? ClearedOn = null)
{
    public bool IsOpen => ClearedOn is null;

    /// <summary>"R2 (bony tenderness, pain on hopping) at the anterior shin, raised 2026-01-05" for sentences.</summary>
    public string Describe() =>
        Invariant($"red flag {RuleId} ({string.Join(", ", Signs.Select(s => s.Replace('_', ' ')))}) at the ") +
            Invariant($"{BodySite.Replace('_', ' ')}, raised {FieldChecks.Iso(RaisedOn)}");
}
