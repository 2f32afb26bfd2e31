using RunRestore.Assessment.Screening;
using Xunit;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class TestCatalogueTests
{
    [Theory]
    [InlineData("single_leg_squat", "M1", "control", "rating", 0, 0)]
    [InlineData("knee_to_wall", "M2", "mobility", "cm", 0, 20)]
    [InlineData("single_leg_heel_raise", "M3", "strength", "reps", 0, 150)]
    [InlineData("hip_abduction_strength", "M4", "strength", "n_per_kg", 0, 10)]
    [InlineData("quadriceps_strength", "K1", "strength", "n_per_kg", 0, 15)]
    [InlineData("hamstring_strength", "K6", "strength", "n_per_kg", 0, 15)]
    [InlineData("y_balance_anterior", "M5", "balance", "cm", 0, 150)]
    [InlineData("y_balance_composite", "M5", "balance", "percent_limb_length", 0, 150)]
    [InlineData("single_leg_balance_eyes_closed", "M6", "balance", "seconds", 0, 120)]
    [InlineData("single_leg_bridge_endurance", "M7", "endurance", "seconds", 0, 300)]
    [InlineData("side_plank_endurance", "M7", "endurance", "seconds", 0, 300)]
    [InlineData("active_knee_extension_deficit", "M8", "mobility", "degrees", 0, 90)]
    [InlineData("foot_posture_index", "M9", "foot", "fpi", -12, 12)]
    [InlineData("navicular_drop", "M9", "foot", "mm", 0, 30)]
    [InlineData("single_leg_hop_pain", "R2", "red_flag", "answer", 0, 2)]
    [InlineData("bony_tenderness", "R2", "red_flag", "answer", 0, 2)]
    public void Every_test_names_its_rule_quality_default_unit_and_range_and_is_measured_per_side(
        string code, string ruleId, string quality, string unit, int min, int max)
    {
        var test = TestCatalogue.Find(code);

        Assert.NotNull(test);
        Assert.Equal((code, ruleId, quality, unit, (decimal)min, (decimal)max), (test.Code, test.RuleId, test.Quality, test.Units[0], test.Min, test.Max));
        Assert.True(test.PerSide);
        Assert.Equal((decimal)min, TestCatalogue.RangeFor(code, unit)?.Min);
    }

    [Fact]
    public void The_catalogue_holds_sixteen_tests_in_screen_order_with_unique_snake_case_codes()
    {
        Assert.Equal(16, TestCatalogue.All.Count);
        Assert.Equal(TestCatalogue.All.Count, TestCatalogue.All.Select(t => t.Code).Distinct().Count());
        Assert.All(TestCatalogue.All, t => Assert.Matches("^[a-z]+(_[a-z]+)*$", t.Code));
        Assert.Equal(["M1", "M2", "M3", "M4", "K1", "K6", "M5", "M5", "M6", "M7", "M7", "M8", "M9", "M9", "R2", "R2"], TestCatalogue.All.Select(t => t.RuleId));
    }

    [Fact]
    public void Every_test_has_a_name_a_one_sentence_instruction_norms_and_a_known_quality()
    {
        string[] qualities = ["strength", "mobility", "control", "balance", "endurance", "foot", "red_flag"];
        Assert.All(TestCatalogue.All, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Name));
            Assert.EndsWith(".", t.Instructions, StringComparison.Ordinal);
            Assert.DoesNotContain(". ", t.Instructions, StringComparison.Ordinal);
            Assert.NotEmpty(t.Norms);
            Assert.Contains(t.Quality, qualities);
            Assert.True(t.Min <= t.Max);
        });
    }

    [Fact]
    public void Only_the_M1_single_leg_squat_needs_a_rating()
    {
        Assert.Equal(["single_leg_squat"], TestCatalogue.All.Where(t => t.NeedsRating).Select(t => t.Code));
    }

    [Fact]
    public void M2_and_M5_anterior_reach_carry_their_minimal_detectable_change()
    {
        Assert.Equal(1.0m, TestCatalogue.Find("knee_to_wall")?.Mdc);
        Assert.Equal(4m, TestCatalogue.Find("y_balance_anterior")?.Mdc);
        Assert.Null(TestCatalogue.Find("single_leg_heel_raise")?.Mdc);
    }

    [Theory]
    [InlineData("hip_abduction_strength", "percent_bw", 0, 100)]
    [InlineData("quadriceps_strength", "nm_per_kg", 0, 10)]
    public void A_second_unit_has_a_range_of_its_own(string code, string unit, int min, int max)
    {
        Assert.Contains(unit, TestCatalogue.Find(code)!.Units);
        Assert.Equal(((decimal)min, (decimal)max), TestCatalogue.RangeFor(code, unit));
    }

    [Fact]
    public void Unknown_codes_and_units_are_not_found()
    {
        Assert.Null(TestCatalogue.Find("plank"));
        Assert.Null(TestCatalogue.Find("Knee_To_Wall"));
        Assert.Null(TestCatalogue.RangeFor("knee_to_wall", "mm"));
    }

    [Fact]
    public void M3_heel_raise_norms_list_every_age_band_from_the_same_table_the_rule_uses()
    {
        var norms = TestCatalogue.Find("single_leg_heel_raise")!.Norms;

        Assert.Contains("20-29 y: male 37, female 30 reps", norms);
        Assert.Contains("40-49 y: male 28, female 24 reps", norms);
        Assert.Contains("60+ y: 19 reps", norms);
    }
}
