using System.Globalization;
using RunRestore.Cli.App;
using RunRestore.Programming.V1;

namespace RunRestore.Cli.Input;

/// <summary>
/// One exercise of a session as "code:sets:reps:rpe:pain", e.g. "glute_bridge:3:12:5:2". Reps may be a hold
/// ("30s"); a sixth part "abandoned" marks an exercise the runner stopped (T4).
/// </summary>
internal static class ExerciseSpecs
{
    public const string Format = "code:sets:reps:rpe:pain[:abandoned]";

    public static ExerciseDone Parse(string? given)
    {
        var spec = given ?? "";
        var parts = spec.Split(':');
        if (parts.Length is < 5 or > 6 || parts[0].Trim().Length == 0)
        {
            throw Bad(spec, $"expected {Format}");
        }

        var done = new ExerciseDone
        {
            Code = parts[0].Trim(),
            Sets = Number(parts[1], "sets", spec),
            Rpe = Number(parts[3], "rpe", spec),
            Pain = Number(parts[4], "pain", spec),
            Completed = true,
        };
        var reps = parts[2].Trim();
        if (reps.EndsWith('s'))
        {
            done.HoldSeconds = Number(reps[..^1], "hold seconds", spec);
        }
        else
        {
            done.Reps = Number(reps, "reps", spec);
        }

        if (parts.Length == 6)
        {
            done.Completed = parts[5].Trim().ToLowerInvariant() switch
            {
                "abandoned" => false,
                "done" or "" => true,
                _ => throw Bad(spec, "the sixth part may only be 'abandoned'"),
            };
        }

        return done;
    }

    private static int Number(string text, string what, string spec) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Bad(spec, $"{what} '{text}' is not a whole number");

    private static CliUsageException Bad(string? spec, string why) => new($"--exercise '{spec}': {why}");
}
