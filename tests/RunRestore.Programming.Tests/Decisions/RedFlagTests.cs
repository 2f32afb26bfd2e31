using RunRestore.Programming.Clinician;
using RunRestore.Programming.Library;
using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.RedFlags;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;
using RedFlagRules = RunRestore.Contracts.Safety.RedFlagRules;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>DOMAIN.md R1-R6 (rule set v2): a red flag holds the program until a clinician clears it with a reason.</summary>
public sealed class RedFlagTests
{
    private static readonly Guid FlagId = Id(4242);

    private readonly ProgramScenario _scenario = new();

    public RedFlagTests()
    {
        _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        _scenario.Morning(0, 1);
    }

    /// <summary>A bone stress suspicion at the anterior shin from a pain report (R2, critical).</summary>
    internal static HoldForRedFlag BoneStress(Guid? id = null, string site = "anterior_shin", string severity = "critical",
        string rule = "R2") =>
        new(id ?? FlagId, rule, 2, severity, site, "left", ["bony_tenderness", "pain_on_hopping"],
            "Bony tenderness and pain on hopping at a high-risk site.", "pain_report", [Id(77)], Day(1));

    private IReadOnlyList<object> Raise(HoldForRedFlag flag, int day = 1) =>
        _scenario.When(state => HoldingForRedFlag.Decide(flag, state!, At(day, 9)));

    private IReadOnlyList<object> Clear(Guid id, int day, string reason = "MRI clear, no stress reaction") =>
        _scenario.When(state => ClearingRedFlag.Decide(new ClearRedFlag(id, reason, "dr.lee"), state!, At(day, 10)));

    [Fact]
    public void A_critical_red_flag_raises_a_critical_alert_citing_its_rule_and_version_and_holds_the_program()
    {
        var events = Raise(BoneStress());

        var raised = Assert.IsType<RedFlagRaised>(events[0]);
        Assert.Equal(("R2", 2, "B"), (raised.Why.RuleId, raised.Why.RuleVersion, raised.Why.Evidence));
        Assert.Contains(RedFlagRules.RunnerAdvice, raised.Why.Sentence, StringComparison.Ordinal);
        var alert = Assert.IsType<ClinicianAlertRaised>(events[1]);
        Assert.Equal(("critical", "R2", 2), (alert.Level, alert.Why.RuleId, alert.Why.RuleVersion));
        Assert.Contains(FlagId.ToString(), alert.Why.TriggeringIds);
        Assert.Equal(FlagId, Assert.Single(_scenario.Program.OpenRedFlags).Id);
    }

    [Fact]
    public void The_same_red_flag_twice_changes_nothing_and_a_clinician_note_holds_without_a_critical_alert()
    {
        Raise(BoneStress());
        Assert.Empty(Raise(BoneStress()));

        var note = Raise(BoneStress(Id(4343), "other", "note", "R6"));

        Assert.IsType<RedFlagRaised>(Assert.Single(note));
        Assert.Equal(2, _scenario.Program.OpenRedFlags.Count);
    }

    [Fact]
    public void While_a_red_flag_is_open_sessions_never_progress_and_say_which_flag_holds_them_then_progress_once_cleared()
    {
        Raise(BoneStress());
        _scenario.Session(2);
        var held = _scenario.Session(4);

        Assert.Empty(held.OfType<ExerciseProgressed>());
        var holds = held.OfType<ExerciseHeld>().ToList();
        Assert.NotEmpty(holds);
        Assert.All(holds, h =>
        {
            Assert.Equal(("R2", 2), (h.Why.RuleId, h.Why.RuleVersion));
            Assert.Contains("red flag R2 (bony tenderness, pain on hopping) at the anterior shin", h.Why.Sentence, StringComparison.Ordinal);
            Assert.Contains(FlagId.ToString(), h.Why.TriggeringIds);
        });

        var cleared = Assert.IsType<RedFlagCleared>(Assert.Single(Clear(FlagId, 5)));
        Assert.Equal(("MRI clear, no stress reaction", "dr.lee", "R2", 2), (cleared.Reason, cleared.ClearedBy, cleared.Why.RuleId, cleared.Why.RuleVersion));
        Assert.Contains("No red flag is open any more", cleared.Why.Sentence, StringComparison.Ordinal);
        Assert.Empty(_scenario.Program.OpenRedFlags);
        _scenario.Morning(5, 1);
        Assert.NotEmpty(_scenario.Session(7).OfType<ExerciseProgressed>());
    }

    [Fact]
    public void A_revision_during_the_hold_prescribes_nothing_for_the_flagged_region_and_the_technique_gate_says_why()
    {
        Raise(BoneStress(site: "groin", rule: "R5"));
        for (var week = 0; week < 6; week++)
        {
            _scenario.Week(week);
        }

        var events = _scenario.Prescribe(Screens.Again(42), day: 42);

        Assert.Empty(events.OfType<PhaseAdvanced>());
        var revised = Assert.IsType<ProgramRevised>(events[0]);
        Assert.False(revised.TechniqueUnlocked);
        Assert.Contains("red flag R5", revised.TechniqueGate.Sentence, StringComparison.Ordinal);
        Assert.Contains(Assert.IsType<TechniqueStayedLocked>(Assert.Single(events.Skip(1))).Reasons,
            r => r.Contains("red flag R5", StringComparison.Ordinal));
        Assert.Contains(FlagId.ToString(), revised.TechniqueGate.TriggeringIds);
        Assert.Contains("no exercises for that region are prescribed", revised.Why.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(revised.Exercises, e => ExerciseLibrary.Get(e.Code).TargetRegions
            .Any(r => r is "hip_abductors" or "hip_trunk_control" or "posterior_chain" or "quadriceps" or "dynamic_balance"));
        Assert.Equal(Phase.Restore, _scenario.Program.Phase);
    }

    [Fact]
    public void A_red_flag_raised_before_the_program_keeps_its_region_out_of_the_first_prescription()
    {
        var before = new ProgramScenario();
        var flag = BoneStress(site: "groin", rule: "R5").ToProgramRedFlag();

        var prescribed = Assert.IsType<ProgramPrescribed>(Assert.Single(before.When(state =>
            PrescribingProgram.Decide(Screens.First("groin", Screens.HipAbductorsLeft, Screens.Calf), state, [], At(0, 8), [flag]))));

        Assert.DoesNotContain(prescribed.Exercises, e => ExerciseLibrary.Get(e.Code).TargetRegions.Contains("hip_abductors"));
        Assert.Contains(prescribed.Exercises, e => e.FindingKey == Screens.Calf.Key);
        Assert.Contains("red flag R5", prescribed.Why.Sentence, StringComparison.Ordinal);
        Assert.Contains(FlagId.ToString(), prescribed.Why.TriggeringIds);
    }

    [Fact]
    public void Improve_by_hand_is_refused_while_a_red_flag_is_open_naming_the_flag()
    {
        Raise(BoneStress());

        var ex = Assert.Throws<PreconditionFailedException>(() =>
            OverridingPhase.Decide(new OverridePhase(Phase.Improve, "screen clear", "dr.lee"), _scenario.Program, At(2)));

        Assert.Contains("red flag R2", ex.Message, StringComparison.Ordinal);
        Assert.Single(OverridingPhase.Decide(new OverridePhase(Phase.Maintain, "steady", "dr.lee"), _scenario.Program, At(2)));
    }

    [Fact]
    public void Technique_drills_leave_the_program_when_a_red_flag_is_raised_in_Improve()
    {
        for (var week = 0; week < 6; week++)
        {
            _scenario.Week(week);
        }

        _scenario.Prescribe(Screens.Again(42), day: 42);
        Assert.True(_scenario.Program.TechniqueUnlocked);

        Raise(BoneStress(), day: 43);

        Assert.False(_scenario.Program.TechniqueUnlocked);
        Assert.DoesNotContain(_scenario.Program.Exercises, RunnerProgram.IsTechnique);
    }

    [Fact]
    public void Clearing_needs_a_reason_a_known_flag_and_an_open_one()
    {
        Raise(BoneStress());

        Assert.Equal("reason", Assert.Throws<InvalidRequestException>(() => Clear(FlagId, 2, " ")).Problems[0].Field);
        Assert.Equal("reason", Assert.Throws<InvalidRequestException>(() => Clear(FlagId, 2, new string('x', 201))).Problems[0].Field);
        Assert.Throws<NotFoundException>(() => Clear(Id(999), 2));
        Clear(FlagId, 2);
        var again = Assert.Throws<PreconditionFailedException>(() => Clear(FlagId, 3));
        Assert.Contains("red_flag_id: was already cleared on 2026-01-07", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_two_flags_open_clearing_one_keeps_the_hold_and_says_which_still_holds()
    {
        Raise(BoneStress());
        Raise(BoneStress(Id(4343), "lower_back", rule: "R4"));

        var cleared = Assert.IsType<RedFlagCleared>(Assert.Single(Clear(FlagId, 3)));

        Assert.Contains("still holds for red flag R4", cleared.Why.Sentence, StringComparison.Ordinal);
        Assert.Empty(_scenario.Session(3).Concat(_scenario.Session(4)).OfType<ExerciseProgressed>());
    }
}
