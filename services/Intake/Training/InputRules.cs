using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>Checks shared by intake's writes (issue 3 "Bad input"); field names are the proto's.</summary>
public static class InputRules
{
    public const int MaxTextLength = 200;
    public static readonly DateOnly EarliestDate = new(1990, 1, 1);

    /// <summary>A runner-local date "YYYY-MM-DD" from 1990 up to <paramref name="maxDaysAhead"/> days after today.</summary>
    public static DateOnly? Date(this FieldViolations violations, string value, string field, DateOnly today, int maxDaysAhead = 1) =>
        violations.Date(value, field, EarliestDate, today.AddDays(maxDaysAhead));

    /// <summary>An enum value the domain knows; not given (unspecified) or unknown is refused.</summary>
    public static TEnum? Required<TEnum>(this FieldViolations violations, Choice<TEnum> choice, string field)
        where TEnum : struct, Enum
    {
        if (choice.Value is { } value)
        {
            return value;
        }

        violations.Add(field, choice.Unknown is { } sent ? $"{sent} is not a known value" : "must be given");
        return null;
    }

    /// <summary>An optional enum: not given is null; an unknown value is an error.</summary>
    public static TEnum? Optional<TEnum>(this FieldViolations violations, Choice<TEnum> choice, string field)
        where TEnum : struct, Enum =>
        choice.IsGiven ? violations.Required(choice, field) : null;

    /// <summary>Free text (notes, descriptions) of at most 200 characters (trimmed); newline and tab allowed.</summary>
    public static string Text(this FieldViolations violations, string? value, string field) =>
        violations.Text(value, field, MaxTextLength);

    /// <summary>A one-line value (a name, a partner, an id) of at most 200 characters (trimmed).</summary>
    public static string Line(this FieldViolations violations, string? value, string field) =>
        violations.SingleLine(value, field, MaxTextLength);

    /// <summary>A 0-10 rating (RPE, pain) that must be given.</summary>
    public static int ZeroToTen(this FieldViolations violations, int? value, string field)
    {
        if (value is null)
        {
            violations.Add(field, "must be given (0-10)");
            return 0;
        }

        violations.Check(value is >= 0 and <= 10, field, "must be between 0 and 10");
        return value.Value;
    }
}
