using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// P3 (Medbridge Pathways thresholds): the session's worst pain at 7/10 or more is critical; at 5/10 or more, one point
/// above the previous session is low and two or more points above is high. A first session has nothing to compare
/// with, so only the critical threshold applies to it.
/// </summary>
internal static class PainAlerts
{
    public const int CriticalPain = 7;
    public const int AlertPain = 5;

    public static IEnumerable<ClinicianAlertRaised> For(SessionRecorded session, int? previousPain, DateTimeOffset now)
    {
        var pain = session.MaxPain;
        var rise = pain - previousPain;
        var level = pain switch
        {
            >= CriticalPain => AlertLevels.Critical,
            >= AlertPain when rise >= 2 => AlertLevels.High,
            >= AlertPain when rise == 1 => AlertLevels.Low,
            _ => null,
        };
        if (level is null)
        {
            yield break;
        }

        var since = previousPain is { } last ? Invariant($", {rise:+0;-0;0} since the last session ({last}/10)") : "";
        var sentence = level == AlertLevels.Critical
            ? Invariant($"Pain reached {pain}/10 during the session on {Wording.Day(session.Date)}{since}: at 7/10 ") +
                "or more the clinician should contact the runner (P3, critical)."
            : Invariant($"Pain reached {pain}/10 during the session on {Wording.Day(session.Date)}{since}: at 5/10 ") +
                Invariant($"or more and rising the clinician should look (P3, {level}).");
        yield return new ClinicianAlertRaised(level, ProgramRules.Explain("P3", sentence, session.SessionId.ToString()), now);
    }
}
