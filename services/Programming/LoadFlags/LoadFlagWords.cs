using RunRestore.Programming.Rules;
using static System.FormattableString;

namespace RunRestore.Programming.LoadFlags;

/// <summary>How T5, S1 and S2 name the flags behind a reaction or a hold, in the clinic's words.</summary>
internal static class LoadFlagWords
{
    /// <summary>"training load is rising … (L2 …) and weekly running distance jumped … (L3)" for flag ids "L2:kind:severity".</summary>
    public static string What(IEnumerable<string> flagIds) => string.Join(" and ", flagIds.Select(id => Of(id.Split(':')[0])));

    /// <summary>T5's running advice for the week starting <paramref name="weekStart"/>, citing every flag.</summary>
    public static string RunningAdvice(IEnumerable<string> flagIds, DateOnly weekStart) =>
        Invariant($"As {What(flagIds)}, cut the running volume of the next 7 days (from {Wording.Day(weekStart)}) by ") +
            Invariant($"{ProgramRules.RunningCutFromPercent}-{ProgramRules.RunningCutToPercent} % (T5).");

    public static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    // L2 is contested (evidence X): say "load rising faster than usual", never an injury probability.
    private static string Of(string ruleId) => ruleId switch
    {
        "L2" => "training load is rising much faster than usual (L2, acute:chronic ≥ 1.5; contested evidence)",
        "L3" => "weekly running distance jumped by more than 30 % (L3)",
        "S1" => "sleep has averaged under 7 hours a night over the last week (S1)",
        "S2" => "stress has been rated 4/5 or more for a week (S2)",
        _ => ruleId,
    };
}
