namespace RunRestore.Contracts.Safety;

/// <summary>
/// DOMAIN.md rule set v2, "Red flags — route to a clinician before anything else" (R1-R6): the rule ids, the signs a
/// pain report or a screen can carry (each answered yes / no / unsure; unsure counts as present) and the sites where a
/// bone stress injury is high-risk. The engine never treats a red flag: it raises a critical clinician alert, tells the
/// runner to stop the provoking activity and see their clinician, and blocks progressions, new prescriptions for the
/// region and technique work until a clinician clears it with a reason.
/// </summary>
public static class RedFlagRules
{
    /// <summary>The rule set version the red flags belong to.</summary>
    public const int Version = 2;

    public const string NightOrRestPain = "R1";
    public const string BoneStress = "R2";
    public const string StructuralJoint = "R3";
    public const string Nerve = "R4";
    public const string GroinAnteriorHip = "R5";
    public const string LowEnergyAvailability = "R6";

    /// <summary>What a red flag asks of the runner: the same sentence everywhere it is shown.</summary>
    public const string RunnerAdvice =
        "Stop the activity that provokes this pain and see your clinician before training on; your program is on hold until they clear it.";

    /// <summary>Evidence level per rule (DOMAIN.md).</summary>
    public static string EvidenceOf(string ruleId) => ruleId switch
    {
        BoneStress or GroinAnteriorHip or LowEnergyAvailability => "B",
        _ => "C",
    };
}

/// <summary>The red-flag signs (the words on the wire; RedFlagRaised.Signs).</summary>
public static class RedFlagSigns
{
    // R1
    public const string NightPain = "night_pain";
    public const string RestPain = "rest_pain";
    // R2
    public const string BonyTenderness = "bony_tenderness";
    public const string PainOnHopping = "pain_on_hopping";
    public const string PainEarlierEachRun = "pain_earlier_each_run";
    public const string HighRiskBoneSite = "high_risk_bone_site";
    // R3
    public const string Swelling = "swelling";
    public const string Locking = "locking";
    public const string GivingWay = "giving_way";
    // R4
    public const string NumbnessOrTingling = "numbness_or_tingling";
    public const string RadiatingBelowKnee = "radiating_below_knee";
    public const string Weakness = "weakness";
    // R5
    public const string GroinPainWithRunning = "groin_pain_with_running";
    // R6
    public const string PreviousBoneStressInjury = "previous_bone_stress_injury";
    public const string MissedPeriods = "missed_periods";
    public const string RecentWeightLoss = "recent_weight_loss";
}

/// <summary>How serious a red flag is: critical (stop and see the clinician) or a clinician note (R6 alone).</summary>
public static class RedFlagSeverities
{
    public const string Critical = "critical";
    public const string Note = "note";
}

/// <summary>
/// A red flag was raised (DOMAIN.md R1-R6, rule set v2) from a pain report (<paramref name="Source"/> "pain_report",
/// published by intake) or a screen ("screen", published by assessment). <paramref name="BodySite"/> is the region it
/// blocks (BodySites words). Programming raises the critical clinician alert and holds the region's program until a
/// clinician clears it (RedFlagCleared).
/// </summary>
public sealed record RedFlagRaised(
    Guid RunnerId,
    Guid RedFlagId,
    string RuleId,
    int RuleVersion,
    string Severity,
    string Evidence,
    string BodySite,
    string Side,
    IReadOnlyList<string> Signs,
    string Explanation,
    string RunnerAdvice,
    string Source,
    IReadOnlyList<Guid> TriggeringIds,
    DateOnly RaisedOn) : IClinicEvent;

/// <summary>A clinician cleared a red flag, with the reason they gave (stored, shown in the program history).</summary>
public sealed record RedFlagCleared(
    Guid RunnerId,
    Guid RedFlagId,
    string RuleId,
    string ClearedBy,
    string Reason,
    DateOnly ClearedOn) : IClinicEvent;
