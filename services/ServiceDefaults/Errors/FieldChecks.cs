using System.Globalization;

namespace RunRestore.ServiceDefaults.Errors;

/// <summary>
/// The one hardening layer every write RPC's decider runs its raw input through (issue 12): finite numbers in the
/// documented range, text of the documented length without control characters, dates in the domain's window. Each
/// check names the proto field it refuses, and a refusal quotes at most <see cref="QuoteLength"/> characters of the
/// input, so no error trailer can grow past what HTTP/2 sends.
/// </summary>
public static class FieldChecks
{
    public const int QuoteLength = 100;

    /// <summary>A number within [<paramref name="min"/>, <paramref name="max"/>] (or above min when
    /// <paramref name="minExclusive"/>): NaN, ±Infinity, subnormal and out-of-range values are refused.</summary>
    public static double? Finite(this FieldViolations violations, double value, string field, double min, double max,
        string unit = "", bool minExclusive = false)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var range = minExclusive
            ? string.Create(CultureInfo.InvariantCulture, $"more than {min} and at most {max}{Unit(unit)}")
            : string.Create(CultureInfo.InvariantCulture, $"{min}-{max}{Unit(unit)}");
        if (!double.IsFinite(value))
        {
            violations.Add(field, $"must be a finite number ({range})");
            return null;
        }

        // A subnormal (e.g. 5e-324) is no measurement: it would be stored as 0.
        var inRange = !double.IsSubnormal(value) && (minExclusive ? value > min : value >= min) && value <= max;
        if (!inRange)
        {
            violations.Add(field, $"must be {range}");
            return null;
        }

        return value;
    }

    /// <summary>An optional number: null passes, anything else must pass <see cref="Finite(FieldViolations, double, string, double, double, string, bool)"/>.</summary>
    public static double? Finite(this FieldViolations violations, double? value, string field, double min, double max,
        string unit = "", bool minExclusive = false) =>
        value is { } given ? violations.Finite(given, field, min, max, unit, minExclusive) : null;

    /// <summary>Free text (notes, descriptions): trimmed, at most <paramref name="maxLength"/> characters, no control
    /// characters other than newline and tab.</summary>
    public static string Text(this FieldViolations violations, string? value, string field, int maxLength, bool required = false) =>
        violations.Checked(value, field, maxLength, required, multiLine: true);

    /// <summary>A single-line value (names, codes, ids, reasons): trimmed, at most <paramref name="maxLength"/>
    /// characters, no control characters at all.</summary>
    public static string SingleLine(this FieldViolations violations, string? value, string field, int maxLength, bool required = false) =>
        violations.Checked(value, field, maxLength, required, multiLine: false);

    /// <summary>A date "YYYY-MM-DD" within [<paramref name="earliest"/>, <paramref name="latest"/>].</summary>
    public static DateOnly? Date(this FieldViolations violations, string? value, string field, DateOnly earliest, DateOnly latest)
    {
        ArgumentNullException.ThrowIfNull(violations);
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(field, "must be a date as YYYY-MM-DD");
            return null;
        }

        if (date < earliest || date > latest)
        {
            violations.Add(field, $"must be from {Iso(earliest)} to {Iso(latest)}");
            return null;
        }

        return date;
    }

    /// <summary>Input quoted in a message: at most <see cref="QuoteLength"/> characters, control characters shown as
    /// '?', the rest cut with "…".</summary>
    public static string Quote(string? value)
    {
        var text = value ?? "";
        var cut = text.Length > QuoteLength;
        var shown = (cut ? text[..QuoteLength] : text).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        return string.Concat(shown) + (cut ? "…" : "");
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Checked(this FieldViolations violations, string? value, string field, int maxLength, bool required,
        bool multiLine)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = (value ?? "").Trim();
        if (required && text.Length == 0)
        {
            violations.Add(field, "must be given");
        }
        else if (text.Length > maxLength)
        {
            violations.Add(field, string.Create(CultureInfo.InvariantCulture,
                $"must be at most {maxLength} characters (has {text.Length})"));
        }
        else if (text.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\t')))
        {
            violations.Add(field, multiLine
                ? "must not hold control characters other than newline and tab"
                : "must be one line without control characters");
        }

        return text;
    }

    private static string Unit(string unit) => unit.Length == 0 ? "" : " " + unit;
}
