namespace RunRestore.Contracts.Intake;

/// <summary>The body sites a pain report names (PainReported.BodySite): the words intake sends and the others read.</summary>
public static class BodySites
{
    public const string AnteriorKnee = "anterior_knee";
    public const string LateralKnee = "lateral_knee";
    public const string MedialShin = "medial_shin";
    public const string Achilles = "achilles";
    public const string Calf = "calf";
    public const string HeelPlantar = "heel_plantar";
    public const string Hamstring = "hamstring";
    public const string Hip = "hip";
    public const string LateralHip = "lateral_hip";
    public const string LowerBack = "lower_back";
    public const string Foot = "foot";
    public const string Other = "other";

    // Rule set v2 (DOMAIN.md R2, R5): sites where a bone stress injury is high-risk.
    /// <summary>Groin / anterior hip (femoral neck): R5, never lateral-hip (K7) reasoning.</summary>
    public const string Groin = "groin";
    /// <summary>Front of the shin (anterior tibia), unlike the medial shin of MTSS (K4).</summary>
    public const string AnteriorShin = "anterior_shin";
    /// <summary>Top of the midfoot (navicular).</summary>
    public const string Midfoot = "midfoot";
    /// <summary>Outer edge of the foot (5th metatarsal).</summary>
    public const string OuterFoot = "outer_foot";

    public static readonly IReadOnlyList<string> All =
        [AnteriorKnee, LateralKnee, MedialShin, Achilles, Calf, HeelPlantar, Hamstring, Hip, LateralHip, LowerBack, Foot, Other,
            Groin, AnteriorShin, Midfoot, OuterFoot];

    /// <summary>DOMAIN.md R2: femoral neck/groin, anterior tibia, navicular, 5th metatarsal.</summary>
    public static readonly IReadOnlySet<string> HighRiskBoneStress =
        new HashSet<string>(StringComparer.Ordinal) { Groin, AnteriorShin, Midfoot, OuterFoot };
}

/// <summary>When the pain shows up (PainReported.Phase; DOMAIN.md P1 during a run, P2 next morning).</summary>
public static class PainPhases
{
    public const string DuringRun = "during_run";
    public const string AfterRun = "after_run";
    public const string NextMorning = "next_morning";
    public const string AtRest = "at_rest";

    public static readonly IReadOnlyList<string> All = [DuringRun, AfterRun, NextMorning, AtRest];
}

/// <summary>Which side hurts (PainReported.Side).</summary>
public static class BodySides
{
    public const string Left = "left";
    public const string Right = "right";
    public const string Both = "both";
    public const string NotApplicable = "not_applicable";

    public static readonly IReadOnlyList<string> All = [Left, Right, Both, NotApplicable];
}
