using RunRestore.Programming.Clinician;
using RunRestore.Programming.Programs;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class ClinicianTests
{
    private readonly ProgramScenario _scenario = new();

    public ClinicianTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    [Fact]
    public void A_tendinopathy_ceiling_of_5_lets_pain_4_count_as_a_good_session()
    {
        var set = Assert.IsType<PainCeilingSet>(Assert.Single(_scenario.When(state =>
            SettingPainCeiling.Decide(new SetPainCeiling(5, "Achilles tendinopathy"), state!, At(0, 9)))));
        _scenario.Session(0, pain: 4);
        _scenario.Morning(1, 1);

        Assert.Equal((3, 5, "P1", "A"), (set.From, set.To, set.Why.RuleId, set.Why.Evidence));
        Assert.Equal(3, _scenario.Session(2, pain: 4).OfType<ExerciseProgressed>().Count());
    }

    [Theory]
    [InlineData(6, "P1 allows a ceiling of 0 to 5")]
    [InlineData(11, "must be between 0 and 10")]
    [InlineData(-1, "must be between 0 and 10")]
    public void A_ceiling_outside_0_to_5_is_refused(int value, string message)
    {
        var ex = Assert.Throws<InvalidRequestException>(
            () => SettingPainCeiling.Decide(new SetPainCeiling(value, "because"), _scenario.Program, At(0)));

        Assert.Equal(("pain_ceiling", message), (ex.Problems[0].Field, ex.Problems[0].Message[..message.Length]));
    }

    [Fact]
    public void A_ceiling_needs_a_reason_and_the_same_ceiling_changes_nothing()
    {
        Assert.Equal("reason", Assert.Throws<InvalidRequestException>(
            () => SettingPainCeiling.Decide(new SetPainCeiling(4, "  "), _scenario.Program, At(0))).Problems[0].Field);
        Assert.Empty(SettingPainCeiling.Decide(new SetPainCeiling(3, "default"), _scenario.Program, At(0)));
    }

    [Fact]
    public void A_clinician_may_move_the_phase_by_hand_with_a_reason()
    {
        var overridden = Assert.IsType<PhaseOverridden>(Assert.Single(_scenario.When(state =>
            OverridingPhase.Decide(new OverridePhase(Phase.Improve, "Returning athlete, screen clear", "dr.lee"), state!, At(1)))));

        Assert.Equal((Phase.Restore, Phase.Improve, "dr.lee"), (overridden.From, overridden.To, overridden.Clinician));
        Assert.Contains("still waits for a re-screen", overridden.Why.Sentence, StringComparison.Ordinal);
        Assert.Equal(Phase.Improve, _scenario.Program.Phase);
        Assert.False(_scenario.Program.TechniqueUnlocked);
    }

    [Fact]
    public void An_unknown_phase_a_missing_reason_and_a_missing_clinician_are_refused_together()
    {
        var ex = Assert.Throws<InvalidRequestException>(
            () => OverridingPhase.Decide(new OverridePhase((Phase)9, "", " "), _scenario.Program, At(1)));

        Assert.Equal(["phase", "reason", "clinician"], ex.Problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("Maintain", Phase.Maintain)]
    [InlineData("improve", Phase.Improve)]
    [InlineData("tapering", null)]
    public void Phase_words_read_in_any_case(string word, Phase? phase)
    {
        Assert.Equal(phase, Phases.Parse(word));
    }
}
