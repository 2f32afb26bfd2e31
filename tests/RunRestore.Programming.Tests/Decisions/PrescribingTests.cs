using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class PrescribingTests
{
    private static ProgramPrescribed PrescribeFirst(ScreenSummary screen, params DateOnly[] hardRunDays) =>
        Assert.IsType<ProgramPrescribed>(Assert.Single(PrescribingProgram.Decide(screen, null, hardRunDays, At(0, 8))));

    [Fact]
    public void A_first_screen_prescribes_one_exercise_per_finding_in_Restore_three_times_a_week()
    {
        var prescribed = PrescribeFirst(Screens.First(Screens.AnteriorKnee));

        Assert.Equal(["clamshell", "double_leg_calf_raise", "glute_bridge", "lateral_step_down", "hamstring_stretch"],
            prescribed.Exercises.Select(e => e.Code));
        Assert.Equal(["M4:hip_abductors:left", "M3:calf:both", "M7:posterior_chain:both", "M1:hip_trunk_control:right",
            "M8:hamstrings:left"], prescribed.Exercises.Select(e => e.FindingKey));
        Assert.Equal(Phase.Restore, prescribed.Phase);
        Assert.Equal(3, prescribed.SessionsPerWeek);
        Assert.Equal(3, prescribed.PainCeiling);
        Assert.Equal(Day(0), prescribed.StartsOn);
        Assert.Equal("T8", prescribed.Why.RuleId);
        Assert.Equal(3, prescribed.Week.StrengthDays.Count);
    }

    [Fact]
    public void Every_exercise_explains_which_finding_it_addresses_with_the_screen_rule()
    {
        var prescribed = PrescribeFirst(Screens.First(Screens.AnteriorKnee));

        var clamshell = prescribed.Exercises[0];
        Assert.Equal("M4", clamshell.Why.RuleId);
        Assert.Equal("B", clamshell.Why.Evidence);
        Assert.Equal(RunRestore.Contracts.RuleSet.VersionOf("M4"), clamshell.Why.RuleVersion);
        Assert.Equal(["M4:hip_abductors:left"], clamshell.Why.TriggeringIds);
        Assert.Contains("left hip abductors strength deficit", clamshell.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_sides_of_one_finding_share_a_per_side_exercise()
    {
        var prescribed = PrescribeFirst(Screens.First(Screens.HipAbductorsLeft, Screens.HipAbductorsRight));

        var clamshell = Assert.Single(prescribed.Exercises, e => e.Code == "clamshell");
        Assert.Equal(["M4:hip_abductors:left", "M4:hip_abductors:right"], clamshell.Why.TriggeringIds);
        Assert.True(clamshell.Dosage.PerSide);
    }

    [Fact]
    public void Few_findings_are_filled_to_four_from_the_pain_sites_kinetic_chain()
    {
        var prescribed = PrescribeFirst(Screens.First("anterior_knee", Screens.Calf));

        Assert.Equal(4, prescribed.Exercises.Count);
        Assert.Equal("M3:calf:both", prescribed.Exercises[0].FindingKey);
        Assert.All(prescribed.Exercises.Skip(1), e =>
        {
            Assert.Equal("K1:anterior_knee", e.FindingKey);
            Assert.Equal("K1", e.Why.RuleId);
            Assert.Contains("not a proven cause", e.Why.Sentence, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(KineticChainSites))]
    public void Exercises_filled_from_a_kinetic_chain_work_a_region_of_the_table_assessment_ranks_by(string painSite)
    {
        // The one K1-K8 table (Contracts): what programming cites a K rule for is what assessment told the clinic to check.
        var rule = RunRestore.Contracts.Screening.KineticChain.For(painSite)!;

        var prescribed = PrescribeFirst(Screens.First(painSite, Screens.ShortSleep));

        var fromChain = prescribed.Exercises.Where(e => e.Why.RuleId == rule.Id).ToList();
        Assert.NotEmpty(fromChain);
        Assert.All(fromChain, e => Assert.Contains(RunRestore.Programming.Library.ExerciseLibrary.Get(e.Code).TargetRegions,
            region => rule.Regions.Contains(region)));
    }

    public static TheoryData<string> KineticChainSites() => [.. RunRestore.Contracts.Screening.KineticChain.Sites];

    [Fact]
    public void No_findings_and_no_pain_site_give_a_general_program_of_four()
    {
        var prescribed = PrescribeFirst(Screens.First(painSite: null, Screens.ShortSleep));

        Assert.Equal(4, prescribed.Exercises.Count);
        Assert.All(prescribed.Exercises, e => Assert.Equal("T2:general", e.FindingKey));
    }

    [Fact]
    public void More_findings_than_six_are_capped_and_the_rest_are_named()
    {
        var prescribed = PrescribeFirst(Screens.First(Screens.HipAbductorsLeft, Screens.Calf, Screens.BridgeEndurance,
            Screens.TrunkEndurance, Screens.SingleLegSquat, Screens.YBalance, Screens.FootPosture, Screens.Hamstrings,
            Screens.Dorsiflexion));

        Assert.Equal(6, prescribed.Exercises.Count);
        Assert.All(prescribed.Exercises, e => Assert.StartsWith("M", e.FindingKey, StringComparison.Ordinal));
        Assert.Contains("Not yet addressed", prescribed.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hamstring_pain_site_never_gets_the_Nordic()
    {
        var prescribed = PrescribeFirst(Screens.First("hamstring", Screens.HamstringStrength));

        Assert.DoesNotContain(prescribed.Exercises, e => e.Code.StartsWith("nordic", StringComparison.Ordinal));
        Assert.Equal("wall_bridge", prescribed.Exercises[0].Code);
        Assert.Equal("K6:hamstrings:both", prescribed.Exercises[0].FindingKey);
    }

    [Fact]
    public void The_first_week_keeps_strength_away_from_hard_runs()
    {
        var prescribed = PrescribeFirst(Screens.First(Screens.AnteriorKnee), Day(1), Day(5));

        Assert.Equal([Day(2), Day(3), Day(6)], prescribed.Week.StrengthDays.Select(d => d.Date));
    }

    [Fact]
    public void The_same_screen_delivered_twice_changes_nothing()
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(Screens.AnteriorKnee));

        Assert.Empty(scenario.Prescribe(Screens.First(Screens.AnteriorKnee), day: 1));
    }

    [Fact]
    public void A_bad_screen_reports_every_problem_at_once()
    {
        var screen = new ScreenSummary(Guid.Empty, Day(3), Day(4), false, " ",
            [Screens.Calf, Screens.Calf with { Kind = "weakness" }]);

        var ex = Assert.Throws<InvalidRequestException>(() => PrescribingProgram.Decide(screen, null, [], At(2)));
        Assert.Equal(["assessment_id", "completed_on", "first_completed_on", "pain_site", "findings[1].key", "findings[1].kind"],
            ex.Problems.Select(p => p.Field));
    }
}
