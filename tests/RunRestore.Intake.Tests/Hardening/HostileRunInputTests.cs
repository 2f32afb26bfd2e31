using RunRestore.Intake.Training;
using RunRestore.ServiceDefaults.Errors;
using Xunit;

namespace RunRestore.Intake.Tests.Hardening;

/// <summary>LoggingRun.Decide (also every ImportRuns item) turns hostile numbers and text into violations, never a crash.</summary>
public sealed class HostileRunInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static RunDraft Run(double distanceKm = 10, double? elevation = null, string? partner = null, string? externalId = null) =>
        new("2026-11-20", distanceKm, 3600, Choice.Of(SessionType.Easy), 4, null, null, elevation, Choice.NotGiven<Surface>(), partner,
            externalId);

    private static IReadOnlyList<string> FieldsRefused(RunDraft draft)
    {
        var violations = new FieldViolations();
        var run = LoggingRun.Decide(draft, Guid.CreateVersion7(), Now, Today, violations);
        Assert.Null(run);
        return [.. violations.ToList().Select(v => v.Field)];
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(5e-324)]
    [InlineData(0.0001)]
    public void A_distance_that_is_no_measurement_is_refused_naming_distance_km(double km) =>
        Assert.Equal(["distance_km"], FieldsRefused(Run(distanceKm: km)));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    [InlineData(-1)]
    public void An_elevation_that_is_not_finite_or_in_range_is_refused_naming_elevation_gain_m(double metres) =>
        Assert.Equal(["elevation_gain_m"], FieldsRefused(Run(elevation: metres)));

    [Theory]
    [InlineData("gar\u0000min", "partner")]
    [InlineData("gar\tmin", "partner")]
    public void A_partner_with_a_control_character_is_refused(string partner, string field) =>
        Assert.Equal([field], FieldsRefused(Run(partner: partner, externalId: "a-1")));

    [Fact]
    public void An_external_id_over_200_characters_is_refused() =>
        Assert.Equal(["external_id"], FieldsRefused(Run(partner: "garmin", externalId: new string('9', 201))));

    [Fact]
    public void A_run_of_one_metre_is_kept_with_its_distance()
    {
        var violations = new FieldViolations();

        var run = LoggingRun.Decide(Run(distanceKm: 0.001) with { DurationSeconds = 1 }, Guid.CreateVersion7(), Now, Today, violations);

        Assert.True(violations.IsEmpty);
        Assert.Equal(0.001m, run!.DistanceKm);
    }
}
