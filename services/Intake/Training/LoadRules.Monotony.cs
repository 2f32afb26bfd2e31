using System.Globalization;

namespace RunRestore.Intake.Training;

public static partial class LoadRules
{
    /// <summary>
    /// L4: monotony stored when every day of the week had the same non-zero load (SD 0, mean/SD undefined), and the
    /// ceiling for tiny SDs. Foster's flag line is 2.0; 10 already means "the same every day", and a cap keeps strain
    /// (load × monotony) a readable trend instead of exploding.
    /// </summary>
    public const decimal MonotonyCap = 10m;

    private static LoadFlag? MonotonyFlag(TrainingHistory history, DateOnly asOf)
    {
        var week = DayWindow.Ending(asOf, 7);
        var sessions = Sessions(history, week);
        var days = DailyLoads(sessions, week);
        if (Monotony(days) is not { } monotony || !MonotonyAboveTwo(days))
        {
            return null;
        }

        var load = days.Sum();
        var strain = Strain(load, monotony);
        var explanation = string.Create(CultureInfo.InvariantCulture,
            $"Your training load was much the same from day to day over the last 7 days (monotony {Show(monotony, "0.00")}, above 2.0; weekly load {Show(load, "0.##")}, strain {Show(strain, "0.##")}): mixing hard, easy and rest days helps you recover.");
        var numbers = new Dictionary<string, decimal>
        {
            ["monotony"] = monotony,
            ["strain"] = strain,
            ["weekly_load"] = load,
        };
        return Flag("L4", "monotony", "caution", 'C', numbers, explanation, sessions.Select(s => s.EventId));
    }

    /// <summary>L4 Foster monotony = mean daily load / population SD, rounded to 2 decimals; null when every day was 0.</summary>
    internal static decimal? Monotony(decimal[] days)
    {
        var mean = days.Sum() / days.Length;
        if (mean == 0)
        {
            return null;
        }

        var variance = days.Sum(d => (d - mean) * (d - mean)) / days.Length;
        var sd = SquareRoot(variance);
        return Round(mean >= MonotonyCap * sd ? MonotonyCap : mean / sd, 2);
    }

    /// <summary>L4 strain from the stored (rounded) monotony, so weekly load × monotony can be checked by hand.</summary>
    internal static decimal Strain(decimal weeklyLoad, decimal? monotony) => monotony is { } m ? weeklyLoad * m : 0;

    /// <summary>
    /// L4's threshold decided exactly: mean / SD > 2 ⇔ mean² > 4·variance ⇔ 5·S² > 4·n·Σd² (S = sum of the n daily
    /// loads). A decimal square root is not exact, so comparing the quotient could misfire at exactly 2.0.
    /// </summary>
    private static bool MonotonyAboveTwo(decimal[] days)
    {
        var sum = days.Sum();
        return 5 * sum * sum > 4 * days.Length * days.Sum(d => d * d);
    }

    /// <summary>Newton's method from the double estimate: decimal has no square root, and a double loses digits.</summary>
    private static decimal SquareRoot(decimal value)
    {
        if (value <= 0)
        {
            return 0;
        }

        var root = (decimal)Math.Sqrt((double)value);
        for (var i = 0; i < 3 && root > 0; i++)
        {
            root = (root + value / root) / 2;
        }

        return root;
    }
}
