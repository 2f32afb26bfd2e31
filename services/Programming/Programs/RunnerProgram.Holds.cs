using System.Collections.Immutable;

namespace RunRestore.Programming.Programs;

// The holds that follow intake's flags (S1, S2 for as long as they are active; T5 once per week however many flags).
public sealed partial record RunnerProgram
{
    /// <summary>The S1/S2 flags intake has raised and not cleared: while any is, progressions are held.</summary>
    public ImmutableList<WellnessFlag> ActiveWellnessFlags => WellnessFlags ?? [];

    /// <summary>The load flags ("L3:distance_jump:caution") the current T5 reaction answers, or none.</summary>
    public ImmutableList<string> CurrentLoadHoldFlags => LoadHoldFlags ?? [];

    public RunnerProgram Apply(ProgressionsHeldForWellness e) => this with
    {
        WellnessFlags = ActiveWellnessFlags.RemoveAll(f => f.RuleId == e.RuleId && f.Kind == e.Kind)
            .Add(new WellnessFlag(e.RuleId, e.Kind, e.Severity, e.From)),
    };

    public RunnerProgram Apply(WellnessHoldEnded e) => this with
    {
        WellnessFlags = ActiveWellnessFlags.RemoveAll(f => f.RuleId == e.RuleId && f.Kind == e.Kind),
    };

    public RunnerProgram Apply(LoadFlagJoinedHold e) => this with { LoadHoldFlags = CurrentLoadHoldFlags.Add(e.FlagId) };
}
