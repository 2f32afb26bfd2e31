using System.Globalization;
using RunRestore.Cli.App;

namespace RunRestore.Cli.Input;

/// <summary>Runner-local dates as the APIs take them: "YYYY-MM-DD".</summary>
internal static class Dates
{
    public static string Today() => Format(DateOnly.FromDateTime(DateTime.Now));

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The option's date as YYYY-MM-DD, today when not given, or a usage error.</summary>
    public static string OrToday(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Today();
        }

        return TryParse(text, out var date)
            ? Format(date)
            : throw new CliUsageException($"{option}: '{text}' is not a date as YYYY-MM-DD");
    }
}
