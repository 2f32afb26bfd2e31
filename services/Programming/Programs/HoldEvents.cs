namespace RunRestore.Programming.Programs;

// The events of holds that last as long as a flag of intake's does (S1, S2) and of a second load flag joining a T5
// reaction already under way (rule set v2, issue 13).

/// <summary>A wellness flag (S1 sleep, S2 stress) intake has raised and not yet cleared, as the program keeps it.</summary>
public sealed record WellnessFlag(string RuleId, string Kind, string Severity, DateOnly Since);

/// <summary>
/// S1 or S2 is active: strength progressions are held (like T5) until intake clears the flag; a later severity of the
/// same flag is another of these.
/// </summary>
public sealed record ProgressionsHeldForWellness(string RuleId, string Kind, string Severity, DateOnly From, Explanation Why);

/// <summary>Intake cleared the S1 or S2 flag: the hold it put on progressions ends (others may still hold).</summary>
public sealed record WellnessHoldEnded(string RuleId, string Kind, DateOnly On, Explanation Why);

/// <summary>
/// A second load flag (L2 high or L3) fired while a T5 reaction to another was under way: the running advice and the
/// hold already recorded cover it, and <paramref name="Advice"/> is the one running advice citing every flag.
/// </summary>
public sealed record LoadFlagJoinedHold(string FlagId, DateOnly On, DateOnly WeekStart, string Advice, Explanation Why);
