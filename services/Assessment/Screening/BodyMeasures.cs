using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Assessment.Screening;

/// <summary>
/// Height and weight as the screen recorded them (issue 13): K5 (v2) reasons BMI &gt; 27 for heel pain. BMI = kg / m²,
/// rounded half-up to one decimal, the figure a clinician sees and the rule compares.
/// </summary>
public sealed record BodyMeasures(decimal HeightCm, decimal WeightKg)
{
    public const double MinHeightCm = 100, MaxHeightCm = 250, MinWeightKg = 25, MaxWeightKg = 300;

    public decimal Bmi => ScreeningRules.Round(WeightKg / (HeightCm / 100 * (HeightCm / 100)), 1);

    /// <summary>
    /// height_cm and weight_kg from a request: both or neither, each within a plausible adult range; problems go to
    /// <paramref name="violations"/>. Null when neither was given (K5's BMI part is then not judged).
    /// </summary>
    public static BodyMeasures? Checked(FieldViolations violations, double? heightCm, double? weightKg)
    {
        ArgumentNullException.ThrowIfNull(violations);
        violations
            .Check(heightCm is null || weightKg is not null, "weight_kg", "must be given with height_cm (both or neither: BMI needs both)")
            .Check(weightKg is null || heightCm is not null, "height_cm", "must be given with weight_kg (both or neither: BMI needs both)");
        var height = violations.Finite(heightCm, "height_cm", MinHeightCm, MaxHeightCm, "cm");
        var weight = violations.Finite(weightKg, "weight_kg", MinWeightKg, MaxWeightKg, "kg");
        return height is { } h && weight is { } w
            ? new BodyMeasures(ScreeningRules.Round((decimal)h, 1), ScreeningRules.Round((decimal)w, 1))
            : null;
    }
}
