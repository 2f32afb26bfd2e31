using System.Collections.Immutable;
using RunRestore.Programming.Library;
using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using RunRestore.Programming.RedFlags;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>
/// Issue 13, R1-R6: a red flag that arrived before the runner had a program can be cleared by a clinician; the first
/// prescription is then not held by it, and its history still shows the flag raised and cleared with the reason.
/// </summary>
public sealed class RedFlagBeforeProgramTests
{
    private static readonly Guid FlagId = Id(4242);
    private static readonly Guid RunnerId = Id(1);

    private readonly ProgramScenario _scenario = new();

    private static IntakeSignalLog Signals(params HoldForRedFlag[] flags) =>
        new(RunnerId, ImmutableList<RunningPainReport>.Empty, RedFlagsBeforeProgram: [.. flags]);

    private static IntakeSignalLog Cleared(IntakeSignalLog signals, Guid id, int day = 1) =>
        signals.With(Assert.IsType<RedFlagCleared>(Assert.Single(Clear(signals, id, day))));

    private static IReadOnlyList<object> Clear(IntakeSignalLog? signals, Guid id, int day = 1, string reason = "MRI clear") =>
        ClearingRedFlag.Decide(new ClearRedFlag(id, reason, "dr.lee"), RunnerId, signals, At(day, 7));

    // As PrescribingProgram.HandleAsync does: the first program, then each flag the service kept before it.
    private List<object> Prescribe(IntakeSignalLog signals)
    {
        var flags = signals.RedFlagsBeforeProgram ?? [];
        var events = _scenario.When(state => PrescribingProgram.Decide(Screens.First("groin", Screens.HipAbductorsLeft, Screens.Calf),
            state, [], At(1, 12), [.. flags.Select(f => f.ToProgramRedFlag())])).ToList();
        foreach (var flag in flags)
        {
            events.AddRange(_scenario.When(state => HoldingForRedFlag.Decide(flag, state!, At(1, 12))));
        }

        return events;
    }

    [Fact]
    public void A_flag_cleared_before_the_first_prescription_does_not_hold_it_and_history_shows_both_with_the_reason()
    {
        var signals = Cleared(Signals(RedFlagTests.BoneStress(site: "groin", rule: "R5")), FlagId);

        var events = Prescribe(signals);

        var prescribed = Assert.IsType<ProgramPrescribed>(events[0]);
        Assert.Contains(prescribed.Exercises, e => ExerciseLibrary.Get(e.Code).TargetRegions.Contains("hip_abductors"));
        Assert.DoesNotContain("red flag R5", prescribed.Why.Sentence, StringComparison.Ordinal);
        var raised = Assert.IsType<RedFlagRaised>(events[1]);
        Assert.Equal(("R5", 2), (raised.Why.RuleId, raised.Why.RuleVersion));
        Assert.Contains("dr.lee cleared it on 2026-01-06, so it holds nothing", raised.Why.Sentence, StringComparison.Ordinal);
        var cleared = Assert.IsType<RedFlagCleared>(events[2]);
        Assert.Equal(("MRI clear", "dr.lee", "R5"), (cleared.Reason, cleared.ClearedBy, cleared.Why.RuleId));
        Assert.Empty(events.OfType<ClinicianAlertRaised>());
        Assert.Empty(_scenario.Program.OpenRedFlags);
        _scenario.Session(1);
        _scenario.Morning(2, 1);
        Assert.NotEmpty(_scenario.Session(3).OfType<ExerciseProgressed>());
    }

    [Fact]
    public void A_flag_not_cleared_before_the_first_prescription_holds_it_with_a_critical_alert()
    {
        var events = Prescribe(Signals(RedFlagTests.BoneStress(site: "groin", rule: "R5")));

        Assert.DoesNotContain(Assert.IsType<ProgramPrescribed>(events[0]).Exercises,
            e => ExerciseLibrary.Get(e.Code).TargetRegions.Contains("hip_abductors"));
        Assert.Contains(events.OfType<ClinicianAlertRaised>(), a => a.Level == "critical" && a.Why.RuleId == "R5");
        Assert.Equal(FlagId, Assert.Single(_scenario.Program.OpenRedFlags).Id);
        _scenario.Session(1);
        _scenario.Morning(2, 1);
        var held = _scenario.Session(3);
        Assert.Empty(held.OfType<ExerciseProgressed>());
        Assert.Contains(held.OfType<ExerciseHeld>(), h => h.Why.RuleId == "R5");
    }

    [Fact]
    public void Clearing_one_of_two_flags_before_the_program_says_which_still_holds_and_the_program_holds_for_it()
    {
        var signals = Signals(RedFlagTests.BoneStress(), RedFlagTests.BoneStress(Id(4343), "lower_back", rule: "R4"));

        var cleared = Assert.IsType<RedFlagCleared>(Assert.Single(Clear(signals, FlagId)));
        Prescribe(signals.With(cleared));

        Assert.Contains("still holds for red flag R4", cleared.Why.Sentence, StringComparison.Ordinal);
        Assert.Equal(Id(4343), Assert.Single(_scenario.Program.OpenRedFlags).Id);
    }

    [Fact]
    public void Clearing_before_the_program_needs_a_reason_a_known_flag_and_an_open_one()
    {
        var signals = Signals(RedFlagTests.BoneStress());

        Assert.Equal("reason", Assert.Throws<InvalidRequestException>(() => Clear(signals, FlagId, reason: " ")).Problems[0].Field);
        Assert.Throws<NotFoundException>(() => Clear(signals, Id(999)));
        Assert.Throws<NotFoundException>(() => Clear(null, FlagId));
        var again = Assert.Throws<PreconditionFailedException>(() => Clear(Cleared(signals, FlagId), FlagId, 2));
        Assert.Contains("was already cleared on 2026-01-06", again.Message, StringComparison.Ordinal);
    }
}
