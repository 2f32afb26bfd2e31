using RunRestore.Assessment.Assessments;
using RunRestore.ServiceDefaults.Errors;
using Proto = RunRestore.Assessment.V1;

namespace RunRestore.Assessment.Grpc;

/// <summary>
/// A screen's red flag (DOMAIN.md R2, R5) as GetAssessment shows it: rule id and version, severity, signs, site and
/// side, so a clinician sees it with the screen and not only on the broker (issue 13).
/// </summary>
internal static class ScreenRedFlagMapping
{
    public static Proto.ScreenRedFlag ToProto(ScreenRedFlagRaised flag)
    {
        var proto = new Proto.ScreenRedFlag
        {
            RedFlagId = flag.RedFlagId.ToString(),
            RuleId = flag.RuleId,
            RuleVersion = flag.RuleVersion,
            Severity = flag.Severity,
            Evidence = flag.Evidence,
            BodySite = flag.BodySite,
            Side = flag.Side,
            Explanation = flag.Explanation,
            RaisedOn = FieldChecks.Iso(flag.RaisedOn),
        };
        proto.Signs.AddRange(flag.Signs);
        proto.TriggeringIds.AddRange(flag.TriggeringIds.Select(id => id.ToString()));
        return proto;
    }
}
