using RunRestore.Contracts.Clinics;
using RunRestore.ServiceDefaults.Errors;
using Xunit;

namespace RunRestore.Intake.Tests.Hardening;

/// <summary>The shared input checks every write RPC's decider uses (issue 12).</summary>
public sealed class FieldChecksTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    [InlineData(5e-324)]
    [InlineData(-5)]
    [InlineData(350.0001)]
    public void A_number_that_is_not_finite_subnormal_or_out_of_range_is_refused_naming_the_field(double value)
    {
        var violations = new FieldViolations();

        Assert.Null(violations.Finite(value, "distance_km", 0, 350, "km"));

        Assert.Equal("distance_km", Assert.Single(violations.ToList()).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.001)]
    [InlineData(350)]
    public void A_number_within_the_range_passes(double value)
    {
        var violations = new FieldViolations();

        Assert.Equal(value, violations.Finite(value, "distance_km", 0, 350, "km"));
        Assert.True(violations.IsEmpty);
    }

    [Fact]
    public void An_exclusive_minimum_refuses_the_minimum_and_an_absent_optional_number_passes()
    {
        var violations = new FieldViolations();

        Assert.Null(violations.Finite(0, "x", 0, 1, minExclusive: true));
        Assert.Null(violations.Finite((double?)null, "y", 0, 1));

        Assert.Equal("x", Assert.Single(violations.ToList()).Field);
    }

    [Theory]
    [InlineData("knee\u0000pain")]
    [InlineData("ring\u0007")]
    [InlineData("esc\u001b[31m")]
    [InlineData("c\rr")]
    public void Free_text_refuses_control_characters(string value)
    {
        var violations = new FieldViolations();

        violations.Text(value, "notes", 200);

        Assert.Contains("control characters", Assert.Single(violations.ToList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_text_keeps_newline_and_tab_but_a_single_line_refuses_them()
    {
        var violations = new FieldViolations();

        Assert.Equal("first\n\tsecond", violations.Text(" first\n\tsecond ", "notes", 200));
        Assert.True(violations.IsEmpty);

        violations.SingleLine("first\nsecond", "display_name", 200);
        Assert.Equal("display_name", Assert.Single(violations.ToList()).Field);
    }

    [Fact]
    public void Text_is_trimmed_then_measured_and_a_required_blank_is_refused()
    {
        var violations = new FieldViolations();

        violations.Text(new string('a', 200), "ok", 200);
        violations.Text(new string('a', 201), "long", 200);
        violations.SingleLine("   ", "blank", 200, required: true);

        Assert.Equal(["long", "blank"], violations.ToList().Select(v => v.Field));
    }

    [Theory]
    [InlineData("1989-12-31", false)]
    [InlineData("1990-01-01", true)]
    [InlineData("2026-11-26", true)]
    [InlineData("2026-11-27", false)]
    [InlineData("1900-01-01", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("26-11-2026", false)]
    public void A_date_must_parse_and_fall_within_the_window(string value, bool valid)
    {
        var violations = new FieldViolations();

        var date = violations.Date(value, "date", new DateOnly(1990, 1, 1), new DateOnly(2026, 11, 26));

        Assert.Equal(valid, date is not null);
        Assert.Equal(valid, violations.IsEmpty);
    }

    [Fact]
    public void A_quote_shows_at_most_100_characters_and_no_control_characters()
    {
        var quoted = FieldChecks.Quote(new string('x', 70_000));

        Assert.Equal(101, quoted.Length);
        Assert.EndsWith("…", quoted, StringComparison.Ordinal);
        Assert.Equal("a?b", FieldChecks.Quote("a\u0000b"));
    }

    [Theory]
    [InlineData("clinic-api", true)]
    [InlineData("demo-clinic", true)]
    [InlineData("0clinic", true)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("-clinic", false)]
    [InlineData("Clinic", false)]
    [InlineData("clinic api", false)]
    [InlineData("clinic\u0000", false)]
    public void A_clinic_id_is_lower_case_letters_digits_and_dashes(string clinic, bool valid) =>
        Assert.Equal(valid, ClinicIds.IsValid(clinic));

    [Fact]
    public void A_clinic_id_has_at_most_63_characters() =>
        Assert.Equal([true, false], new[] { new string('a', 63), new string('a', 64) }.Select(ClinicIds.IsValid));
}
