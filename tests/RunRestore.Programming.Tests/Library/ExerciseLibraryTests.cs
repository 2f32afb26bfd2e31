using RunRestore.Programming.Library;
using Xunit;

namespace RunRestore.Programming.Tests.Library;

public sealed class ExerciseLibraryTests
{
    private static readonly string[] QualityWords = ["strength", "mobility", "control", "balance", "technique"];

    [Theory]
    [InlineData("glute_bridge single_leg_bridge hip_thrust")]
    [InlineData("wall_bridge single_leg_wall_bridge")]
    [InlineData("squat split_squat lunge reverse_lunge_knee_drive single_leg_box_squat")]
    [InlineData("clamshell side_lying_hip_abduction side_plank side_plank_hip_abduction")]
    [InlineData("double_leg_calf_raise single_leg_calf_raise single_leg_bent_knee_calf_raise eccentric_heel_drop")]
    [InlineData("nordic_assisted nordic_full")]
    [InlineData("step_up lateral_step_down")]
    [InlineData("single_leg_balance single_leg_balance_eyes_closed single_leg_balance_unstable single_leg_balance_reach")]
    [InlineData("cadence_plus_5 cadence_plus_10")]
    [InlineData("a_skip b_skip")]
    public void Each_ladder_climbs_in_the_order_of_DOMAIN_md_and_stops_at_both_ends(string ladder)
    {
        var steps = ladder.Split(' ');
        Assert.Null(ExerciseLibrary.Previous(steps[0]));
        Assert.Null(ExerciseLibrary.Next(steps[^1]));
        for (var i = 0; i < steps.Length - 1; i++)
        {
            Assert.Equal(steps[i + 1], ExerciseLibrary.Next(steps[i])?.Code);
            Assert.Equal(steps[i], ExerciseLibrary.Previous(steps[i + 1])?.Code);
            Assert.Equal(i, ExerciseLibrary.Get(steps[i]).Step);
        }
    }

    [Theory]
    [InlineData("hamstring_stretch")]
    [InlineData("foam_roll_quads")]
    [InlineData("foam_roll_calf")]
    [InlineData("foam_roll_itb")]
    [InlineData("foam_roll_thoracic")]
    [InlineData("knee_to_wall")]
    [InlineData("hip_flexor_stretch")]
    public void Mobility_exercises_stand_alone_with_nothing_above_or_below(string code)
    {
        var exercise = ExerciseLibrary.Get(code);

        Assert.Equal(Qualities.Mobility, exercise.Quality);
        Assert.Null(ExerciseLibrary.Next(code));
        Assert.Null(ExerciseLibrary.Previous(code));
    }

    [Fact]
    public void Codes_are_unique_and_every_exercise_has_a_region_a_dosage_and_a_cue()
    {
        Assert.Equal(ExerciseLibrary.All.Count, ExerciseLibrary.All.Select(e => e.Code).Distinct().Count());
        Assert.All(ExerciseLibrary.All, e =>
        {
            Assert.NotEmpty(e.TargetRegions);
            Assert.NotEmpty(e.Cues);
            Assert.True(e.Dosage.Sets > 0 && (e.Dosage.Reps > 0 || e.Dosage.HoldSeconds > 0), e.Code);
            Assert.Contains(e.Quality, QualityWords);
        });
    }

    [Fact]
    public void Technique_work_is_only_the_step_rate_drills_and_posture_cues()
    {
        var technique = ExerciseLibrary.All.Where(e => e.Quality == Qualities.Technique).Select(e => e.Code);

        Assert.Equal(["cadence_plus_5", "cadence_plus_10", "a_skip", "b_skip", "posture_cues"], technique);
    }

    [Fact]
    public void The_Nordic_is_contraindicated_for_hamstring_pain_and_heavy_for_T7()
    {
        var nordic = ExerciseLibrary.Get("nordic_assisted");

        Assert.True(ExerciseLibrary.IsContraindicated(nordic, "hamstring"));
        Assert.False(ExerciseLibrary.IsContraindicated(nordic, "anterior_knee"));
        Assert.False(ExerciseLibrary.IsContraindicated(nordic, null));
        Assert.True(nordic.HeavyLowerBody);
        Assert.False(ExerciseLibrary.Get("clamshell").HeavyLowerBody);
    }

    [Fact]
    public void For_region_lists_what_targets_it_and_unknown_codes_have_no_neighbours()
    {
        var calf = ExerciseLibrary.ForRegion("calf").Select(e => e.Code).ToList();

        Assert.Contains("double_leg_calf_raise", calf);
        Assert.Contains("foam_roll_calf", calf);
        Assert.DoesNotContain("clamshell", calf);
        Assert.Contains("knee_to_wall", ExerciseLibrary.ForRegion("ankle_dorsiflexion").Select(e => e.Code));
        Assert.Empty(ExerciseLibrary.ForRegion("sleep"));
        Assert.Null(ExerciseLibrary.Find("burpee"));
        Assert.Null(ExerciseLibrary.Next("burpee"));
        Assert.Null(ExerciseLibrary.Previous("burpee"));
    }
}
