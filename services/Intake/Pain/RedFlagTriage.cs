using RunRestore.Contracts;
using RunRestore.Contracts.Safety;
using Signs = RunRestore.Contracts.Safety.RedFlagSigns;

namespace RunRestore.Intake.Pain;

/// <summary>
/// DOMAIN.md rule set v2, "Red flags — route to a clinician before anything else": which of R1-R6 a pain report
/// fires. The engine never treats a red flag; it names the signs, tells the runner to stop and see their clinician, and
/// programming holds the region until a clinician clears it. "Unsure" counts as present.
/// </summary>
public static class RedFlagTriage
{
    /// <summary>What the runner is told for an R6 note: it goes to the clinician and stops nothing on its own.</summary>
    public const string NoteAdvice =
        "Tell your clinician about this at your next visit; your clinician is notified, and it does not stop your training on its own.";

    /// <summary>DOMAIN.md R2: femoral neck/groin, anterior tibia, navicular, 5th metatarsal (BodySites.HighRiskBoneStress).</summary>
    public static bool IsHighRiskBoneSite(BodySite site) =>
        site is BodySite.Groin or BodySite.AnteriorShin or BodySite.Midfoot or BodySite.OuterFoot;

    /// <summary>The red flags <paramref name="report"/> raises, one per rule that fires, in rule order.</summary>
    public static IReadOnlyList<RedFlagRaised> Evaluate(PainReported report, Func<Guid> newId)
    {
        var present = (report.RedFlags ?? RedFlagAnswers.NoneAsked).Present;
        var withRunning = report.Phase is PainPhase.DuringRun or PainPhase.AfterRun;
        string[] Of(params string[] signs) => [.. signs.Where(present.Contains)];

        // R2: the bone stress signs, plus running pain at a high-risk site; the groin is R5's own (not fired twice).
        var boneStress = Of(Signs.BonyTenderness, Signs.PainOnHopping, Signs.PainEarlierEachRun);
        if (withRunning && IsHighRiskBoneSite(report.BodySite) && report.BodySite != BodySite.Groin)
        {
            boneStress = [.. boneStress, Signs.HighRiskBoneSite];
        }

        // R5: groin / anterior hip pain with running, treated as R2's high-risk site (never K7 lateral-hip reasoning).
        string[] groin = withRunning && report.BodySite == BodySite.Groin ? [Signs.GroinPainWithRunning] : [];
        var lowEnergy = Of(Signs.PreviousBoneStressInjury, Signs.MissedPeriods, Signs.RecentWeightLoss);
        var site = Word(report.BodySite);

        var flags = new List<RedFlagRaised>();
        void Raise(string ruleId, string[] signs, bool critical, string why)
        {
            if (signs.Length == 0)
            {
                return;
            }

            flags.Add(new RedFlagRaised(newId(), ruleId, RuleSet.VersionOf(ruleId),
                critical ? RedFlagSeverities.Critical : RedFlagSeverities.Note, RedFlagRules.EvidenceOf(ruleId),
                report.BodySite, report.Side, signs, $"{ruleId}: {Named(signs)} — {why}",
                critical ? RedFlagRules.RunnerAdvice : NoteAdvice, report.PainReportId, report.Date, report.ReportedAt));
        }

        Raise(RedFlagRules.NightOrRestPain, Of(Signs.NightPain, Signs.RestPain), true,
            "pain at night or at rest that rest does not ease can mean a bone stress injury or a non-mechanical cause; a clinician should examine it.");
        Raise(RedFlagRules.BoneStress, boneStress, true,
            $"signs of a possible bone stress injury at the {site}: stop running until a clinician clears it (Warden, Davis & Fredericson 2014).");
        Raise(RedFlagRules.StructuralJoint, Of(Signs.Swelling, Signs.Locking, Signs.GivingWay), true,
            $"swelling, locking or giving way at the {site} suggest a structural joint problem for a clinician to examine.");
        Raise(RedFlagRules.Nerve, Of(Signs.NumbnessOrTingling, Signs.RadiatingBelowKnee, Signs.Weakness), true,
            "nerve signs need a clinician's examination before training goes on.");
        Raise(RedFlagRules.GroinAnteriorHip, groin, true,
            "groin or front-of-hip pain with running is treated as a high-risk bone stress site (femoral neck, R2) until a clinician clears it; stop running.");
        var withBoneStress = boneStress.Length > 0 || groin.Length > 0;
        Raise(RedFlagRules.LowEnergyAvailability, lowEnergy, withBoneStress, withBoneStress
            ? "signs of low energy availability (RED-S) together with bone stress signs in this report: critical (IOC consensus, Mountjoy 2018)."
            : "signs of low energy availability (RED-S): a note for the clinician (IOC consensus, Mountjoy 2018).");
        return flags;
    }

    private static string Named(IEnumerable<string> signs) => string.Join(", ", signs.Select(s => s.Replace('_', ' ')));

    private static string Word(BodySite site) => Messaging.IntakeIntegrationEvents.Word(site).Replace('_', ' ');
}
