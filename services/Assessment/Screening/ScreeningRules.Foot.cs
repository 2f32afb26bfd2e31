using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>M9: a Foot Posture Index of this or more is pronated.</summary>
    public const decimal PronatedFootPostureIndex = 6m;

    /// <summary>M9: a Foot Posture Index of this or less is supinated.</summary>
    public const decimal SupinatedFootPostureIndex = -5m;

    /// <summary>M9: a navicular drop of more than this many mm is a finding.</summary>
    public const decimal NavicularDropMm = 10m;

    /// <summary>
    /// M9 (evidence B). The Foot Posture Index and the navicular drop describe the same foot, so when both fire on a
    /// side they merge into one finding (key M9:foot:side stays unique); the magnitude is the FPI when it fired,
    /// else the drop in mm.
    /// </summary>
    private static IEnumerable<Finding> FootPosture(SidePair index, SidePair drop)
    {
        foreach (var side in new[] { BodySide.Left, BodySide.Right })
        {
            var fpi = (side == BodySide.Left ? index.Left : index.Right) is { } f
                && (f.Value >= PronatedFootPostureIndex || f.Value <= SupinatedFootPostureIndex) ? f : null;
            var navicular = (side == BodySide.Left ? drop.Left : drop.Right) is { } n && n.Value > NavicularDropMm ? n : null;
            if (fpi is null && navicular is null)
            {
                continue;
            }

            var labels = new List<string>();
            var reasons = new List<string>();
            if (fpi is not null)
            {
                var posture = fpi.Value >= PronatedFootPostureIndex ? "pronated" : "supinated";
                var cutOff = fpi.Value >= PronatedFootPostureIndex ? "+6 or more" : "−5 or less";
                labels.Add($"FPI {Signed(fpi.Value)}, {posture}");
                reasons.Add($"a Foot Posture Index of {Signed(fpi.Value)} ({posture}; {cutOff} counts)");
            }

            if (navicular is not null)
            {
                labels.Add($"navicular drop {Show(navicular.Value)} mm");
                reasons.Add($"a navicular drop of {Show(navicular.Value)} mm (over 10 mm counts)");
            }

            var explanation = $"{Capital(side)} foot has {string.Join(" and ", reasons)}: foot mechanics to check and treat (M9).";
            yield return Make(FindingKinds.FootMechanics, "foot", side, fpi?.Value ?? navicular!.Value, string.Join("; ", labels), "M9", "B",
                new[] { fpi, navicular }.OfType<TestResult>(), explanation);
        }
    }

    /// <summary>FPI reads with its sign (+8, −6, 0): the sign is the posture.</summary>
    private static string Signed(decimal value) => value switch
    {
        > 0 => "+" + Show(value),
        < 0 => "−" + Show(-value),
        _ => "0",
    };
}
