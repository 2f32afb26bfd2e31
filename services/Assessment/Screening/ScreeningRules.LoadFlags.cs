using System.Globalization;
using RunRestore.Contracts;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>How one intake flag reads as a screen finding: region, plain words, its main number and how to show it.</summary>
    private sealed record FlagReading(string Kind, string Region, string Words, string NumberKey, Func<decimal, string> Label);

    /// <summary>
    /// Intake's load and wellness flags (L2-L6, S1, S2) by rule id. L2 and L3 both mean "pushing too hard", so they
    /// share the region training_load (K4 reads load from L2 and L3); each keeps its own rule id, so keys differ.
    /// </summary>
    private static readonly Dictionary<string, FlagReading> FlagReadings = new(StringComparer.Ordinal)
    {
        ["L2"] = new(FindingKinds.Load, "training_load", "pushing too hard: load rising faster than usual", "acwr",
            v => $"ACWR {Show(v, "0.00")}"),
        ["L3"] = new(FindingKinds.Load, "training_load", "pushing too hard: a big jump in weekly distance", "increase_percent",
            v => $"+{Show(v)} % weekly distance"),
        ["L4"] = new(FindingKinds.Load, "training_monotony", "training monotony: much the same load every day", "monotony",
            v => $"monotony {Show(v, "0.00")}"),
        ["L5"] = new(FindingKinds.Load, "running_intensity", "runs too intense", "hard_share_percent",
            v => $"{Show(v)} % hard runs"),
        ["L6"] = new(FindingKinds.Load, "race_calendar", "too many competitions", "days_between",
            v => $"races {Show(v)} days apart"),
        ["S1"] = new(FindingKinds.RecoveryWellness, "sleep", "short sleep", "sleep_hours_average",
            v => $"{Show(v, "0.0#")} h sleep a night"),
        ["S2"] = new(FindingKinds.RecoveryWellness, "stress", "high stress", "stress_average",
            v => $"stress {Show(v, "0.0#")} of 5"),
    };

    /// <summary>
    /// A flag active at intake when the screen started, as a finding with no side. Its rule id and evidence stay
    /// intake's; the explanation quotes intake's sentence. L2 "under_load" (training less than usual) is not
    /// pushing too hard and not an impairment to treat, so it makes no finding; nor does a rule this version
    /// does not know.
    /// </summary>
    private static Finding? LoadFinding(LoadFlagSnapshot flag)
    {
        if (!FlagReadings.TryGetValue(flag.RuleId, out var reading) || string.Equals(flag.Kind, "under_load", StringComparison.Ordinal))
        {
            return null;
        }

        // The flag's main number; a snapshot without it still makes the finding, labelled in words.
        decimal? magnitude = flag.Numbers.TryGetValue(reading.NumberKey, out var number) ? number : null;
        var label = magnitude is { } m ? reading.Label(m) : reading.Words;
        var words = char.ToUpperInvariant(reading.Words[0]) + reading.Words[1..];
        var explanation = $"{words} ({flag.RuleId}, from the runner's training log when the screen started): \"{flag.Explanation}\"";
        var input = string.Create(CultureInfo.InvariantCulture, $"intake:{flag.RuleId}:{flag.Kind}");
        return new Finding(reading.Kind, reading.Region, null, magnitude, label, flag.RuleId, RuleSet.VersionOf(flag.RuleId), flag.Evidence, [input], explanation);
    }
}
