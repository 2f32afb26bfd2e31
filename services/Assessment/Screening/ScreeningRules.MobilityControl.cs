using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Assessment.Screening;

public static partial class ScreeningRules
{
    /// <summary>M2: a knee-to-wall side difference of more than this many cm is a real asymmetry.</summary>
    public const decimal KneeToWallSideDifferenceCm = 1.5m;

    /// <summary>M8: an active knee extension deficit of more than this many degrees is a mobility finding.</summary>
    public const decimal KneeExtensionDeficitDegrees = 20m;

    /// <summary>
    /// M1 (evidence B, Crossley 2011): only "poor" is a finding; "fair" is within what the test tolerates. The value
    /// is not read: the rating is the result (the catalogue fixes it at 0).
    /// </summary>
    private static IEnumerable<Finding> SingleLegSquat(SidePair pair) =>
        pair.Present()
            .Where(p => p.Result.Rating == Rating.Poor)
            .Select(p => Make(FindingKinds.ControlCompensation, "hip_trunk_control", p.Side, null, "poor single-leg squat", "M1", "B",
                [p.Result],
                $"{Capital(p.Side)} single-leg squat was rated poor (trunk lean, pelvic drop, hip adduction or knee valgus): a hip and trunk control compensation to check and treat (M1, Crossley 2011)."));

    /// <summary>M2 (evidence B): the lower side of a side difference over 1.5 cm; the magnitude is the difference in cm.</summary>
    private static IEnumerable<Finding> KneeToWall(SidePair pair)
    {
        if (pair.Ordered() is not { } o)
        {
            yield break;
        }

        var difference = o.Stronger.Value - o.Weaker.Value;
        if (difference <= KneeToWallSideDifferenceCm)
        {
            yield break;
        }

        var other = Word(Opposite(o.Side));
        var explanation = $"{Capital(o.Side)} ankle dorsiflexion (knee-to-wall {Show(o.Weaker.Value)} cm) is {Show(difference)} cm less than the {other} ({Show(o.Stronger.Value)} cm); a side difference over 1.5 cm is a real asymmetry (M2).";
        yield return Make(FindingKinds.MobilityLimit, "ankle_dorsiflexion", o.Side, difference, $"{Show(difference)} cm less than {other}",
            "M2", "B", [pair.Left!, pair.Right!], explanation);
    }

    /// <summary>M8 (evidence C): each side on its own; the magnitude is the deficit in degrees.</summary>
    private static IEnumerable<Finding> KneeExtension(SidePair pair) =>
        pair.Present()
            .Where(p => p.Result.Value > KneeExtensionDeficitDegrees)
            .Select(p => Make(FindingKinds.MobilityLimit, "hamstrings", p.Side, p.Result.Value, $"{Show(p.Result.Value)}° deficit", "M8", "C",
                [p.Result],
                $"{Capital(p.Side)} active knee extension stops {Show(p.Result.Value)}° short of straight (over 20° counts as limited hamstring flexibility): a mobility limit to check and treat (M8)."));
}
