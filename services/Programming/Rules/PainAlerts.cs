using RunRestore.Programming.Programs;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// P3 (Medbridge Pathways thresholds, rule set v2), for every pain report and every session: 7/10 or more is critical;
/// at 5/10 or more, one point above the last report for that site is low and two or more is high; a first report at
/// 6/10 or more is high.
/// </summary>
internal static class PainAlerts
{
    public const int CriticalPain = 7;
    public const int AlertPain = 5;
    public const int FirstReportHigh = 6;

    /// <summary>The P3 level for <paramref name="pain"/> after <paramref name="previous"/> (null: a first report).</summary>
    public static string? Level(int pain, int? previous) => pain switch
    {
        >= CriticalPain => AlertLevels.Critical,
        >= FirstReportHigh when previous is null => AlertLevels.High,
        >= AlertPain when pain - previous >= 2 => AlertLevels.High,
        >= AlertPain when pain - previous == 1 => AlertLevels.Low,
        _ => null,
    };

    /// <summary>A session's worst pain against the previous session's (the program's pain site).</summary>
    public static IEnumerable<ClinicianAlertRaised> For(SessionRecorded session, int? previousPain, DateTimeOffset now) =>
        Alert(session.MaxPain, previousPain, Invariant($"during the session on {Wording.Day(session.Date)}"), "the last session",
            [session.SessionId.ToString()], now);

    /// <summary>
    /// The alert for <paramref name="pain"/> reported <paramref name="when"/> (e.g. "during the session on 2026-01-05"),
    /// compared with <paramref name="previous"/>, the last report of <paramref name="last"/>; nothing below the thresholds.
    /// </summary>
    public static IEnumerable<ClinicianAlertRaised> Alert(int pain, int? previous, string when, string last,
        IEnumerable<string> ids, DateTimeOffset now)
    {
        if (Level(pain, previous) is not { } level)
        {
            yield break;
        }

        var since = previous is { } before ? Invariant($", {pain - before:+0;-0;0} since {last} ({before}/10)") : "";
        var sentence = level == AlertLevels.Critical
            ? Invariant($"Pain reached {pain}/10 {when}{since}: at 7/10 or more the clinician should contact the runner ") +
                "(P3, critical)."
            : previous is null
                ? Invariant($"Pain reached {pain}/10 {when}, a first report at 6/10 or more: the clinician should look ") +
                    "(P3, high)."
                : Invariant($"Pain reached {pain}/10 {when}{since}: at 5/10 or more and rising the clinician should look ") +
                    Invariant($"(P3, {level}).");
        yield return new ClinicianAlertRaised(level, ProgramRules.Explain("P3", sentence, ids), now);
    }
}
